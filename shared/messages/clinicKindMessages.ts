/** Japanese notes on the 種別 of an imported row: questions staff answer after the import. */
export const clinicKindMessages = {
  noKind: '種別が空欄のため、未確認として登録します',
  unknownWord: (word: string) => `種別「${word}」が分からないため、未確認として登録します`,
  clinicWithoutBeds: '「診療所」ですが病床数がないため、無床か有床か決められません。未確認として登録します',
  clinicWithManyBeds: (beds: number) => `「診療所」ですが病床数が${beds}床です（20床以上は病院）。未確認として登録します`,
  nameSaysHospital: '名称に「病院」とあるため、病院かもしれません（医療法で病院だけが名乗れます）。登録後に種別を確かめてください',
  acceptSuggested: (count: string) => `名称に「病院」とある${count}件を「病院」として登録する（病床数が19以下の行は除きます。チェックしなければ未確認のまま）`,
  formConfirm: '種別が未確認です。保険料の試算やFAX用紙の種別欄には使えません。分かりしだい選び直してください',
} as const;

/** The quote screen when the chosen clinic's 種別 is 未確認. */
export const quoteKindMessages = {
  heading: '種別を選んでください',
  choose: (name: string | undefined) =>
    `${name ? `「${name}」の` : ''}種別は未確認です。上の「種別」から選ぶと保険料を表示します（医療機関の画面で記録の種別も選び直してください）`,
  noFigure: '種別が分かるまで、保険料は表示しません。',
} as const;
