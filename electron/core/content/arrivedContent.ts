import fs from 'node:fs';
import path from 'node:path';
import type { ContentImportRequest } from '../../../shared/content/contentImport.ts';
import type { RateTable } from '../../../shared/content/rateTableSchema.ts';
import { rateTableSourceSchema } from '../../../shared/content/rateTableSource.ts';
import type { DateOnly } from '../../../shared/time/tokyoDate.ts';
import { contentMessages } from '../../../shared/messages/contentMessages.ts';
import { installedContentPath } from './installedContentFile.ts';
import { readContentFile } from './readContentFile.ts';

/** One row of 取り込みの記録 as sharing sees it: what was installed, under which file name, and whether it was taken back. */
export interface InstalledChange {
  id: string;
  kind: 'pack' | 'rates';
  label: string;
  fileName: string;
  revertedAt: string | null;
  source: { document: string; date: string } | null;
}

/** Where a change's file is on this machine: in force, moved aside by 取り消す, or not here. */
export type InstalledFileState = 'inForce' | 'takenBack' | 'missing';

const inForceDir = (installedDir: string, kind: InstalledChange['kind']) => (kind === 'rates' ? path.join(installedDir, 'rates') : installedDir);
const takenBackDir = (installedDir: string) => path.join(installedDir, 'reverted');

/** The two places a change's file may be, or undefined when its stored name is not one install writes. */
function placesOf(installedDir: string, change: InstalledChange): { inForce: string; takenBack: string } | undefined {
  const inForce = installedContentPath(inForceDir(installedDir, change.kind), change.fileName, change.kind);
  const takenBack = installedContentPath(takenBackDir(installedDir), change.fileName, change.kind);
  return inForce && takenBack ? { inForce, takenBack } : undefined;
}

export function installedFileState(installedDir: string, change: InstalledChange): InstalledFileState {
  const places = placesOf(installedDir, change);
  if (!places) return 'missing';
  if (fs.existsSync(places.inForce)) return 'inForce';
  return fs.existsSync(places.takenBack) ? 'takenBack' : 'missing';
}

/** The text of a change's file as installed here (in force or taken back), to send to other machines. */
export function installedFileText(installedDir: string, change: InstalledChange): string | undefined {
  const places = placesOf(installedDir, change);
  const file = places && [places.inForce, places.takenBack].find((f) => fs.existsSync(f));
  return file === undefined ? undefined : fs.readFileSync(file, 'utf8');
}

/**
 * Moves a change's file aside into `reverted/` (kept, no longer loaded). False when its stored
 * name is not one install writes: a row from a crafted backup or another machine must never make
 * this move the database or the backups folder.
 */
export function moveInstalledAside(installedDir: string, change: Pick<InstalledChange, 'kind' | 'fileName'>): boolean {
  const from = installedContentPath(inForceDir(installedDir, change.kind), change.fileName, change.kind);
  const to = installedContentPath(takenBackDir(installedDir), change.fileName, change.kind);
  if (!from || !to) return false;
  fs.mkdirSync(takenBackDir(installedDir), { recursive: true });
  if (fs.existsSync(from)) fs.renameSync(from, to);
  return true;
}

/**
 * A table or pack installed on another machine, checked by the same reading 設定 gives a chosen
 * file (the official table's 版 and the insurer's document it rests on included), then written
 * under the name that machine gave it: in force, or straight aside when it was already taken
 * back. Written as it arrived, so every machine holds the same bytes. Returns the problems, in
 * staff words, when it is refused; nothing is written then.
 */
export function installArrivedFile(installedDir: string, change: InstalledChange, text: string, base: RateTable, today: DateOnly): string[] {
  const places = placesOf(installedDir, change);
  if (!places) return [contentMessages.arrivedNameRefused];
  const request: ContentImportRequest =
    change.kind === 'rates' ? { kind: 'rates', fileId: 'arrived-file', version: change.label, source: change.source ?? { document: '', date: '' } } : { kind: 'pack', fileId: 'arrived-file' };
  if (change.kind === 'rates' && change.source) {
    // Tables installed before the insurer's document was recorded (migration 8) carry none.
    const source = rateTableSourceSchema(today).safeParse(change.source);
    if (!source.success) return source.error.issues.map((i) => i.message);
  }
  const target = change.revertedAt === null ? places.inForce : places.takenBack;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.partial`;
  fs.writeFileSync(temporary, text, { flag: 'w' });
  try {
    const { candidate, problems } = readContentFile({ path: temporary, name: change.fileName }, request, base, today);
    if (!candidate || candidate.kind !== change.kind) return problems.map((p) => (p.field && !p.message.startsWith(p.field) ? `【${p.field}】${p.message}` : p.message));
    fs.renameSync(temporary, target);
    return [];
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
