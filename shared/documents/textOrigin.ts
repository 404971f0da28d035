import type { ColumnProperties, ContentText, TableCellProperties } from 'pdfmake/interfaces.js';
import type { ContentPack } from '../content/contentPackSchema.ts';
import type { RateTable } from '../content/rateTableSchema.ts';
import type { AgencyTextKey, AgencyTexts } from '../domain/agencyTexts.ts';
import { formLabel, type FormLabelKey } from './formLabels.ts';

/**
 * Where a printed text comes from. What a document says about the product is a solicitation
 * document: it must be traceable to the approved content pack (or its rate table), the agency's
 * own named texts, a record, what staff typed, or the app's catalogue of form labels.
 */
export type TextOrigin =
  | { from: 'pack'; path: string }
  | { from: 'agency'; key: AgencyTextKey; version: number }
  | { from: 'record'; field: string }
  | { from: 'staff' }
  | { from: 'label'; key: FormLabelKey };

/** How a text node is set: style, margins, and its place in a column or table cell. */
export type Style = Partial<Omit<ContentText, 'text'>> & ColumnProperties & TableCellProperties;

/** A pdfmake text node that says where its text comes from (pdfmake ignores `origin`). */
export type TracedText = ContentText & { text: string; origin: TextOrigin };

type Join<K extends string, P extends string> = P extends '' ? K : `${K}.${P}`;
/** Every dotted path to a text or number in T: 'incidentCase.items.0.amountLabel'. */
export type LeafPath<T> = T extends string | number
  ? ''
  : T extends readonly (infer U)[]
    ? Join<`${number}`, LeafPath<U>>
    : T extends object
      ? { [K in keyof T & string]-?: Join<K, LeafPath<NonNullable<T[K]>>> }[keyof T & string]
      : never;

export type PackPath = LeafPath<ContentPack>;
export type RatePath = LeafPath<Omit<RateTable, 'monthlyPremiums'>> | `monthlyPremiums.${string}.${string}`;

/** The value at a dotted path, or a thrown error naming the path: a wrong path never prints. */
function valueAt(root: unknown, path: string, what: string): string | number {
  let value: unknown = root;
  for (const part of path.split('.')) {
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`${what} has no text at ${path}`);
  return value;
}

/** A sentence of the content pack, read at its path. */
export function packText(pack: ContentPack, path: PackPath, style: Style = {}): TracedText {
  return { ...style, text: String(valueAt(pack, path, 'the content pack')), origin: { from: 'pack', path } };
}

/** A figure or name of the rate table (content too), formatted for print. */
export function rateText(rates: RateTable, path: RatePath, format: (value: string | number) => string = String, style: Style = {}): TracedText {
  return { ...style, text: format(valueAt(rates, path, `rate table ${rates.version}`)), origin: { from: 'pack', path: `rates.${path}` } };
}

/** One of the agency's own texts, with the version that was printed. */
export function agencyText(texts: AgencyTexts, key: AgencyTextKey, style: Style = {}): TracedText {
  const { value, version } = texts[key];
  return { ...style, text: value ?? '', origin: { from: 'agency', key, version } };
}

/** A line of a multi-line agency text (one of the FAX form's questions). */
export function agencyTextLine(texts: AgencyTexts, key: AgencyTextKey, line: string, style: Style = {}): TracedText {
  return { ...style, text: line, origin: { from: 'agency', key, version: texts[key].version } };
}

/** A value of a record (a clinic's name, a receipt number, a date or count the app worked out from records). */
export function recordText(field: string, value: string | number, style: Style = {}): TracedText {
  return { ...style, text: String(value), origin: { from: 'record', field } };
}

/** What staff typed for this document (a cover sheet's message). */
export function staffText(value: string, style: Style = {}): TracedText {
  return { ...style, text: value, origin: { from: 'staff' } };
}

/** A label or heading of the app's own form. */
export function labelText(key: FormLabelKey, style: Style = {}): TracedText {
  return { ...style, text: formLabel(key), origin: { from: 'label', key } };
}
