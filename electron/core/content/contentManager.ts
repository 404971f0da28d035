import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { newRecordId } from '../db/recordIds.ts';
import type { ContentChange, ContentImportPreview } from '../../../shared/content/contentImport.ts';
import { contentPackSchema, type ContentPack } from '../../../shared/content/contentPackSchema.ts';
import { rateTableFromRows, rateTableTemplateRows } from '../../../shared/content/rateTableCsv.ts';
import { monthlyPremiumOf, rateTableSchema, ratedKinds, type RateTable } from '../../../shared/content/rateTableSchema.ts';
import { clinicKindLabels } from '../../../shared/domain/clinic.ts';
import { statement, type Db } from '../db/connection.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/fileStore.ts';
import { toExcelCsv } from '../text/csvText.ts';
import { decodeText, encodeCp932 } from '../text/decodeText.ts';
import { loadContent, type LoadedContent } from './loadContent.ts';
import { installedContentFileName, installedContentPath } from './installedContentFile.ts';
import { silentLogger, type Logger } from '../log/logger.ts';
import { contentMessages } from '../../../shared/messages/contentMessages.ts';
import { contentFieldLabel, diffContentPacks } from '../../../shared/content/contentPackDiff.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';

type Candidate = { kind: 'rates'; table: RateTable } | { kind: 'pack'; pack: ContentPack };
type Problem = { row: number; field: string; message: string };

/** The largest table or pack accepted: the approved flyer's pack is 10 KB, a full rate table less. */
export const maxContentFileBytes = 2 * 1024 * 1024;
const fileProblem = (message: string): { problems: Problem[] } => ({ problems: [{ row: 0, field: contentMessages.fileField, message }] });

/** Problems by field; a pack's fields are named as the side-by-side check names them (「作成日」). */
function schemaProblems(issues: { path: PropertyKey[]; message: string }[], name: (path: (string | number)[]) => string = (p) => p.join('.')): Problem[] {
  return issues.slice(0, 50).map((i) => ({ row: 0, field: name(i.path.map((p) => (typeof p === 'number' ? p : String(p)))) || contentMessages.wholeFile, message: i.message }));
}

/**
 * The product content in force, and its changes: a rate table template for Excel, a preview of
 * a new table or pack beside the current one, installing it (a new file, never an edit) with who
 * and when, and taking it back.
 */
export class ContentManager {
  private loaded: LoadedContent;
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
    return this.loaded;
  }

  /** The current table's plans as a Shift_JIS CSV, figures left empty for the official ones. */
  async rateTemplate(files: FileStore) {
    const csv = toExcelCsv(rateTableTemplateRows(this.loaded.rates));
    return files.addBytes(encodeCp932(csv), contentMessages.templateFileName, 'text/csv', 'whileUsed');
  }

  private readCandidate(file: { path: string; name: string }, version: string): { candidate?: Candidate; problems: Problem[] } {
    // Measured before reading: a file of gigabytes is refused without being loaded.
    if (fs.statSync(file.path).size > maxContentFileBytes) return fileProblem(contentMessages.fileTooLarge(`${maxContentFileBytes / 1024 / 1024}MB`));
    const bytes = fs.readFileSync(file.path);
    if (bytes.length === 0) return fileProblem(contentMessages.emptyFile);
    if (bytes.includes(0)) return fileProblem(contentMessages.notCsvOrJson);
    const { text } = decodeText(bytes);
    if (file.name.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{')) {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return fileProblem(contentMessages.notJson);
      }
      const isRates = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'monthlyPremiums');
      const parsed = isRates ? rateTableSchema.safeParse(raw) : contentPackSchema.safeParse(raw);
      if (!parsed.success) return { problems: schemaProblems(parsed.error.issues, isRates ? undefined : contentFieldLabel) };
      if (!isRates) {
        // A flyer cannot have been approved after today; the core's clock decides, in Japan's date.
        const { createdOn } = (parsed.data as ContentPack).document;
        const today = tokyoToday(this.now());
        if (createdOn > today) return { problems: [{ row: 0, field: contentFieldLabel(['document', 'createdOn']), message: contentMessages.createdInFuture(createdOn, today) }] };
      }
      return isRates ? { candidate: { kind: 'rates', table: parsed.data as RateTable }, problems: [] } : { candidate: { kind: 'pack', pack: parsed.data as ContentPack }, problems: [] };
    }
    if (version === '') return { problems: [{ row: 0, field: contentMessages.versionField, message: contentMessages.versionNeeded }] };
    let rows: string[][];
    try {
      rows = parse(text, { relax_column_count: true, skip_empty_lines: false });
    } catch (error) {
      return fileProblem(contentMessages.malformedCsv((error as Error).message.slice(0, 60)));
    }
    const result = rateTableFromRows(rows, this.loaded.rates, version);
    if (!result.ok) return { problems: result.problems };
    // The same rules the table meets at every start, so nothing is installed only to be set aside.
    const checked = rateTableSchema.safeParse(result.table);
    return checked.success ? { candidate: { kind: 'rates', table: checked.data }, problems: [] } : { problems: schemaProblems(checked.error.issues) };
  }

  preview(file: { path: string; name: string }, version: string): ContentImportPreview {
    const { candidate, problems } = this.readCandidate(file, version);
    const current = this.loaded;
    if (!candidate || candidate.kind === 'rates') {
      const table = candidate?.kind === 'rates' ? candidate.table : undefined;
      return {
        kind: 'rates',
        currentVersion: current.rates.version,
        currentStatus: current.rates.status,
        version: table?.version ?? version,
        rows: table
          ? ratedKinds.flatMap((kind) =>
              table.plans.map((plan) => ({
                kindLabel: clinicKindLabels[kind],
                planName: plan.name,
                currentYen: monthlyPremiumOf(current.rates, kind, plan.id) ?? null,
                newYen: monthlyPremiumOf(table, kind, plan.id)!,
              })),
            )
          : [],
        problems,
      };
    }
    return {
      kind: 'pack',
      current: { code: current.pack.document.code, createdLabel: current.pack.document.createdLabel },
      candidate: { code: candidate.pack.document.code, createdLabel: candidate.pack.document.createdLabel },
      changes: diffContentPacks(current.pack, candidate.pack),
      problems: [],
    };
  }

  /** Installs a validated table or pack as a new file and records who did it and when. */
  install(db: Db, file: { path: string; name: string }, version: string, ctx: WriteContext): ContentChange {
    const { candidate, problems } = this.readCandidate(file, version);
    if (!candidate) throw new AppError('INVALID_FILE', contentMessages.cannotInstall(problems[0]?.field ?? '', problems[0]?.message ?? ''));
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
        statement(db, 'INSERT INTO content_changes (id, kind, label, file_name, staff_id, installed_at, machine) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          id,
          candidate.kind,
          label,
          fileName,
          ctx.staffId ?? null,
          now.toISOString(),
          ctx.machineId,
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
      `SELECT c.id, c.kind, c.label, c.installed_at, s.name AS staff_name, c.reverted_at
         FROM content_changes c LEFT JOIN staff s ON s.id = c.staff_id ORDER BY c.installed_at DESC, c.id DESC`,
    ).all() as { id: string; kind: 'pack' | 'rates'; label: string; installed_at: string; staff_name: string | null; reverted_at: string | null }[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, label: r.label, installedAt: r.installed_at, staffName: r.staff_name, revertedAt: r.reverted_at }));
  }

  /** Takes an installed table or pack back: its file moves aside (kept), the previous one applies. */
  revert(db: Db, changeId: string, ctx: WriteContext): ContentChange {
    const row = statement(db, 'SELECT kind, file_name, reverted_at FROM content_changes WHERE id = ?').get(changeId) as
      | { kind: 'pack' | 'rates'; file_name: string; reverted_at: string | null }
      | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    if (row.reverted_at === null) {
      const aside = path.join(this.installedDir, 'reverted');
      const from = installedContentPath(row.kind === 'rates' ? path.join(this.installedDir, 'rates') : this.installedDir, row.file_name, row.kind);
      const to = installedContentPath(aside, row.file_name, row.kind);
      if (!from || !to) {
        this.log.warn('content revert refused: stored file name is not one install writes', { changeId });
        throw new AppError('INVALID_FILE', contentMessages.revertRefused);
      }
      fs.mkdirSync(aside, { recursive: true });
      if (fs.existsSync(from)) fs.renameSync(from, to);
      statement(db, 'UPDATE content_changes SET reverted_at = ? WHERE id = ?').run((ctx.now?.() ?? new Date()).toISOString(), changeId);
      this.loaded = this.load();
    }
    return this.changes(db).find((c) => c.id === changeId)!;
  }
}
