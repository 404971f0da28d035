/** 保存期間 and personal information (issue 22 §6): what 設定, 完全削除 and the inquiry screens say. */
const longDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export const retentionMessages = {
  yearsNotNumber: '保存期間は数字（年）で入力してください',
  yearsRange: (min: number, max: number) => `保存期間は${min}年から${max}年の間で入力してください`,
  yearsHint: '保険会社の代理店規程をご確認ください（5年が一般的です）',
  settingTitle: '記録の保存期間',
  settingLabel: '保存期間（年）',
  settingExplain:
    '申込・成約まで進んだ問い合わせの記録（医療機関・意向・見積・書類の記録を含む）は、成約日から（成約していなければ申込日から）この期間、完全削除できません。この設定はすべての端末で共有されます。',
  saved: (years: number) => `保存期間を${years}年にしました。`,
  /** Purge refused for records within the period; the rest went as before. */
  retained: (count: number, years: number, earliestEndsOn: string) =>
    `成約から${years}年の保存期間中の記録が${count}件あるため、完全削除できません（最も早いもので${longDate(earliestEndsOn)}まで）`,
  expiredTitle: '保存期間を過ぎた記録',
  expiredExplain: (years: number) =>
    `成約（成約していなければ申込）から${years}年の保存期間を過ぎた問い合わせの記録です。必要のなくなった個人データは消去するよう努めることとされています（個人情報保護法22条）。削除の前に自動でバックアップを取ります。`,
  expiredCount: (count: number) => `保存期間を過ぎた記録：${count}件`,
  expiredNone: '保存期間を過ぎた記録はありません。',
  expiredPurged: (count: number, backup: string) => `保存期間を過ぎた記録 ${count}件を完全に削除しました。削除前のデータはバックアップ（${backup}）に残っています。`,
  expiredChanged: '保存期間を過ぎた記録が変わりました。一覧を確かめてから、もう一度操作してください。',
  longDate,
  /** Beside 内容, メモ and 通信欄: they are free text, and patient data must never be stored. */
  noPatientData: '患者さんの情報（氏名・病名など）は入力しないでください',
  consentLegend: '保険会社による個人情報の取扱いへの同意',
  consentLabels: { yes: '同意あり', no: '同意なし', unknown: '未確認' } as const,
  consentInvalid: '同意の有無は「同意あり」「同意なし」「未確認」から選んでください',
  /** The agency's guidance, not an insurer rule: what staff do next when the clinic did not consent. */
  consentNoGuidance:
    '同意がないため、保険会社へ情報を伝えることができません。見積・申込の手続きには進めません。同意を得られたら記録してください。',
  consentUnknownGuidance: '同意の有無をまだ確認していません。保険会社へ情報を伝える前に確認してください。',
};
