import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentKind } from '../../../shared/documents/documentKinds.ts';
import { documentFileName, trailOnlyDocuments } from '../../../shared/documents/documentKinds.ts';
import type { ShowOutputResult } from '../../../shared/documents/documentTrail.ts';
import { documentTrailMessages as m } from '../../../shared/messages/documentTrailMessages.ts';
import { tokyoDateString } from '../../../shared/time/tokyoDate.ts';
import type { ContentManager } from '../content/contentManager.ts';
import { statement, type Db } from '../db/connection.ts';
import { getOutputRecord, outputRowsOf, sentDocumentSql, type OutputInputs, type OutputRow } from '../db/repos/documentOutputs.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/fileStore.ts';
import type { ResidentWorker } from '../workers/runWorker.ts';
import type { PdfJob, PdfRenderData, PdfRenderResult } from '../workers/pdfRender.worker.ts';

/** SHA-256 (hex) of a file's bytes. */
export function sha256OfFile(filePath: string): string {
  return createHash('sha256').update(fs.readFileSync(filePath)).digest('hex');
}

/**
 * What a PDF for none or many clinics keeps instead of the file: its render request without the
 * content pack and rate table (the row names those by code, date and version), its targets, its
 * title and creation time. Enough to make the same bytes again (remakeRenderData).
 */
export function outputInputsOf(data: PdfRenderData): OutputInputs {
  const { pack: _pack, rates: _rates, ...request } = data.request;
  return {
    common: { request, title: data.title, createdAt: data.createdAt, insurerFlyer: data.insurerFlyerPdf !== undefined },
    targets: data.targets.map((target) => JSON.parse(JSON.stringify(target)) as unknown),
  };
}

interface RowInputs {
  request: Omit<PdfRenderData['request'], 'pack' | 'rates'>;
  title: string;
  createdAt: string;
  insurerFlyer: boolean;
  position: number;
  target: PdfRenderData['targets'][number];
}

/**
 * The render request of a mailing (or blank-form print) rebuilt from the rows it wrote, with
 * the content in force now; refused when that is not the content it was made with, since the
 * PDF could then not be the same.
 */
export function remakeRenderData(rows: readonly OutputRow[], content: ContentManager['current'], fontsDir: string, outPath: string): PdfRenderData {
  const first = rows[0]!;
  const { pack, rates, insurerFlyerPdf } = content;
  const inputs = rows.map((row) => JSON.parse(row.inputs!) as RowInputs);
  const head = inputs[0]!;
  const same = first.content_code === pack.document.code && first.content_date === pack.document.createdOn && first.rate_version === rates.version;
  if (!same || (head.insurerFlyer && !insurerFlyerPdf)) {
    throw new AppError('INVALID_INPUT', m.contentChanged(`${first.content_code ?? '—'} ${first.content_date ?? ''}・${first.rate_version ?? '—'}`));
  }
  return {
    request: { ...head.request, pack, rates },
    targets: inputs.map((row) => row.target),
    fontsDir,
    outPath,
    insurerFlyerPdf: head.insurerFlyer ? insurerFlyerPdf : undefined,
    title: head.title,
    createdAt: head.createdAt,
  };
}

const keptFileName = /^\d{4}\/[A-Za-z0-9_-]{8,64}\.pdf$/;

/** Where a one-clinic PDF is kept: `<yyyy>/<output key>.pdf` under the kept documents folder. */
export function keptFileOf(outputKey: string, madeAt: Date): string {
  return `${tokyoDateString(madeAt).slice(0, 4)}/${outputKey}.pdf`;
}

/** Copies the made PDF into the kept documents folder (once per output), written whole before it appears. */
export function keepOutputFile(documentsDir: string, keptFile: string, sourcePath: string): void {
  const target = path.join(documentsDir, keptFile);
  if (fs.existsSync(target)) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.copyFileSync(sourcePath, partial);
  fs.renameSync(partial, target);
}

export interface DocumentTrailDeps {
  db: Db;
  files: FileStore;
  content: ContentManager;
  documentsDir: string;
  fontsDir: string;
  /** This machine: a kept PDF is found only on the machine that made it. */
  machineId: string;
  pdfWorker: ResidentWorker<PdfJob, PdfRenderResult>;
}

const fileNameOf = (row: OutputRow) =>
  documentFileName(JSON.parse(row.documents) as DocumentKind[], row.clinic_name ?? undefined, tokyoDateString(new Date(row.created_at)));

/**
 * 「送付した書類を表示」: the kept PDF, or a mailing made again from its inputs, handed to the
 * window as a file, and whether its SHA-256 is the one recorded when it was made.
 */
export async function showOutput(deps: DocumentTrailDeps, outputId: string): Promise<ShowOutputResult> {
  const row = getOutputRecord(deps.db, outputId);
  if (!row) throw new AppError('NOT_FOUND', m.outputNotFound);
  if (row.sha256 === null) throw new AppError('INVALID_INPUT', m.noHashRecorded);
  if (trailOnlyDocuments.includes(row.documents)) throw new AppError('INVALID_INPUT', m.labelsNotKept);
  let source: ShowOutputResult['source'];
  let filePath: string;
  let fileId: string;
  if (row.kept_file !== null) {
    // The name arrives with the row (from another machine too): only a name this app gives is followed.
    if (!keptFileName.test(row.kept_file)) throw new AppError('INVALID_INPUT', m.notKept);
    const kept = path.join(deps.documentsDir, row.kept_file);
    // A PDF kept on the machine that made it stays there: its row travels, the file does not.
    if (!fs.existsSync(kept)) throw new AppError('INVALID_INPUT', row.machine === deps.machineId ? m.keptFileMissing : m.keptElsewhere);
    ({ fileId, path: filePath } = deps.files.reservePath());
    fs.copyFileSync(kept, filePath);
    source = 'kept';
  } else if (row.inputs !== null) {
    ({ fileId, path: filePath } = deps.files.reservePath());
    const data = remakeRenderData(outputRowsOf(deps.db, row.output_key, row.action), deps.content.current, deps.fontsDir, filePath);
    try {
      await deps.pdfWorker.run(data, { signal: new AbortController().signal });
    } catch (error) {
      fs.rmSync(filePath, { force: true });
      throw error;
    }
    source = 'remade';
  } else {
    throw new AppError('INVALID_INPUT', m.notKept);
  }
  const matches = sha256OfFile(filePath) === row.sha256;
  const file = deps.files.adopt(fileId, filePath, fileNameOf(row), 'application/pdf');
  return { file, source, matches, message: matches ? m.matches : m.differs };
}

/**
 * Removes kept PDFs no output names any more (after 完全削除): data no longer needed is erased
 * (個人情報保護法22条), not only its record. Returns how many files went.
 */
export function removeUnreferencedKeptFiles(db: Db, documentsDir: string): number {
  if (!fs.existsSync(documentsDir)) return 0;
  // A sheet of 宛名ラベル kept by an earlier version holds other clinics' addresses: no label row keeps it.
  const named = statement(db, `SELECT 1 FROM document_outputs o WHERE o.kept_file = ? AND ${sentDocumentSql} LIMIT 1`).pluck();
  let removed = 0;
  for (const year of fs.readdirSync(documentsDir, { withFileTypes: true })) {
    if (!year.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(documentsDir, year.name))) {
      if (!file.endsWith('.pdf') || named.get(`${year.name}/${file}`) !== undefined) continue;
      fs.rmSync(path.join(documentsDir, year.name, file), { force: true });
      removed++;
    }
  }
  return removed;
}
