/** Japanese messages about the records of the counter: clinics, inquiries and their 状況, staff. */
export const recordMessages = {
  memberNumberTaken: 'この会員番号はすでに別の医療機関に登録されています。',
  memberNumberTakenField: 'この会員番号はすでに別の医療機関に登録されています',
  staffNotFound: '選ばれた担当者が見つかりません。',
  staffNotFoundField: '担当者を選び直してください',
  statusChangeNeedsReason: '状況を戻す・見送りから再開するときは理由を入力してください。',
  statusChangeNeedsReasonField: '理由を入力してください',
  nextActionBeforeReceived: '次回対応日は受付日より前にできません。',
  nextActionBeforeReceivedField: '次回対応日は受付日以降の日にしてください',
} as const;
