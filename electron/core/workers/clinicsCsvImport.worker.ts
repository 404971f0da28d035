import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import type { ImportProblem } from '../../../shared/contract/jobs.ts';
import { clinicInputSchema, clinicFieldLabels } from '../../../shared/domain/clinic.ts';
import { clinicCsvColumns, kindFromLabel, unescapeCsvFormula } from '../../../shared/domain/clinicCsv.ts';
import { errorMessages } from '../../../shared/messages/errors.ts';
import type { ClinicFields } from '../db/repos/clinics.ts';
import type { WorkerMessage } from './runWorker.ts';
import { decodeText } from '../text/decodeText.ts';

export interface ClinicsCsvImportData {
  filePath: string;
}

export interface ParsedClinicRow {
  /** Row number as Excel shows it (header = 1). */
  row: number;
  id: string | undefined;
  fields: ClinicFields;
}

export interface ClinicsCsvImportParse {
  rows: ParsedClinicRow[];
  problems: ImportProblem[];
}

class InvalidFile extends Error {}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes and validates a clinic list written by this app's export (UTF-8, optional BOM). */
function parseClinicsCsv({ filePath }: ClinicsCsvImportData): ClinicsCsvImportParse {
  const bytes = fs.readFileSync(filePath);
  if (bytes.length === 0) throw new InvalidFile('ファイルが空です。');
  if (bytes.includes(0)) throw new InvalidFile('CSVファイルではありません（文字以外のデータが含まれています）。');
  // Excel on Japanese Windows saves CSV as Shift_JIS; our own export is UTF-8 with a BOM.
  const { text } = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw new InvalidFile(`CSVの形式が正しくありません（${(error as Error).message.slice(0, 80)}）。`);
  }
  const [header, ...body] = records;
  if (!header) throw new InvalidFile('ファイルが空です。');
  const columnIndex = new Map(header.map((h, i) => [h.trim(), i]));
  const indexOf = (key: (typeof clinicCsvColumns)[number]['key']) =>
    columnIndex.get(clinicCsvColumns.find((c) => c.key === key)!.header);
  if (indexOf('name') === undefined) throw new InvalidFile('「医療機関名」の列が見つかりません。');

  const rows: ParsedClinicRow[] = [];
  const problems: ImportProblem[] = [];
  body.forEach((record, i) => {
    const row = i + 2;
    const cell = (key: Parameters<typeof indexOf>[0]) => {
      const index = indexOf(key);
      return index === undefined ? '' : unescapeCsvFormula(record[index] ?? '');
    };
    const kindLabel = cell('kind');
    const kind = kindLabel === '' ? 'clinic_no_beds' : kindFromLabel(kindLabel);
    if (!kind) {
      problems.push({ row, field: clinicFieldLabels.kind, message: `種別「${kindLabel.slice(0, 20)}」は使えません` });
      return;
    }
    const beds = cell('bedCount').trim();
    const parsed = clinicInputSchema.safeParse({
      name: cell('name'),
      nameKana: cell('nameKana'),
      kind,
      bedCount: beds === '' ? null : Number(beds.normalize('NFKC')),
      postalCode: cell('postalCode'),
      address: cell('address'),
      phone: cell('phone'),
      fax: cell('fax'),
      contactPerson: cell('contactPerson'),
      memberNumber: cell('memberNumber'),
      memo: cell('memo'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'name') as keyof typeof clinicFieldLabels;
        problems.push({ row, field: clinicFieldLabels[key] ?? String(key), message: issue.message });
      }
      return;
    }
    const id = cell('id').trim();
    rows.push({ row, id: uuidPattern.test(id) ? id.toLowerCase() : undefined, fields: parsed.data });
    if (row % 500 === 0) post({ type: 'progress', done: i + 1, total: body.length });
  });
  post({ type: 'progress', done: body.length, total: body.length });
  return { rows, problems };
}

function post(message: WorkerMessage<ClinicsCsvImportParse>): void {
  parentPort?.postMessage(message);
}

try {
  post({ type: 'result', result: parseClinicsCsv(workerData as ClinicsCsvImportData) });
} catch (error) {
  if (error instanceof InvalidFile) post({ type: 'error', code: 'INVALID_FILE', message: `${errorMessages.INVALID_FILE}（${error.message}）` });
  else post({ type: 'error', message: String(error) });
}
