/**
 * Japanese words of the inquiry's checklist (the steps before 申込 and 成約) and of the refusal
 * when one is missing. These are the agency's own working steps, not the insurer's wording.
 */
export const inquiryStepMessages = {
  stepLabels: {
    noticeFormRequested: '告知書の記入を先方に依頼した',
    noticeFormReceived: '記入済みの告知書を受け取った',
    finalIntentConfirmed: '最終意向を確認した',
    importantMattersHandedOver: '重要事項説明書を交付した',
    staffIsSolicitor: '担当者が募集人として登録されている',
  },
  /** What to do for each missing step, said as the next action. */
  stepHints: {
    noticeFormRequested: '病院・介護老人保健施設の保険料は告知内容で決まります。保険会社の告知書を先方にお渡しして記入を依頼し、記録してください。',
    noticeFormReceived: '先方から記入済みの告知書を受け取ったら記録してください。',
    finalIntentConfirmed: '「意向の把握・確認」で最終意向を確認してください。',
    importantMattersHandedOver: '「重要事項説明書の交付」で交付を記録してください。',
    staffIsSolicitor: '担当者を募集人として登録された人にしてください。',
  },
  refusalLead: (to: string) => `「${to}」にするには、次の手順がまだ済んでいません：`,
  noticeFormLead: 'この医療機関は病院・介護老人保健施設のため、保険会社の告知書が必要です。',
  markDone: '済みにする',
  markUndone: '取り消す',
  markedDone: (label: string) => `「${label}」を記録しました。`,
  markedUndone: (label: string) => `「${label}」の記録を取り消しました。`,
  doneOnInFuture: '日付に未来の日は指定できません。',
  doneOnBeforeReceived: '日付は受付日より前にできません。',
  stepNotForKind: '告知書の手順は、病院・介護老人保健施設の問い合わせにだけ記録できます。',
} as const;
