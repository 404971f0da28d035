import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.ts';
import { writeClinicImport, type ClinicImportWrite } from '../db/repos/clinics.ts';
import { AppError } from '../errors.ts';
import type { WorkerMessage } from './runWorker.ts';

export interface ClinicsCsvWriteData {
  dbPath: string;
  write: ClinicImportWrite;
  machineId: string;
  staffId: string | null;
  /** One timestamp for every row of the import. */
  now: string;
}

/**
 * Writes an import on its own connection, in one transaction, so the window stays responsive
 * however long it takes. Cancelling terminates this thread: the connection closes without a
 * commit and SQLite rolls the whole import back.
 */
function writeImport({ dbPath, write, machineId, staffId, now }: ClinicsCsvWriteData) {
  const db = openDatabase(dbPath);
  try {
    const at = new Date(now);
    return writeClinicImport(db, write, { machineId, staffId, now: () => at }, (done, total) => post({ type: 'progress', done, total }));
  } finally {
    db.close();
  }
}

function post(message: WorkerMessage<{ inserted: number; updated: number }>): void {
  parentPort?.postMessage(message);
}

try {
  post({ type: 'result', result: writeImport(workerData as ClinicsCsvWriteData) });
} catch (error) {
  if (error instanceof AppError) post({ type: 'error', code: error.code, message: error.message });
  else post({ type: 'error', message: String(error) });
}
