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
  csvDuplicateRow: '同じ種別とプランIDの行が重複しています',
  csvPlanNameDiffers: (other: string) => `プラン名が他の行（${other}）と違います`,
  csvRowMissing: (kindLabel: string, planName: string) => `${kindLabel}の「${planName}」の行がありません`,
  csvNoRows: '保険料の行がありません',
  csvVersionSample: '版に見本の言葉（見本・サンプル・sample）が入っています。正式な保険料表の版（例：2026年度 正式）を入力してください',

  /** 設定 and 保険料試算 when an installed table was refused at start-up. */
  setAsideTitle: '取り込んであった保険料表を使っていません',
  setAside: (table: string, official: boolean) =>
    `${official ? '正式な' : ''}保険料表「${table}」は、今の確認ルールに合わない内容があるため使っていません（消してはいません）。`,
  setAsideReasons: '理由：',
  nowUsing: (table: string, sample: boolean) =>
    sample ? `今は見本の保険料表「${table}」を使っています。実際の保険料ではありません。` : `今は保険料表「${table}」を使っています。`,
  setAsideFix: '設定 → 商品内容と保険料表 から、正しい内容の保険料表を読み込み直してください。',
} as const;
