import fs from 'node:fs';
import path from 'node:path';
import { newRecordId } from '../db/recordIds.ts';
import type { ContentChange, ContentImportPreview, ContentImportRequest } from '../../../shared/content/contentImport.ts';
import { rateTableTemplateRows } from '../../../shared/content/rateTableCsv.ts';
import { annualPremiumOf, monthlyPremiumOf, ratedKinds } from '../../../shared/content/rateTableSchema.ts';
import { rateTableSourceSchema } from '../../../shared/content/rateTableSource.ts';
import { clinicKindLabels } from '../../../shared/domain/clinic.ts';
import { statement, type Db } from '../db/connection.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/fileStore.ts';
import { toExcelCsv } from '../text/csvText.ts';
import { encodeCp932 } from '../text/decodeText.ts';
import { loadContent, type LoadedContent } from './loadContent.ts';
import { installedContentFileName } from './installedContentFile.ts';
import { installArrivedFile, installedFileState, installedFileText, moveInstalledAside, type InstalledChange } from './arrivedContent.ts';
import type { ContentProblem } from './loadContent.ts';
import { readContentFile, type ContentFileReading } from './readContentFile.ts';
import { checkPackPdfs, keptPdfsOfPackText } from './packPdfs.ts';
import { keepInstalledPdf, sha256Hex } from './installedPdfs.ts';
import { silentLogger, type Logger } from '../log/logger.ts';
import { contentMessages } from '../../../shared/messages/contentMessages.ts';
import { diffContentPacks } from '../../../shared/content/contentPackDiff.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';

export { maxContentFileBytes } from './readContentFile.ts';

type ChangeRow = {
  id: string;
  kind: 'pack' | 'rates';
  label: string;
  file_name: string;
  installed_at: string;
  staff_name: string | null;
  reverted_at: string | null;
  source_document: string | null;
  source_date: string | null;
};

/**
 * The product content in force, and its changes: a rate table template for Excel, a preview of
 * a new table or pack beside the current one, installing it (a new file, never an edit) with who
 * and when, and taking it back.
 */
export class ContentManager {
  private loaded: LoadedContent;
  /** Tables and packs installed on other machines that this app refused, reported with the file problems. */
  private arrivalProblems: ContentProblem[] = [];
  private readonly bundledDir: string;
  private readonly installedDir: string;
  private readonly log: Logger;
  private readonly now: () => Date;

  constructor(bundledDir: string, installedDir: string, options: { log?: Logger; now?: () => Date } = {}) {
    this.bundledDir = bundledDir;
    this.installedDir = installedDir;
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.loaded = this.load();
  }

  private load(): LoadedContent {
    return loadContent([this.bundledDir, this.installedDir], { today: tokyoToday(this.now()) });
  }

  get current(): LoadedContent {
    return this.arrivalProblems.length === 0 ? this.loaded : { ...this.loaded, problems: [...this.arrivalProblems, ...this.loaded.problems] };
  }

  /** The current table's plans as a Shift_JIS CSV, figures left empty for the official ones. */
  async rateTemplate(files: FileStore) {
    const csv = toExcelCsv(rateTableTemplateRows(this.loaded.rates));
    return files.addBytes(encodeCp932(csv), contentMessages.templateFileName, 'text/csv', 'whileUsed');
  }

  /**
   * An official table is confirmed by someone against a document dated no later than today (by
   * this core's clock, in Japan's date): checked before the file is read, so a refusal reads and
   * writes nothing.
   */
  private checkRequest(request: ContentImportRequest, ctx: WriteContext): void {
    if (request.kind !== 'rates') return;
    const checked = rateTableSourceSchema(tokyoToday(ctx.now?.() ?? this.now())).safeParse(request.source);
    if (!checked.success) {
      const fields = Object.fromEntries(checked.error.issues.map((i) => [['source', ...i.path].join('.'), i.message]));
      throw new AppError('INVALID_INPUT', checked.error.issues[0]!.message, fields);
    }
    if (!ctx.staffId) throw new AppError('INVALID_INPUT', contentMessages.staffRequired, { staff: contentMessages.staffRequired });
  }

  private read(file: { path: string; name: string }, request: ContentImportRequest, ctx: WriteContext): ContentFileReading {
    return readContentFile(file, request, this.loaded.rates, tokyoToday(ctx.now?.() ?? this.now()));
  }

  /** What a chosen file would change, beside the content in force; its problems instead when it is refused. */
  preview(file: { path: string; name: string }, request: ContentImportRequest, ctx: WriteContext, pdfs: readonly { path: string; name: string }[] = []): ContentImportPreview {
    this.checkRequest(request, ctx);
    const { candidate, problems } = this.read(file, request, ctx);
    const current = this.loaded;
    const currentRates = { currentVersion: current.rates.version, currentStatus: current.rates.status };
    const currentPack = { code: current.pack.document.code, createdLabel: current.pack.document.createdLabel };
    if (!candidate) {
      return request.kind === 'rates'
        ? { kind: 'rates', ...currentRates, version: request.version, rows: [], quoteValidUntil: null, problems }
        : { kind: 'pack', current: currentPack, candidate: null, changes: [], problems, pdfs: [] };
    }
    if (candidate.kind === 'pack') {
      const { document } = candidate.pack;
      const checked = checkPackPdfs(candidate.pack, pdfs, this.installedDir);
      return {
        kind: 'pack',
        current: currentPack,
        candidate: { code: document.code, createdLabel: document.createdLabel },
        changes: diffContentPacks(current.pack, candidate.pack),
        problems: [],
        pdfs: checked.pdfs,
      };
    }
    const { table } = candidate;
    return {
      kind: 'rates',
      ...currentRates,
      version: table.version,
      rows: ratedKinds.flatMap((kind) =>
        table.plans.map((plan) => ({
          kindLabel: clinicKindLabels[kind],
          planName: plan.name,
          currentYen: monthlyPremiumOf(current.rates, kind, plan.id) ?? null,
          newYen: monthlyPremiumOf(table, kind, plan.id)!,
          newAnnualYen: annualPremiumOf(table, kind, plan.id) ?? null,
          liabilityLimitYen: plan.liabilityLimitYen ?? null,
          responseCostLimitYen: plan.responseCostLimitYen ?? null,
        })),
      ),
      quoteValidUntil: table.quoteValidUntil ?? null,
      problems: [],
    };
  }

  /**
   * Installs a validated table or pack as a new file and records who did it and when. A pack
   * comes with the PDFs it names, each checked against the pack's SHA-256 first: one that fails
   * refuses the whole install, and nothing is written.
   */
  install(db: Db, file: { path: string; name: string }, request: ContentImportRequest, ctx: WriteContext, pdfs: readonly { path: string; name: string }[] = []): ContentChange {
    this.checkRequest(request, ctx);
    const { candidate, problems } = this.read(file, request, ctx);
    const first = problems[0];
    if (!candidate) {
      const field = first && first.row > 0 ? contentMessages.rowField(first.row, first.field) : (first?.field ?? '');
      throw new AppError('INVALID_FILE', contentMessages.cannotInstall(field, first?.message ?? ''));
    }
    if (candidate.kind === 'pack') {
      const checked = checkPackPdfs(candidate.pack, pdfs, this.installedDir);
      const refused = checked.pdfs.find((p) => p.problem !== null);
      if (refused || !checked.accepted) throw new AppError('INVALID_FILE', refused?.problem ?? contentMessages.cannotInstall('', ''));
      // Kept before the pack goes in: a pack in force always finds its PDFs. A PDF kept for an
      // install that then fails is harmless: it is named by its hash and used by no pack.
      for (const bytes of checked.accepted.values()) keepInstalledPdf(this.installedDir, bytes);
    } else if (pdfs.length > 0) {
      throw new AppError('INVALID_FILE', contentMessages.packPdfNotNamed(pdfs[0]!.name));
    }
    const source = request.kind === 'rates' ? request.source : null;
    const now = ctx.now?.() ?? new Date();
    const id = newRecordId();
    const dir = candidate.kind === 'rates' ? path.join(this.installedDir, 'rates') : this.installedDir;
    const fileName = installedContentFileName(now, id, candidate.kind);
    fs.mkdirSync(dir, { recursive: true });
    const data = candidate.kind === 'rates' ? candidate.table : candidate.pack;
    const temporary = path.join(dir, `${fileName}.partial`);
    fs.writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`, { flag: 'wx' });
    const label = candidate.kind === 'rates' ? candidate.table.version : `${candidate.pack.document.code} ${candidate.pack.document.createdLabel}`;
    try {
      // The record and the file go in together: the rename only happens once the row is written,
      // and a failed rename rolls the row back.
      db.transaction(() => {
        statement(db, `INSERT INTO content_changes (id, kind, label, file_name, staff_id, installed_at, machine, source_document, source_date)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          candidate.kind,
          label,
          fileName,
          ctx.staffId ?? null,
          now.toISOString(),
          ctx.machineId,
          source?.document ?? null,
          source?.date ?? null,
        );
        fs.renameSync(temporary, path.join(dir, fileName));
      })();
    } finally {
      fs.rmSync(temporary, { force: true });
    }
    this.loaded = this.load();
    return this.changes(db).find((c) => c.id === id)!;
  }

  changes(db: Db): ContentChange[] {
    const rows = statement(
      db,
      `SELECT c.id, c.kind, c.label, c.file_name, c.installed_at, s.name AS staff_name, c.reverted_at, c.source_document, c.source_date
         FROM content_changes c LEFT JOIN staff s ON s.id = c.staff_id ORDER BY c.installed_at DESC, c.id DESC`,
    ).all() as ChangeRow[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: r.label,
      installedAt: r.installed_at,
      staffName: r.staff_name,
      revertedAt: r.reverted_at,
      source: r.source_document !== null && r.source_date !== null ? { document: r.source_document, date: r.source_date } : null,
      ...(this.arrivalProblems.some((p) => p.file === r.file_name) ? { notUsedHere: true as const } : {}),
    }));
  }

  /** Takes an installed table or pack back: its file moves aside (kept), the previous one applies. */
  revert(db: Db, changeId: string, ctx: WriteContext): ContentChange {
    const row = statement(db, 'SELECT kind, file_name, reverted_at FROM content_changes WHERE id = ?').get(changeId) as
      | { kind: 'pack' | 'rates'; file_name: string; reverted_at: string | null }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    if (row.reverted_at === null) {
      if (!moveInstalledAside(this.installedDir, { kind: row.kind, fileName: row.file_name })) {
        this.log.warn('content revert refused: stored file name is not one install writes', { changeId });
        throw new AppError('INVALID_FILE', contentMessages.revertRefused);
      }
      statement(db, 'UPDATE content_changes SET reverted_at = ? WHERE id = ?').run((ctx.now?.() ?? new Date()).toISOString(), changeId);
      this.loaded = this.load();
    }
    return this.changes(db).find((c) => c.id === changeId)!;
  }

  /** Where a change's file is here: in force, taken back, or not here (for sharing). */
  fileState(change: InstalledChange) {
    return installedFileState(this.installedDir, change);
  }

  /** The text of a change's file as installed here, to send to the other machines. */
  installedText(change: InstalledChange): string | undefined {
    return installedFileText(this.installedDir, change);
  }

  /** The PDFs kept here that an installed pack names, to send with it to the other machines. */
  installedPdfs(change: InstalledChange): { sha256: string; bytes: Buffer }[] {
    const text = change.kind === 'pack' ? this.installedText(change) : undefined;
    return text === undefined ? [] : keptPdfsOfPackText(text, this.installedDir);
  }

  /**
   * A change installed on another machine: checked as 設定 checks a chosen file; its problems when
   * refused. The PDFs that came with a pack are kept first, each only if its bytes are the ones
   * its SHA-256 names; the pack's own check then finds them (or says which one is missing).
   */
  installArrived(change: InstalledChange, text: string, pdfs: readonly { sha256: string; bytes: Uint8Array }[] = []): string[] {
    for (const pdf of pdfs) if (sha256Hex(pdf.bytes) === pdf.sha256) keepInstalledPdf(this.installedDir, pdf.bytes);
    return installArrivedFile(this.installedDir, change, text, this.loaded.rates, tokyoToday(this.now()));
  }

  /** A change taken back on another machine: its file moves aside here too. */
  takeBackArrived(change: InstalledChange): void {
    if (!moveInstalledAside(this.installedDir, change)) this.log.warn('content take-back refused: stored file name is not one install writes', { changeId: change.id });
  }

  /**
   * After sharing moved files: the content in force is read again (when `reload`), and the
   * changes from other machines this app refused are reported beside the file problems.
   * Returns whether what 設定 and 保険料試算 show changed.
   */
  refreshArrivals(refused: ContentProblem[], reload: boolean): boolean {
    const before = JSON.stringify(this.arrivalProblems);
    this.arrivalProblems = refused;
    if (reload) this.loaded = this.load();
    return reload || before !== JSON.stringify(refused);
  }
}
