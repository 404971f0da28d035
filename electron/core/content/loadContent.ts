import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { contentPackSchema, type ContentPack } from '../../../shared/content/contentPackSchema.ts';
import { rateTableSchema, type RateTable } from '../../../shared/content/rateTableSchema.ts';
import { contentMessages } from '../../../shared/messages/contentMessages.ts';

export interface ContentProblem {
  file: string;
  /** Japanese, each naming the field: 「contacts.agency.fax: FAX番号がありません」. */
  messages: string[];
}

export interface LoadedContent {
  pack: ContentPack;
  rates: RateTable;
  problems: ContentProblem[];
}

function readCandidate<T>(file: string, schema: z.ZodType<T>): { value: T } | { problem: ContentProblem } {
  const name = path.basename(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { problem: { file: name, messages: [contentMessages.notJsonBecause((error as Error).message.slice(0, 80))] } };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  return { problem: { file: name, messages: parsed.error.issues.map((i) => `${i.path.join('.') || contentMessages.wholeFile}: ${i.message}`) } };
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
export function loadContent(contentDirs: readonly string[]): LoadedContent {
  const problems: ContentProblem[] = [];
  const valid = <T>(files: string[], schema: z.ZodType<T>): T[] =>
    files.flatMap((file) => {
      const result = readCandidate(file, schema);
      if ('value' in result) return [result.value];
      problems.unshift(result.problem);
      return [];
    });
  const packs = valid(contentDirs.flatMap((dir) => jsonFiles(dir)), contentPackSchema);
  // Later candidates (installed after bundled, newer names last) win ties.
  const pack = packs.reduce<ContentPack | undefined>((best, p) => (!best || p.document.createdOn >= best.document.createdOn ? p : best), undefined);
  const tables = valid(contentDirs.flatMap((dir) => jsonFiles(path.join(dir, 'rates'))), rateTableSchema);
  const forPack = tables.filter((t) => t.packCode === pack?.document.code);
  const rates = (forPack.length > 0 ? forPack : tables).at(-1);
  if (!pack || !rates) {
    const detail = problems.map((p) => `${p.file}: ${p.messages.slice(0, 3).join(' / ')}`).join('\n');
    throw new Error(contentMessages.nothingLoadable(detail));
  }
  return { pack, rates, problems };
}
