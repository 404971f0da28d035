import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ContentImportRequest } from '../../../shared/content/contentImport.ts';
import { contentFieldLabel } from '../../../shared/content/contentPackDiff.ts';
import { contentPackSchema, type ContentPack } from '../../../shared/content/contentPackSchema.ts';
import { rateTableCsvHeader, rateTableFromRows } from '../../../shared/content/rateTableCsv.ts';
import { rateTableFieldLabel } from '../../../shared/content/rateTableFieldLabel.ts';
import { rateTableSchema, type RateTable } from '../../../shared/content/rateTableSchema.ts';
import { contentMessages } from '../../../shared/messages/contentMessages.ts';
import type { DateOnly } from '../../../shared/time/tokyoDate.ts';
import { decodeText } from '../text/decodeText.ts';

export type ContentCandidate = { kind: 'rates'; table: RateTable } | { kind: 'pack'; pack: ContentPack };
export type ContentFileProblem = { row: number; field: string; message: string };
export type ContentFileReading = { candidate?: ContentCandidate; problems: ContentFileProblem[] };

/** The largest table or pack accepted: the approved flyer's pack is 10 KB, a full rate table less. */
export const maxContentFileBytes = 2 * 1024 * 1024;

const fileProblem = (message: string): ContentFileReading => ({ problems: [{ row: 0, field: contentMessages.fileField, message }] });

/** Problems by field, each place named in staff words (「1番目のプランの名称」, 「作成日」). */
function schemaProblems(issues: readonly { path: PropertyKey[]; message: string }[], name: (path: PropertyKey[]) => string): ContentFileProblem[] {
  return issues.slice(0, 50).map((i) => ({ row: 0, field: name(i.path), message: i.message }));
}
const packFieldLabel = (path: PropertyKey[]) =>
  path.length === 0 ? contentMessages.wholeFile : contentFieldLabel(path.map((p) => (typeof p === 'number' ? p : String(p))));

function looksLikeRateCsv(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith(rateTableCsvHeader[0]);
}

/**
 * Reads and checks a file whole, as the button it came through expects it: an official rate
 * table (the Excel CSV, or a JSON table that is official and of the typed 版) or a content pack.
 * A file of the other kind is named as such, with the button that does take it.
 */
export function readContentFile(file: { path: string; name: string }, request: ContentImportRequest, base: RateTable, today: DateOnly): ContentFileReading {
  // Measured before reading: a file of gigabytes is refused without being loaded.
  if (fs.statSync(file.path).size > maxContentFileBytes) return fileProblem(contentMessages.fileTooLarge(`${maxContentFileBytes / 1024 / 1024}MB`));
  const bytes = fs.readFileSync(file.path);
  if (bytes.length === 0) return fileProblem(contentMessages.emptyFile);
  if (bytes.includes(0)) return fileProblem(contentMessages.notCsvOrJson);
  const { text } = decodeText(bytes);
  const isJson = file.name.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{');
  if (!isJson) {
    if (request.kind === 'pack') return fileProblem(looksLikeRateCsv(text) ? contentMessages.ratesThroughPackButton : contentMessages.packNotJson);
    return readRateCsv(text, base, request.version);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fileProblem(contentMessages.notJson);
  }
  const isRates = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'monthlyPremiums');
  if (request.kind === 'pack') return isRates ? fileProblem(contentMessages.ratesThroughPackButton) : readPack(raw, today);
  if (!isRates) return fileProblem(contentMessages.packThroughRatesButton);
  const parsed = rateTableSchema.safeParse(raw);
  if (!parsed.success) return { problems: schemaProblems(parsed.error.issues, rateTableFieldLabel) };
  // Through this button a table becomes the official one: a sample never does, and the 版 staff
  // typed from the insurer's document must be the one the file states.
  if (parsed.data.status !== 'confirmed') return fileProblem(contentMessages.sampleTableAsOfficial);
  if (parsed.data.version !== request.version) {
    return { problems: [{ row: 0, field: contentMessages.versionField, message: contentMessages.versionDiffers(parsed.data.version, request.version) }] };
  }
  return { candidate: { kind: 'rates', table: parsed.data }, problems: [] };
}

function readPack(raw: unknown, today: DateOnly): ContentFileReading {
  const parsed = contentPackSchema.safeParse(raw);
  if (!parsed.success) return { problems: schemaProblems(parsed.error.issues, packFieldLabel) };
  // A flyer cannot have been approved after today; the core's clock decides, in Japan's date.
  const { createdOn } = parsed.data.document;
  if (createdOn > today) return { problems: [{ row: 0, field: contentFieldLabel(['document', 'createdOn']), message: contentMessages.createdInFuture(createdOn, today) }] };
  return { candidate: { kind: 'pack', pack: parsed.data }, problems: [] };
}

function readRateCsv(text: string, base: RateTable, version: string): ContentFileReading {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    return fileProblem(contentMessages.malformedCsv((error as Error).message.slice(0, 60)));
  }
  const result = rateTableFromRows(rows, base, version);
  if (!result.ok) return { problems: result.problems };
  // The same rules the table meets at every start, so nothing is installed only to be set aside.
  const checked = rateTableSchema.safeParse(result.table);
  return checked.success ? { candidate: { kind: 'rates', table: checked.data }, problems: [] } : { problems: schemaProblems(checked.error.issues, rateTableFieldLabel) };
}
