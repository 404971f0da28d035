const count = (n: number) => `${n.toLocaleString('ja-JP')}件`;

/** What a mailing (一括作成) and its 宛名ラベル say: the clinics left out or posted to instead, labels cut short. */
export const mailingMessages = {
  /** 使用済みの面数 (labels already peeled off a partly used sheet), as the print screen names the field. */
  labelSkipNotNumber: '使用済みの面数は数字で入力してください。',
  labelSkipBeyondSheet: (perSheet: number) => `この用紙は${perSheet}面です。使用済みの面数は0〜${perSheet - 1}で入力してください。`,
  /** Labels whose address, name or person did not fit even at the smallest size and end in 「…」. */
  labelsShortened: (n: number) => `${count(n)}の宛名が長すぎて省略されています。`,
  labelsShortenedHint: '印刷する前に、次の医療機関の宛名を確かめてください（24面の用紙なら、12面で作り直すと収まることがあります）。',
  andMore: (n: number) => `ほか${count(n)}`,
  /** Every chosen clinic is marked 送付不要: there is no one to make the mailing for. */
  allNoMailing: (n: number) => `選んだ${count(n)}はすべて「送付不要」のため、作成するものがありません。`,
  /** The core refuses a FAX mailing whose clinics without a FAX number were not decided on. */
  withoutFaxUndecided: (n: number) =>
    `FAX番号のない医療機関が${count(n)}あります。「除いて作成」か「郵送に回す」を選んでから作成してください。`,
  /** Left out because every FAX-less clinic was left out and none remained. */
  noneWithFax: 'FAX番号のある医療機関がないため、FAXで送るものがありません。',
  leftOutNoMailing: (n: number) => `送付不要の${count(n)}は除きました。`,
  leftOutWithoutFax: (n: number) => `FAX番号のない${count(n)}は除きました。`,
  postedWithoutFax: (n: number) => `FAX番号のない${count(n)}は郵送として記録します。`,
  /** Named after the count: the PDF's last clinics, to be taken out of the pile and posted. */
  postedNames: (names: readonly string[]) =>
    `郵送に回す医療機関（PDFの最後）：${names.slice(0, 10).join('、')}${names.length > 10 ? `ほか${count(names.length - 10)}` : ''}`,
  /** FAX chosen only after a mailing made for 郵送 or 未定: some of its clinics have no FAX number. */
  faxChosenAfterMaking: (n: number) =>
    `このPDFにはFAX番号のない医療機関が${count(n)}含まれるため、「FAX」として記録できません。送付方法で「FAX」を選んでから「PDFを作成」し直すと、FAX番号のない医療機関を除くか郵送に回すかを選べます。`,
} as const;
