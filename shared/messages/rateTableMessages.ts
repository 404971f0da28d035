/** 2026-07-28 → 2026年7月28日, as the insurer's documents write dates. */
function japaneseDate(date: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  return `${y}年${mo}月${d}日`;
}

/** Japanese messages about premium tables: their rules, the Excel CSV and a table set aside. */
export const rateTableMessages = {
  schemaVersion: '保険料表の形式（schemaVersion）が対応していません',
  versionMissing: '保険料表の版がありません',
  status: '保険料表の状態は sample か confirmed です',
  packCodeMissing: '対応するチラシの文書番号がありません',
  conditionsMissing: '保険料の条件がありません',
  roundingRuleMissing: '端数処理の説明がありません',
  plansMissing: 'プランがありません',
  premiumNotNumber: '保険料は数字で書いてください',
  premiumNotInteger: '保険料は円単位の整数で書いてください',
  premiumNotPositive: '保険料は1円以上で書いてください',
  limitNotNumber: '支払限度額は数字で書いてください',
  limitNotInteger: '支払限度額は円単位の整数で書いてください',
  limitNotPositive: '支払限度額は1円以上で書いてください',
  validUntilInvalid: '試算の有効期限は 2027-03-31 の形で、実在する日付を書いてください',
  annualMissing: (planName: string) => `「${planName}」の年間保険料がありません（年間保険料は全部のプランに書くか、全部書かないでください）`,
  planIdPattern: 'プランIDは P1・P2 のように、P と数字（1〜999）で書いてください',
  planNameMissing: 'プラン名がありません',
  duplicatePlanId: (id: string) => `プランID「${id}」が2回出てきます`,
  premiumMissing: (planName: string) => `「${planName}」の保険料がありません`,
  premiumWithoutPlan: (id: string) => `プランID「${id}」の保険料がありますが、そのプランがありません`,
  /** An official table may not carry the template's practice wording onto customer documents. */
  sampleWording: (what: string, text: string) => `正式な保険料表の${what}「${text.slice(0, 30)}」に見本の言葉（見本・サンプル・sample）が入っています。保険会社の資料どおりに直してください`,
  sampleWordingTargets: { title: '表題', version: '版', planName: 'プラン名' },

  /** CSV cells are named as Excel shows them: column letter and row number (C3). */
  cell: (column: string, row: number) => `${column}${row}`,
  csvPlanIdPattern: (cell: string) => `${cell}：プランIDは P1・P2 のように、P と数字（1〜999）で入力してください`,
  csvPlanNameMissing: (cell: string) => `${cell}：プラン名が空です。保険会社の資料どおりの正式なプラン名を入力してください`,
  csvPlanNameSample: (cell: string, name: string) =>
    `${cell}：プラン名「${name.slice(0, 30)}」に見本の言葉（見本・サンプル・sample）が入っています。保険会社の資料どおりの正式なプラン名を入力してください`,
  csvHeader: (header: string) => `1行目は「${header}」にしてください`,
  csvKind: (label: string) => `「${label}」は使えません（無床診療所 か 有床診療所）`,
  csvAmount: '月額保険料を円単位の整数で入力してください',
  csvYenCell: (cell: string, what: string) => `${cell}：${what}を円単位の整数で入力してください（保険会社の表にないときは空けておきます）`,
  csvValidUntil: (cell: string) => `${cell}：試算の有効期限は 2027/3/31 のように、実際にある日付で入力してください（保険会社の文書にないときは空けておきます）`,
  csvValidUntilDiffers: '試算の有効期限が行によって違います。保険会社の文書どおり、同じ日付にしてください',
  csvLimitDiffers: (planName: string) => `「${planName}」の支払限度額が他の行と違います。保険会社の表どおりにしてください`,
  csvDuplicateRow: '同じ種別とプランIDの行が重複しています',
  csvPlanNameDiffers: (other: string) => `プラン名が他の行（${other}）と違います`,
  csvRowMissing: (kindLabel: string, planName: string) => `${kindLabel}の「${planName}」の行がありません`,
  csvNoRows: '保険料の行がありません',
  csvVersionSample: '版に見本の言葉（見本・サンプル・sample）が入っています。正式な保険料表の版（例：2026年度 正式）を入力してください',

  /** Where in a table a problem is, in staff words (never `plans.0.name`). */
  fieldLabels: {
    wholeTable: '保険料表の全体',
    plans: 'プランの一覧',
    plan: (n: number) => `${n}番目のプラン`,
    planName: (n: number) => `${n}番目のプランの名称`,
    planId: (n: number) => `${n}番目のプランのID`,
    monthlyPremiums: '月額保険料の表',
    premiumsOfKind: (kind: string) => `${kind}の月額保険料`,
    premiumOfPlan: (kind: string, planId: string) => `${kind}のプラン「${planId}」の月額保険料`,
    annualPremiums: '年間保険料の表',
    annualOfKind: (kind: string) => `${kind}の年間保険料`,
    annualOfPlan: (kind: string, planId: string) => `${kind}のプラン「${planId}」の年間保険料`,
    liabilityLimit: (n: number) => `${n}番目のプランの損害賠償の支払限度額`,
    responseCostLimit: (n: number) => `${n}番目のプランの事故対応特別費用の支払限度額`,
    unknownKind: (key: string) => `種別「${key.slice(0, 20)}」`,
    conditions: '保険料の条件',
    condition: (n: number) => `保険料の条件の${n}番目`,
    unknownField: (key: string) => `項目「${key}」`,
    simple: {
      schemaVersion: '保険料表の形式',
      version: '版',
      status: '正式・見本の別',
      packCode: '対応するチラシの文書番号',
      title: '表題',
      roundingRule: '端数処理の説明',
      quoteValidUntil: '試算の有効期限',
    },
  },
  /** A problem shown to staff: where, then what. */
  placed: (place: string, message: string) => `【${place}】${message}`,

  /** The insurer's document an official table is confirmed against (設定 → 正式な保険料表). */
  textExpected: '文字で入力してください',
  versionNeeded: '保険料表の版（例：2026年度 正式）を入力してください',
  versionTooLong: (max: number) => `版は${max}文字以内で入力してください`,
  sourceDocumentMissing: '保険会社の文書の番号か題名（例：医サ第26-118号）を入力してください',
  sourceDocumentTooLong: (max: number) => `保険会社の文書は${max}文字以内で入力してください（番号か題名だけで足ります）`,
  sourceDateMissing: '保険会社の文書の日付を入力してください',
  sourceDateInvalid: '文書の日付は 2026-07-28 のように、実際にある日付で入力してください',
  sourceDateTooOld: (earliest: string) => `文書の日付が古すぎます（${japaneseDate(earliest)}より前）。年を確認してください`,
  sourceDateInFuture: (today: string) => `文書の日付が今日（${japaneseDate(today)}）より後になっています。保険会社の文書の日付を確認してください`,
  /** 「根拠：医サ第26-118号（2026年7月28日）」 in the history of imports. */
  /** `shown`: the date as the screen's date style writes it (和暦 when chosen). */
  sourceLabel: (document: string, date: string, shown: string = japaneseDate(date)) => `根拠：${document}（${shown}）`,

  /** 設定 and 保険料試算 when an installed table was refused at start-up. */
  setAsideTitle: '取り込んであった保険料表を使っていません',
  setAside: (table: string, official: boolean) =>
    `${official ? '正式な' : ''}保険料表「${table}」は、今の確認ルールに合わない内容があるため使っていません（消してはいません）。`,
  setAsideReasons: '理由：',
  nowUsing: (table: string, sample: boolean) =>
    sample ? `今は見本の保険料表「${table}」を使っています。実際の保険料ではありません。` : `今は保険料表「${table}」を使っています。`,
  setAsideFix: '設定 → 商品内容と保険料表 から、正しい内容の保険料表を読み込み直してください。',
} as const;
