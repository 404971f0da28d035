/** Japanese text of 重複をまとめる: merging two records of one clinic, and undoing it. */
export const clinicMergeMessages = {
  sameRecord: '同じ記録どうしはまとめられません。別の記録を選んでください。',
  alreadyMerged: 'この記録はすでに別の記録にまとめられています。まとめ先の記録を開いてください。',
  keptArchived: '残す記録がアーカイブされています。先に「アーカイブから戻す」で戻してから、まとめてください。',
  memberNumberHeldElsewhere: '選んだ会員番号は、この2件とは別の医療機関に登録されています。会員番号を確かめてください。',
  bedCountMismatch: (problem: string) => `選んだ種別と病床数が合いません（${problem}）。どちらも同じ記録の値を選んでください。`,
  onlyMailingDiffers: '送付不要のほかは、2件の記録のすべての項目が同じ値です。',
  mailingMark: (noMailing: boolean, reason: string) => (noMailing ? `送付不要（${reason}）` : '送付する'),
  mailingKept: (reason: string) => `送付を断った医療機関に再び送らないよう、まとめた後の記録は送付不要（理由：${reason}）になります。`,
  mergeNotFound: 'このまとめの記録が見つかりません。',
  alreadyUndone: 'このまとめはすでに取り消されています。',
  keptChangedSince: 'まとめた後に、残した記録が変更されています。取り消すと変更が失われるため、取り消せません。',
  mergedChangedSince: 'まとめた記録が、まとめた後に別の形で変更されています。取り消せません。',
  memberNumberTakenOnUndo: 'まとめた記録の会員番号が、今は別の医療機関に登録されています。取り消せません。',
  editMerged: (keptName: string) => `この記録は「${keptName}」にまとめられています。変更はまとめ先の記録で行ってください。`,
  restoreMerged: 'この記録は別の記録にまとめられています。戻すには、まとめ先の記録で「まとめを取り消す」を使ってください。',
} as const;
