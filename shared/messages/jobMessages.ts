/** Japanese progress labels of long work (jobs), shown under the progress bar. */
export const jobMessages = {
  preparing: '準備しています…',
  makingDocuments: '書類を作成しています…',
  documentsMade: '作成しました',
  /** Progress in records, e.g. 「20 / 45 件」. */
  countOf: (done: string, total: string) => `${done} / ${total} 件`,
  /** The title of a PDF holding several documents (the flyer alone keeps the product's name). */
  documentSetTitle: '書類一式',
  /** The end of a zip's name holding one PDF per clinic: 書類一式_120件_2026-11-24_医療機関ごと.zip. */
  perClinicSuffix: '医療機関ごと',
  labelsMade: '宛名ラベルを作成しました',
} as const;
