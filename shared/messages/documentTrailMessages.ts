/** Japanese messages of the document trail: 送付した書類を表示 and the trail's export for an audit. */
export const documentTrailMessages = {
  matches: '記録と一致しました',
  differs: '記録と一致しません：作成後に変更された可能性があります',
  noHashRecorded: 'この記録には書類の指紋（SHA-256）がありません（記録を始める前の送付です）。',
  notKept: 'この書類は保存されていません（記録を始める前の送付か、別の端末で作った書類です）。',
  /** 宛名ラベル are recorded as printed, but no copy is kept (a sheet holds other clinics' addresses). */
  labelsNotKept: '宛名ラベルは、印刷した記録だけを残し、ファイルは保存していません（他の医療機関の宛名も載るため）。',
  keptElsewhere: 'この書類は別の端末で作られ、その端末に保存されています。作った端末で表示してください。',
  keptFileMissing: '保存した書類が見つかりません。データフォルダから削除された可能性があります。',
  contentChanged: (code: string) =>
    `作成時の内容パック・保険料表（${code}）が現在のものと異なるため、作り直して確かめることができません。`,
  outputNotFound: 'この送付の記録が見つかりません。',
  trailSheetName: '送付の記録',
} as const;
