import { importantMattersMessages } from '../messages/importantMattersMessages.ts';

/**
 * Why a set of documents cannot be made, in Japanese for staff: the print screen shows these
 * before anything is sent, and the core answers with the same words if a request gets past it.
 */
export const documentRequestMessages = {
  noDocuments: '送る書類を1つ以上選んでください。',
  importantMattersMissing: importantMattersMessages.packHasNone,
  quoteSheetNeedsOneClinic:
    '保険料試算書は医療機関ごとに1通ずつ作ります（白紙や一括作成には入れられません）。宛先で「医療機関を1件選ぶ」を選び、問い合わせと試算を選んでください。',
  quoteSheetNeedsClinic: '保険料試算書を作るには、医療機関と、試算を保存した問い合わせを選んでください。',
  quoteSheetNeedsInquiry: '保険料試算書を作るには、試算を保存した問い合わせを選んでください。',
  quoteSheetNeedsQuote: '試算書にする試算を選んでください。',
  quoteOfAnotherInquiry: 'この試算は選んだ問い合わせのものではありません。試算を選び直してください。',
  inquiryOfAnotherClinic: '問い合わせから作る書類は、その問い合わせの医療機関1件だけです。医療機関を選び直してください。',
  noClinic: '医療機関を選んでください。手書き用なら宛先で「白紙（手書き用）」を選んでください。',
  noBatchClinics: '一括作成する医療機関を選んでください。',
  intentSheetNeedsInquiry:
    '意向確認書は問い合わせごとに1通ずつ作ります（白紙や一括作成には入れられません）。宛先で「医療機関を1件選ぶ」を選び、意向を記録した問い合わせを選んでください。',
  specimenNotForMailing:
    '正式な保険料表が取り込まれていないため、チラシは見本しか作れず、一括作成（FAX一括・郵送）には入れられません。チラシを外すか、設定 → 内容の更新 で正式な保険料表を取り込んでください。',
} as const;
