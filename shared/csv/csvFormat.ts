/** Text encodings a CSV is read in; Excel on Japanese Windows writes the first two. */
export const csvEncodings = ['shift_jis', 'utf8bom', 'utf8', 'utf16le'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export const csvEncodingLabels: Record<CsvEncoding, string> = {
  shift_jis: 'Shift_JIS',
  utf8bom: 'UTF-8（BOM付き）',
  utf8: 'UTF-8',
  utf16le: 'Unicode（UTF-16）',
};

/** Encodings an export can be written in: both open correctly in Excel on Japanese Windows. */
export const exportEncodings = ['utf8bom', 'shift_jis'] as const;
export type ExportEncoding = (typeof exportEncodings)[number];

export const csvDelimiters = ['comma', 'tab'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];
export const csvDelimiterChars: Record<CsvDelimiter, string> = { comma: ',', tab: '\t' };
export const csvDelimiterLabels: Record<CsvDelimiter, string> = { comma: 'カンマ区切り', tab: 'タブ区切り' };

/**
 * Put in place of a character Shift_JIS has no code for, when the user chooses replacement:
 * 〓 (下駄記号) is what Japanese typesetting has always used for a missing glyph.
 */
export const replacementMark = '〓';

/** U+20BB7 style name of a character, for listing characters that cannot be written. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
