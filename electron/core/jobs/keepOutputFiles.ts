import fs from 'node:fs';
import path from 'node:path';
import type { OutputSubject } from '../db/repos/documentOutputs.ts';
import { isTrailOnly } from '../../../shared/documents/documentKinds.ts';
import { extractZip } from '../files/pdfZip.ts';
import { keepOutputFile, keptFileOf, sha256OfFile } from './documentTrail.ts';

/** Where an output's PDFs were kept: the file as a whole, or each clinic's own PDF of a zip. */
export interface KeptOutput {
  keptFile: string | null;
  keptFiles?: Record<string, string>;
}

/**
 * Keeps what 「送付した書類を表示」 shows again when an output is saved or printed: a PDF for one
 * clinic as made; for 医療機関ごとのPDF each
 * clinic's own PDF out of the zip, checked against the hash its row will carry.
 */
export async function keepOutputFiles(documentsDir: string, subject: OutputSubject, storedPath: string, now: Date): Promise<KeptOutput> {
  // 宛名ラベル are not kept: the trail row says they were printed, and no copy of an address outlives its clinic.
  if (!subject.sha256 || subject.documents.length === 0 || isTrailOnly(subject.documents)) return { keptFile: null };
  if (subject.clinicFiles) {
    const byEntry = new Map(subject.clinicFiles.map((file, index) => [file.entry, { ...file, keptFile: keptFileOf(`${subject.outputKey}-${index + 1}`, now) }]));
    const pending = (keptFile: string) => path.join(documentsDir, `${keptFile}.unpacked`);
    const keptFiles: Record<string, string> = {};
    await extractZip(storedPath, (entry) => {
      const file = byEntry.get(entry);
      return file && !fs.existsSync(path.join(documentsDir, file.keptFile)) ? pending(file.keptFile) : null;
    });
    for (const file of byEntry.values()) {
      const unpacked = pending(file.keptFile);
      if (fs.existsSync(unpacked)) {
        // Only the bytes the row's hash names are kept under the row's name.
        if (sha256OfFile(unpacked) === file.sha256) fs.renameSync(unpacked, path.join(documentsDir, file.keptFile));
        else fs.rmSync(unpacked, { force: true });
      }
      if (fs.existsSync(path.join(documentsDir, file.keptFile))) keptFiles[file.clinicId] = file.keptFile;
    }
    return { keptFile: null, keptFiles };
  }
  if (subject.clinicIds.length !== 1) return { keptFile: null };
  const keptFile = keptFileOf(subject.outputKey, now);
  keepOutputFile(documentsDir, keptFile, storedPath);
  return { keptFile };
}
