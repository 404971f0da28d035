import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { stringify } from 'csv-stringify/sync';
import { clinicCsvColumns, clinicToCsvRow, escapeCsvFormula } from '../../../shared/domain/clinicCsv.ts';
import { openReadOnlyDatabase } from '../db/connection.ts';
import { countClinics, iterateClinics } from '../db/repos/clinics.ts';
import type { WorkerMessage } from './runWorker.ts';

export interface ClinicsCsvExportData {
  dbPath: string;
  outPath: string;
  includeArchived: boolean;
}

const chunkRows = 1000;

/** Writes the clinic list as UTF-8 CSV with a BOM, so Excel on Japanese Windows opens it right. */
function exportClinics({ dbPath, outPath, includeArchived }: ClinicsCsvExportData): number {
  const db = openReadOnlyDatabase(dbPath);
  const fd = fs.openSync(outPath, 'w');
  try {
    const total = countClinics(db, includeArchived);
    fs.writeSync(fd, '\uFEFF' + stringify([clinicCsvColumns.map((c) => c.header)], { record_delimiter: '\r\n' }));
    let done = 0;
    let chunk: string[][] = [];
    const flush = () => {
      fs.writeSync(fd, stringify(chunk, { record_delimiter: '\r\n' }));
      chunk = [];
      post({ type: 'progress', done, total });
    };
    for (const clinic of iterateClinics(db, includeArchived)) {
      chunk.push(clinicToCsvRow(clinic).map(escapeCsvFormula));
      done++;
      if (chunk.length === chunkRows) flush();
    }
    flush();
    fs.fsyncSync(fd);
    return done;
  } finally {
    fs.closeSync(fd);
    db.close();
  }
}

function post(message: WorkerMessage<number>): void {
  parentPort?.postMessage(message);
}

try {
  post({ type: 'result', result: exportClinics(workerData as ClinicsCsvExportData) });
} catch (error) {
  post({ type: 'error', message: String(error) });
}
