/**
 * The 意向確認書's own labels and headings, part of the one catalogue of form labels
 * (formLabels.ts). The questions themselves are the agency's (or the insurer's form in the pack);
 * the answers are the records.
 */
export const intentConfirmationLabels = {
  intentTitle: '意向確認書',
  intentLead: 'お伺いしたご意向を記載しました。内容をご確認ください。',
  intentQuestion: 'ご確認事項',
  intentInitial: '当初のご意向',
  intentFinal: '最終のご意向',
  intentRecordedOn: '記録日',
  intentConfirmedOn: '確認日',
  intentDifference: '当初のご意向と異なる点とその理由',
  intentNoDifference: '当初のご意向から変更はありません。',
  intentSignBox: 'ご確認欄',
  intentSignPrompt: '上記のご意向の内容を確認しました。',
  intentSignDate: 'ご確認日',
  intentSignature: 'ご署名',
  intentClinic: '医療機関名',
  intentFormCode: '様式',
} as const satisfies Record<string, string>;
