/** Japanese messages about the agency's own texts (設定 → 代理店の文言). */
export const agencyTextMessages = {
  unknownKey: 'この文言は設定できません。',
  notText: '文言を入力してください。',
  required: (label: string) => `${label}を入力してください。`,
  tooLong: (label: string, max: number) => `${label}は${max}文字以内にしてください。`,
  controlCharacters: (label: string) => `${label}に使えない文字（制御文字）が含まれています。`,
  oneLine: (label: string) => `${label}は1行で入力してください。`,
  lineCount: (label: string, min: number, max: number) => `${label}は${min}〜${max}行で、1行に1つずつ入力してください。`,
  lineTooLong: (line: string, max: number) => `「${line}」が長すぎます。1つ${max}文字以内にしてください。`,
  capacityWithoutRegisteredName: (name: string) => `保険会社は正式な名称「${name}」で書いてください（チラシの「損保ジャパン」は略称です）。`,
  capacityWithoutRole: '保険会社の代理（代理店）か媒介かが分かるように書いてください（例：「損害保険ジャパン株式会社の代理店として、保険契約の締結の代理を行います。」）。',
  versionChanged: 'ほかの窓口でこの文言が変更されました。画面を開き直して、最新の内容を確認してから保存してください。',
  capacityUnset: '募集の立場（保険会社名と代理・媒介の別）が未設定です。設定 → 代理店の文言 で入力してください。',
  saved: (label: string) => `${label}を保存しました。`,
} as const;
