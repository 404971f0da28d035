/** Japanese words of the 対応記録 (follow-up log) of an inquiry. */
export const followUpMessages = {
  doneOnInFuture: '対応日に未来の日は指定できません',
  doneOnBeforeReceived: '対応日は受付日より前にできません',
  added: '対応記録を追加しました。',
  addedWithNext: (next: string) => `対応記録を追加し、次回対応日を${next}にしました。`,
} as const;
