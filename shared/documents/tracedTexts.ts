import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { AgencyTextVersions } from '../domain/agencyTexts.ts';
import type { TextOrigin } from './textOrigin.ts';

/** A text as it reaches pdfmake, with its origin when it has one. */
export interface FoundText {
  text: string;
  origin: TextOrigin | undefined;
  /** Where in the definition it sits: 'content.3.stack.0.text'. */
  at: string;
}

/** Blanks, punctuation and symbols (「（」「：」「〒」) carry no words, so they need no origin. */
const wordless = (text: string) => /^[\s\p{P}\p{S}]*$/u.test(text);

/** Keys of a content node whose values are more content. */
const contentKeys = ['stack', 'columns', 'ul', 'ol'] as const;

function walkContent(node: unknown, at: string, found: FoundText[]): void {
  if (node === null || node === undefined || typeof node === 'boolean') return;
  if (typeof node === 'string' || typeof node === 'number') {
    found.push({ text: String(node), origin: undefined, at });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((child, i) => walkContent(child, `${at}.${i}`, found));
    return;
  }
  if (typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if ('text' in record) {
    const { text } = record;
    const origin = record.origin as TextOrigin | undefined;
    if (typeof text === 'string' || typeof text === 'number') found.push({ text: String(text), origin, at: `${at}.text` });
    else walkContent(text, `${at}.text`, found);
  }
  for (const key of contentKeys) if (key in record) walkContent(record[key], `${at}.${key}`, found);
  const table = record.table as { body?: unknown } | undefined;
  if (table && typeof table === 'object') walkContent(table.body, `${at}.table.body`, found);
}

/**
 * Every text of a document definition as pdfmake would print it: the content, and the header,
 * footer and background of each page (called for page 1 of 2 and 2 of 2, as they may differ).
 */
export function tracedTexts(definition: TDocumentDefinitions): FoundText[] {
  const found: FoundText[] = [];
  walkContent(definition.content, 'content', found);
  const pageSize = { width: 595.28, height: 841.89, orientation: 'portrait' as const };
  for (const key of ['header', 'footer', 'background'] as const) {
    const part = definition[key] as unknown;
    if (typeof part === 'function') {
      for (const page of [1, 2]) walkContent((part as (p: number, n: number, s: typeof pageSize) => unknown)(page, 2, pageSize), `${key}(${page})`, found);
    } else walkContent(part, key, found);
  }
  return found;
}

/** Texts with words in them and no origin: each is a defect (a text the app made up, untraceable). */
export function untracedTexts(definition: TDocumentDefinitions): FoundText[] {
  return tracedTexts(definition).filter((t) => t.origin === undefined && !wordless(t.text));
}

/** Which version of each agency text the documents printed (their trail). */
export function agencyTextVersionsOf(definitions: readonly TDocumentDefinitions[]): AgencyTextVersions {
  const versions: AgencyTextVersions = {};
  for (const definition of definitions) for (const { origin } of tracedTexts(definition)) if (origin?.from === 'agency') versions[origin.key] = origin.version;
  return versions;
}
