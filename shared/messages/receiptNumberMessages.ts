/**
 * Japanese text about a 受付番号 that two inquiries have: each machine numbered A-2026-0001… on
 * its own before the machines shared, and a 受付番号 is never renumbered.
 */
export const receiptNumberMessages = {
  /** On the inquiry detail, above the links to the others. */
  sharedOnDetail: 'この受付番号は、ほかの端末で受け付けた問い合わせにも付いています（共有を始める前に付いた番号です）。',
  /** One other inquiry as a link: its clinic and 受付日. */
  otherInquiry: (clinicName: string, receivedOn: string, archived: boolean) => `${clinicName}（${receivedOn}受付${archived ? '・アーカイブ済み' : ''}）の問い合わせを開く`,
  /** How a notice names an inquiry whose number another inquiry has too. */
  withClinic: (receiptNumber: string, clinicName: string) => `${receiptNumber}（${clinicName}）`,
  /** The short mark beside the number in a list. */
  sharedMark: '同じ番号あり',
  sharedMarkTitle: 'ほかの端末で受け付けた問い合わせにも同じ受付番号が付いています。医療機関名で見分けてください。',
  /** The lookup on the 問い合わせ screen. */
  lookupLabel: '受付番号',
  lookupHint: '送り返された用紙などの受付番号（例：A-2026-0001）。同じ番号の問い合わせがほかの端末にもあれば、すべて表示します',
  lookupTooLong: '受付番号は20文字以内で入力してください（例：A-2026-0001）',
  lookupNone: (receiptNumber: string) => `受付番号「${receiptNumber}」の問い合わせはありません。番号を確かめてください。`,
  lookupMany: (receiptNumber: string, count: string) =>
    `受付番号「${receiptNumber}」の問い合わせが${count}あります。共有を始める前に別々の端末で付いた番号です。医療機関名で見分けてください。`,
} as const;
