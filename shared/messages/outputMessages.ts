/** Japanese messages about 送付・印刷の記録 (which documents left the counter, for whom). */
export const outputMessages = {
  notFromPrintCentre: 'このファイルは印刷の画面で作った書類ではありません。',
} as const;
