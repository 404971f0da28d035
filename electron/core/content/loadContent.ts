import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { contentPackSchema, type ContentPack } from '../../../shared/content/contentPackSchema.ts';
import { rateTableSchema, type RateTable } from '../../../shared/content/rateTableSchema.ts';
import { contentFieldLabel } from '../../../shared/content/contentPackDiff.ts';
import { rateTableFieldLabel } from '../../../shared/content/rateTableFieldLabel.ts';
import { contentMessages } from '../../../shared/messages/contentMessages.ts';
import { rateTableMessages } from '../../../shared/messages/rateTableMessages.ts';
import { importantMattersMessages } from '../../../shared/messages/importantMattersMessages.ts';
import { installedPdfPath } from './installedPdfs.ts';

export interface ContentProblem {
  file: string;
  kind: 'pack' | 'rates';
  /**
   * For a rate table that was set aside where it would otherwise be in force: the version and
   * status it claims, so 設定 and 保険料試算 can name it to staff.
   */
  setAside?: { version: string; official: boolean };
  /** Installed on another machine and refused here (sharing): the first message says so, the rest why. */
  fromAnotherMachine?: true;
  /** Japanese, each naming the place in staff words: 「1番目のプランの名称：プラン名がありません」. */
  messages: string[];
}

export interface LoadedContent {
  pack: ContentPack;
  rates: RateTable;
  problems: ContentProblem[];
  /** Where the insurer's own flyer PDF of the pack in force is, checked; only when the pack names one. */
  insurerFlyerPdf?: string | undefined;
  /** Where the insurer's important-matters PDF of the pack in force is, checked; only when the pack names one and it passed. */
  importantMattersPdf?: string | undefined;
}

type PdfWords = { missing: (file: string) => string; notPdf: (file: string) => string; changed: (file: string) => string };
const flyerWords: PdfWords = { missing: contentMessages.insurerFlyerMissing, notPdf: contentMessages.insurerFlyerNotPdf, changed: contentMessages.insurerFlyerChanged };
const importantMattersWords: PdfWords = { missing: importantMattersMessages.pdfMissing, notPdf: importantMattersMessages.pdfNotPdf, changed: importantMattersMessages.pdfChanged };

/**
 * A PDF a pack names, checked: installed with the pack (kept by its SHA-256 in the pack folder's
 * pdfs/), or else placed by hand beside the pack. Its path, or why it cannot be used.
 */
function namedPdfOf(named: { file: string; sha256: string } | undefined, dir: string, words: PdfWords): { path?: string; problem?: string } {
  if (!named) return {};
  const file = [installedPdfPath(dir, named.sha256), path.join(dir, named.file)].find((f) => fs.existsSync(f));
  if (!file) return { problem: words.missing(named.file) };
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return { problem: words.notPdf(named.file) };
  if (createHash('sha256').update(bytes).digest('hex') !== named.sha256) return { problem: words.changed(named.file) };
  return { path: file };
}

type Claimed = { version: string; official: boolean; packCode: string | undefined };
type Candidate<T> = { value: T } | { problem: ContentProblem; claimed?: Claimed };

/** What a refused rate table file says it is, read without trusting the rest of it. */
function claimedTable(raw: unknown): Claimed | undefined {
  if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, 'version')) return undefined;
  const { version, status, packCode } = raw as { version: unknown; status?: unknown; packCode?: unknown };
  if (typeof version !== 'string' || version.trim() === '') return undefined;
  return { version: version.slice(0, 60), official: status === 'confirmed', packCode: typeof packCode === 'string' ? packCode : undefined };
}

/** Where a problem is, in the words of 設定 (「1番目のプランの名称」, 「保険会社の連絡先 › FAX番号」), never a dotted path. */
function placeOf(kind: ContentProblem['kind'], path: PropertyKey[]): string {
  if (kind === 'rates') return rateTableFieldLabel(path);
  return path.length === 0 ? contentMessages.wholeFile : contentFieldLabel(path.map((p) => (typeof p === 'number' ? p : String(p))));
}

function readCandidate<T>(file: string, kind: ContentProblem['kind'], schema: z.ZodType<T>): Candidate<T> {
  const name = path.basename(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { problem: { file: name, kind, messages: [contentMessages.notJsonBecause((error as Error).message.slice(0, 80))] } };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  const messages = parsed.error.issues.map((i) => rateTableMessages.placed(placeOf(kind, i.path), i.message));
  return { problem: { file: name, kind, messages }, claimed: kind === 'rates' ? claimedTable(raw) : undefined };
}

/** JSON files of a folder, newest name last so that the last valid one wins. */
function jsonFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Loads the product text and the rate table. Broken files are reported (field by field, in
 * Japanese) and skipped, so the app keeps the last good content. Of the valid packs the one with
 * the latest creation date wins, so an app update with a newer approved flyer is not hidden by
 * an older pack installed earlier; of the rate tables for that pack, the last installed wins.
 */
export function loadContent(contentDirs: readonly string[], options: { today?: string } = {}): LoadedContent {
  const problems: ContentProblem[] = [];
  const valid = <T>(files: string[], kind: ContentProblem['kind'], schema: z.ZodType<T>): T[] =>
    files.flatMap((file) => {
      const result = readCandidate(file, kind, schema);
      if ('value' in result) return [result.value];
      problems.unshift(result.problem);
      return [];
    });
  const [bundledDir, ...installedDirs] = contentDirs;
  // A pack naming an insurer's flyer that is missing or altered is refused whole: printing the
  // app's rendition instead would silently replace what the insurer supplied.
  const flyers = new Map<ContentPack, string>();
  const packDirs = new Map<ContentPack, { dir: string; file: string }>();
  const withFlyer = (file: string, pack: ContentPack): ContentPack[] => {
    packDirs.set(pack, { dir: path.dirname(file), file: path.basename(file) });
    const { path: flyer, problem } = namedPdfOf(pack.insurerFlyerPdf, path.dirname(file), flyerWords);
    if (problem) {
      problems.unshift({ file: path.basename(file), kind: 'pack', messages: [problem] });
      return [];
    }
    if (flyer) flyers.set(pack, flyer);
    return [pack];
  };
  const bundledPacks = (bundledDir === undefined ? [] : jsonFiles(bundledDir)).flatMap((file) => valid([file], 'pack', contentPackSchema).flatMap((pack) => withFlyer(file, pack)));
  // An installed flyer cannot have been approved after today: one that says so (installed before
  // this check, or under a wrong clock) waits aside. The bundled packs came with the app and are
  // never refused by the PC's clock, so a clock set years back still starts the app.
  const installedPacks = installedDirs.flatMap((dir) =>
    jsonFiles(dir).flatMap((file) => {
      const [pack] = valid([file], 'pack', contentPackSchema);
      if (!pack) return [];
      const { createdOn } = pack.document;
      if (options.today !== undefined && createdOn > options.today) {
        problems.unshift({ file: path.basename(file), kind: 'pack', messages: [contentMessages.createdInFuture(createdOn, options.today)] });
        return [];
      }
      return withFlyer(file, pack);
    }),
  );
  const packs = [...bundledPacks, ...installedPacks];
  // Later candidates (installed after bundled, newer names last) win ties.
  const pack = packs.reduce<ContentPack | undefined>((best, p) => (!best || p.document.createdOn >= best.document.createdOn ? p : best), undefined);
  const rateFiles = contentDirs.flatMap((dir) => jsonFiles(path.join(dir, 'rates'))).map((file) => readCandidate(file, 'rates', rateTableSchema));
  const tables = rateFiles.flatMap((result, order) => ('value' in result ? [{ table: result.value, order }] : []));
  const forPack = tables.filter((t) => t.table.packCode === pack?.document.code);
  const chosen = (forPack.length > 0 ? forPack : tables).at(-1);
  const rates = chosen?.table;
  rateFiles.forEach((result, order) => {
    if ('value' in result) return;
    const { problem, claimed } = result;
    // Named to staff only where it would have been in force had it passed: a refused table that
    // a later valid one replaced anyway changes nothing they see, and stays a plain file problem.
    const wouldWin = (rival: { order: number } | undefined) => !rival || order > rival.order;
    const inForce = claimed && (claimed.packCode === pack?.document.code ? wouldWin(forPack.at(-1)) : forPack.length === 0 && wouldWin(chosen));
    problems.unshift(inForce ? { ...problem, setAside: { version: claimed.version, official: claimed.official } } : problem);
  });
  if (!pack || !rates) {
    const detail = problems.map((p) => `${p.file}: ${p.messages.slice(0, 3).join(' / ')}`).join('\n');
    throw new Error(contentMessages.nothingLoadable(detail));
  }
  // An important-matters PDF that is missing or altered leaves the pack in force (its wording is
  // the approved flyer's) but the document unavailable: never a wrong file handed over.
  const placed = packDirs.get(pack);
  const importantMatters = placed ? namedPdfOf(pack.importantMatters, placed.dir, importantMattersWords) : {};
  if (importantMatters.problem && placed) problems.unshift({ file: placed.file, kind: 'pack', messages: [importantMatters.problem] });
  return { pack, rates, problems, insurerFlyerPdf: flyers.get(pack), importantMattersPdf: importantMatters.path };
}
