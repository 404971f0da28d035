import fs from 'node:fs';
import v8 from 'node:v8';
import type { CsvDelimiter, CsvEncoding } from '../../../shared/csv/csvFormat.ts';
import { statement, type Db } from '../db/connection.ts';
import type { ClinicImportWrite } from '../db/repos/clinicImport.ts';
import type { ClinicsCsvImportReport } from './clinicsCsvImport.worker.ts';
import type { RejectedRow } from './importRowPlan.ts';

/**
 * What a preview worked out for a list, everything the import needs to write it without reading
 * the list again: the report staff saw, the rows to insert and update, the rows left out.
 */
export interface ImportPlan {
  /** The clinics as they were when the rows were matched (clinicsState): the plan holds only while they still are. */
  clinicsState: string;
  report: ClinicsCsvImportReport;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  /** The header record's own width, for the rejected rows' CSV. */
  headerWidth: number;
  rejected: RejectedRow[];
  write: ClinicImportWrite;
}

/**
 * A fingerprint of the clinics table that changes with every write to it: an insert raises the
 * count and the highest row number, an edit or an archiving raises a revision and stamps
 * updated_at, a purge lowers the count and the revisions' sum. Read before the rows are matched,
 * compared again inside the import's write transaction.
 */
export function clinicsState(db: Db): string {
  const row = statement(
    db,
    `SELECT count(*) AS n, coalesce(max(seq), 0) AS seq, coalesce(sum(revision), 0) AS revisions, coalesce(max(updated_at), '') AS updatedAt FROM clinics`,
  ).get() as { n: number; seq: number; revisions: number; updatedAt: string };
  return `${row.n}/${row.seq}/${row.revisions}/${row.updatedAt}`;
}

/** Inserts per frame: one v8 buffer of the whole plan would add its full size to the peak. */
const insertsPerFrame = 10_000;

/**
 * Saves a plan as length-prefixed v8 frames: the plan without its inserts, then the inserts in
 * parts. The file lies in the core's private transit folder (emptied at every start) and is
 * removed once the import has used it or the list is dropped.
 */
export function saveImportPlan(filePath: string, plan: ImportPlan): void {
  const fd = fs.openSync(filePath, 'w', 0o600);
  try {
    const frame = (value: unknown) => {
      const body = v8.serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(body.length);
      fs.writeSync(fd, length);
      fs.writeSync(fd, body);
    };
    const { inserts, updates } = plan.write;
    frame({ ...plan, write: { inserts: [], updates }, insertFrames: Math.ceil(inserts.length / insertsPerFrame) });
    for (let i = 0; i < inserts.length; i += insertsPerFrame) frame(inserts.slice(i, i + insertsPerFrame));
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a plan back; undefined when the file is missing or not a whole plan (then the list is read again). */
export function loadImportPlan(filePath: string, onProgress: (done: number, total: number) => void = () => {}): ImportPlan | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch {
    return undefined;
  }
  let at = 0;
  const next = (): unknown => {
    if (at + 4 > bytes.length) throw new RangeError('plan file cut short');
    const length = bytes.readUInt32LE(at);
    const end = at + 4 + length;
    if (end > bytes.length) throw new RangeError('plan file cut short');
    const value = v8.deserialize(bytes.subarray(at + 4, end));
    at = end;
    return value;
  };
  try {
    const { insertFrames, ...plan } = next() as ImportPlan & { insertFrames: number };
    const inserts: ClinicImportWrite['inserts'][number][] = [];
    for (let i = 0; i < insertFrames; i++) {
      onProgress(i, insertFrames);
      for (const insert of next() as ClinicImportWrite['inserts']) inserts.push(insert);
    }
    return { ...plan, write: { inserts, updates: plan.write.updates } };
  } catch {
    return undefined;
  }
}
