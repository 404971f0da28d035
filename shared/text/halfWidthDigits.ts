/**
 * Figures in half width (３－１ → 3-1), so a document the app lays out writes all its digits in
 * one width whatever width staff typed them in. Only for printing: the record keeps what was typed.
 */
export function halfWidthDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(?<=\d)[－ー‐−](?=\d)/g, '-');
}
