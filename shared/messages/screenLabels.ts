import { clinicKindLabels, type ClinicKind } from '../domain/clinic.ts';
import { quoteMessages } from './quoteMessages.ts';

/**
 * The app's own words on the screens that explain the product (商品説明, 説明モード, the
 * flyer's case on 保険料試算): headings, buttons, field labels and notes to staff, never a
 * sentence about the product. What those screens say about the product is the content pack's.
 */
export const screenLabels = {
  // 商品説明
  productScreen: '商品説明',
  'toc.introduction': 'はじめに',
  'toc.why-targeted': 'サイバーリスク',
  'toc.attacks': '攻撃と影響',
  'toc.incident-case': '対応事例',
  'toc.damage-examples': '被害例',
  'toc.premium': '保険料',
  'toc.contacts': 'お問い合わせ先',
  contactsTitle: 'お問い合わせ先',
  presentStart: '説明モード',
  presentHint: '全画面・大きな文字で1項目ずつ表示します（← → で移動、Esc で終了）',
  openQuote: '保険料試算を開く',
  loading: '読み込んでいます…',
  reload: 'もう一度読み込む',
  // The contact cards
  address: '住所',
  tel: 'TEL',
  fax: 'FAX',
  hours: '受付時間',
  website: 'ウェブサイト',
  // 説明モード
  presentClose: '説明モードを終了（Esc）',
  previous: '前へ',
  next: '次へ',
  more: '▼ 続きがあります（↓・Space）',
  // The premium page: staff are told, the customer is shown nothing invented
  staffOnly: '窓口用',
  noOfficialRates:
    '公式の保険料表が読み込まれていないため、保険料は表示しません（いまの保険料表は見本です）。説明モードにも保険料のページは出ません。公式の表は 設定 →「商品内容と保険料表」で読み込みます。',
  rateTableVersion: '保険料表の版',
  solicitationUnset: '募集の立場（保険会社名と、代理・媒介の別）が設定されていません。説明モードでお客さまに示す前に、設定 →「代理店の文言」で入力してください。',
  // The flyer's case on 保険料試算
  noUnitCosts:
    '医療機関の規模に合わせて金額を計算するための承認された単価が、内容パックにありません。チラシの事例を、チラシに書かれたとおりに表示しています。',
  simulationTitle: '被害額シミュレーション（承認された単価による計算）',
  simulationExplain: '承認された単価 × 入力した数で計算した参考の金額です。チラシに書かれた金額ではありません。',
  unitSource: '単価の出典',
  simulationInputs: '計算の条件',
  'input.patients': '患者数',
  'input.servers': 'サーバ台数',
  'input.voucherYen': 'お詫びの品の金額（1人あたり）',
  'input.callCentreWeeks': 'コールセンター設置週数',
  'unit.patients': '人',
  'unit.servers': '台',
  'unit.voucherYen': '円',
  'unit.callCentreWeeks': '週',
  resetInputs: '出典の事例の数に戻す',
  caseFiguresHint: '出典の事例の数',
  inputsWithErrors: '入力に誤りがある項目は、出典の事例の数で計算しています。',
  method: '計算のしかた',
  unitCost: '単価',
  flyerAmount: 'チラシの金額',
  computedAmount: '入力した条件での計算（参考）',
  'per.server': 'サーバ台数 × 単価',
  'per.patient': '患者数 × 単価',
  'per.patientGift': '（お詫びの品の金額＋郵送代の単価）× 患者数',
  'per.callCentreWeek': '設置週数 × 単価',
  'per.case': 'チラシの金額のまま',
  // 保険料試算 for a kind the premium table does not cover: the app's own words around the pack's scope.
  notInPremiumTable: 'の保険料は、チラシの保険料表',
  noFigureShown: 'の対象ではないため、この画面では金額を表示しません。',
  otherKindEligibilityLabel: quoteMessages.otherKindEligibilityLabel,
  otherKindEligibility: quoteMessages.otherKindEligibility,
  noticeFormGuidanceLabel: quoteMessages.noticeFormGuidanceLabel,
  noticeFormGuidance: quoteMessages.noticeFormGuidance,
  ...(Object.fromEntries(Object.entries(clinicKindLabels).map(([kind, label]) => [`kind.${kind}`, label])) as Record<`kind.${ClinicKind}`, string>),
} as const satisfies Record<string, string>;

export type ScreenLabelKey = keyof typeof screenLabels;

/** The label's text: the only way a product screen writes a word of its own. */
export function screenLabel(key: ScreenLabelKey): string {
  return screenLabels[key];
}
