import fs from 'node:fs';
import v8 from 'node:v8';
import type { CsvDelimiter, CsvEncoding } from '../../../shared/csv/csvFormat.ts';
import { statement, type Db } from '../db/connection.ts';
import type { ClinicImportParts, ClinicImportWrite, ClinicInsert } from '../db/repos/clinicImport.ts';
import type { ClinicsCsvImportReport } from './clinicsCsvImport.worker.ts';
import type { RejectedRow } from './importRowPlan.ts';

/**
 * What a preview worked out for a list, everything the import needs to write it without reading
 * the list again: the report staff saw, the rows to insert and update, the rows left out.
 */
export interface ImportPlan<W extends ClinicImportWrite | ClinicImportParts = ClinicImportWrite | ClinicImportParts> {
  /** The clinics as they were when the rows were matched (clinicsState): the plan holds only while they still are. */
  clinicsState: string;
  report: ClinicsCsvImportReport;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  /** The header record's own width, for the rejected rows' CSV. */
  headerWidth: number;
  rejected: RejectedRow[];
  write: W;
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

type PlanHead = Omit<ImportPlan<ClinicImportWrite>, 'write'> & { updates: ClinicImportWrite['updates']; insertCount: number; insertFrames: number };

/**
 * Saves a plan as length-prefixed v8 frames: the plan without its inserts, then the inserts in
 * parts. The file lies in the core's private transit folder (emptied at every start) and is
 * removed once the import has used it or the list is dropped.
 */
export function saveImportPlan(filePath: string, plan: ImportPlan<ClinicImportWrite>): void {
  const fd = fs.openSync(filePath, 'w', 0o600);
  try {
    const frame = (value: unknown) => {
      const body = v8.serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(body.length);
      fs.writeSync(fd, length);
      fs.writeSync(fd, body);
    };
    const { write, ...rest } = plan;
    const head: PlanHead = { ...rest, updates: write.updates, insertCount: write.inserts.length, insertFrames: Math.ceil(write.inserts.length / insertsPerFrame) };
    frame(head);
    for (let i = 0; i < write.inserts.length; i += insertsPerFrame) frame(write.inserts.slice(i, i + insertsPerFrame));
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads the frame at `position`; undefined past the end. */
function readFrame(fd: number, position: number): { value: unknown; next: number } | undefined {
  const length = Buffer.alloc(4);
  if (fs.readSync(fd, length, 0, 4, position) < 4) return undefined;
  const body = Buffer.alloc(length.readUInt32LE());
  if (fs.readSync(fd, body, 0, body.length, position + 4) < body.length) throw new RangeError('plan file cut short');
  return { value: v8.deserialize(body), next: position + 4 + body.length };
}

/**
 * Reads a plan's head back; its inserts are read frame by frame while they are written. Undefined
 * when the file is missing or its head unreadable (then the list is read again).
 */
export function loadImportPlan(filePath: string): ImportPlan<ClinicImportParts> | undefined {
  let head: { value: unknown; next: number } | undefined;
  try {
    const fd = fs.openSync(filePath, 'r');
    try {
      head = readFrame(fd, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (!head) return undefined;
  const { updates, insertCount, insertFrames, ...rest } = head.value as PlanHead;
  const firstInserts = head.next;
  function* insertParts(): Iterable<readonly ClinicInsert[]> {
    const fd = fs.openSync(filePath, 'r');
    try {
      let position = firstInserts;
      for (let i = 0; i < insertFrames; i++) {
        const frame = readFrame(fd, position);
        if (!frame) throw new RangeError('plan file cut short');
        position = frame.next;
        yield frame.value as ClinicInsert[];
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  return { ...rest, write: { insertCount, insertParts, updates } };
}
