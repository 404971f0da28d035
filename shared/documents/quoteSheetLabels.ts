/**
 * The 保険料試算書's own labels and headings, part of the one catalogue of form labels
 * (formLabels.ts). Headings of the form's rows only: what the sheet says about the product
 * comes from the pack, the saved quote (a record of the rate table) or the agency's texts.
 */
export const quoteSheetLabels = {
  quoteIssuedOn: '作成日',
  quoteInputs: '試算の内容',
  quoteResults: '試算の結果',
  quoteClinicKind: '医療機関の種別',
  quotePlan: 'プラン',
  monthlyPremium: '月額保険料',
  annualPremium: '年間保険料',
  paymentLimits: '支払限度額',
  liabilityLimit: '損害賠償',
  responseCostLimit: '事故対応特別費用',
  quotedOn: '試算日',
  quoteValidUntil: '有効期限',
  premiumConditions: '保険料の条件',
  rateTableVersion: '保険料表の版',
  quoteContact: 'お問い合わせ先',
} as const satisfies Record<string, string>;
