import iconv from 'iconv-lite';

/**
 * Text from a file Excel wrote: UTF-8 (with or without BOM) when it decodes as such, otherwise
 * Shift_JIS (Windows-31J / CP932), which is what Excel on Japanese Windows saves as "CSV".
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'cp932' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'cp932'), encoding: 'cp932' };
  }
}

/** Shift_JIS bytes for Excel on Japanese Windows. */
export function encodeCp932(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}
