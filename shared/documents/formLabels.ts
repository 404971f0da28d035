import { clinicKindLabels, type ClinicKind } from '../domain/clinic.ts';
import { quoteSheetLabels } from './quoteSheetLabels.ts';
import { intentConfirmationLabels } from './intentConfirmationLabels.ts';

/**
 * The app's own words on its documents: labels and headings of its forms (「医療機関名」
 * 「送信枚数」「FAX送付状」), never a sentence about the product. Anything said about the product
 * comes from the content pack, the agency's own texts, or a record.
 */
export const formLabels = {
  // FAX送付状
  coverSheetTitle: 'FAX送付状',
  sentOn: '送信日',
  recipient: '宛先',
  recipientFax: '宛先FAX',
  sender: '送信者',
  staffInCharge: '担当',
  subject: '件名',
  pageCount: '枚数',
  pagesUnit: '枚（本紙を含む）',
  messageArea: '通信欄',
  toOrganization: '御中',
  toPerson: '様',
  /** On a reply form, after the agency's name: the sender crosses it out and writes 御中. */
  toReplyAddressee: '行',
  tel: 'TEL',
  fax: 'FAX',
  hours: '受付時間',
  // 保険料試算書
  ...quoteSheetLabels,
  // 意向確認書
  ...intentConfirmationLabels,
  // FAX問い合わせ票
  inquirySheetTitle: 'お問い合わせ票',
  inquirySheetFileTitle: 'FAX問い合わせ票',
  receiptNumber: '受付番号',
  formNumber: '様式番号',
  blankDate: '　　　　年　　月　　日',
  clinicName: '医療機関名',
  clinicNameKana: 'ふりがな',
  clinicKind: '種別',
  bedCount: '病床数',
  bedUnit: '床',
  postalCode: '郵便番号',
  postalMark: '〒',
  address: '所在地',
  phone: '電話番号',
  faxNumber: 'FAX番号',
  contactPerson: 'ご担当者名',
  wishes: 'ご希望',
  contactTime: '連絡希望時間帯',
  consentTick: '同意する',
  // チラシ
  specimen: '見本',
  specimenNote: '見本：正式な保険料表を取り込むまで、このチラシは見本です。お客さまへの送付・配布には使えません。',
  specimenPremiums: '（見本：保険料の表は、正式な保険料表の取り込み後に印刷されます）',
  yen: '円',
  ...Object.fromEntries(Object.entries(clinicKindLabels).map(([kind, label]) => [`kind.${kind}`, label])),
} as const satisfies Record<string, string>;

export type FormLabelKey = keyof typeof formLabels | `kind.${ClinicKind}`;

export function formLabel(key: FormLabelKey): string {
  return (formLabels as Record<string, string>)[key] ?? key;
}
