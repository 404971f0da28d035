import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../shared/contract/events.ts';
import type { MaintenanceState } from '../../shared/contract/dataAreas.ts';
import { searchNormalizationVersion } from '../../shared/text/normalizeForSearch.ts';
import { openCore } from '../../electron/core/openCore.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { databaseFileName } from '../../electron/core/paths.ts';
import type { Core } from '../../electron/core/types.ts';
import { tempDir } from '../helpers/tempDir.ts';

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

async function open(dataDir: string): Promise<Core> {
  // Two clinics per step, so a handful of clinics makes several steps to watch.
  const core = await openCore({ dataDir, mode: 'preview', log: silentLogger, searchIndexChunk: 2 });
  opened.push(core);
  return core;
}

const names = ['髙﨑クリニック', '医療法人㈱さくら会 ｻｸﾗ病院', '𠮷田ﾊﾟｰｸ眼科', 'ｶﾅ歯科', '中央医院'];

/**
 * A data folder whose search columns and indexes were built by an older normalisation: stored as
 * version 0, the shadow columns hold the text as typed and the indexes its raw characters, so
 * half-width kana, ㈱ or hyphens are not found the way today's rule finds them.
 */
async function folderBuiltByAnOlderNormalisation(): Promise<string> {
  const dataDir = tempDir();
  const core = await open(dataDir);
  await core.dispatch('clinics.create', { name: names[0], nameKana: 'ﾀｶｻｷｸﾘﾆｯｸ', phone: '099-254-8126' });
  await core.dispatch('clinics.create', { name: names[1], address: '鹿児島市ﾔﾏｼﾀ町５－１' });
  await core.dispatch('clinics.create', { name: names[2] });
  await core.dispatch('clinics.create', { name: names[3], nameKana: 'カナシカ' });
  await core.dispatch('clinics.create', { name: names[4] });
  opened.splice(opened.indexOf(core), 1);
  await core.close();

  const db = new Database(path.join(dataDir, databaseFileName));
  db.exec(`
    UPDATE clinics SET name_norm = name, kana_norm = name_kana, phone_digits = phone;
    INSERT INTO clinic_search (clinic_search) VALUES ('delete-all');
    INSERT INTO clinic_trigrams (clinic_trigrams) VALUES ('delete-all');
    INSERT INTO clinic_trigrams (rowid, name, kana, address, phone, fax, member) SELECT seq, name, name_kana, address, phone, fax, member_number FROM clinics;
    INSERT OR REPLACE INTO app_meta (key, value) VALUES ('search_normalization', '0');
  `);
  db.close();
  return dataDir;
}

function storedVersion(dataDir: string): string | undefined {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    return db.prepare("SELECT value FROM app_meta WHERE key = 'search_normalization'").pluck().get() as string | undefined;
  } finally {
    db.close();
  }
}

async function searchNames(core: Core, query: string): Promise<string[]> {
  const answer = (await core.dispatch('clinics.search', { query })) as { ok: true; result: { items: { name: string }[] } };
  return answer.result.items.map((c) => c.name);
}

/** Collects the core's events; `ended` resolves when maintenance reports null. */
function watch(core: Core, onStep: (state: NonNullable<MaintenanceState>) => void = () => {}) {
  const events: ContractEvent[] = [];
  let resolveEnded: () => void;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  core.onEvent((event) => {
    events.push(event);
    if (event.type !== 'maintenance') return;
    if (event.state === null) resolveEnded();
    else onStep(event.state);
  });
  return { events, ended };
}

describe('search index rebuild at start-up', () => {
  it('rebuilds search columns made by an older normalisation, holding writes back meanwhile, then stores the version', async () => {
    const dataDir = await folderBuiltByAnOlderNormalisation();
    const core = await open(dataDir);

    // Before the first step: the start screen learns what is going on, writes wait, reads work.
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, result: { maintenance: { task: 'searchIndex', done: 0, total: 5 } } });
    expect(await core.dispatch('clinics.create', { name: '新しい医院' })).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(await core.dispatch('clinics.search', { query: '' })).toMatchObject({ ok: true });
    expect(await searchNames(core, 'たかさき')).toEqual([]);

    // In the middle of the rebuild (a step has run, others have not), by the rebuild's own events.
    const during: Promise<unknown>[] = [];
    const { events, ended } = watch(core, (state) => {
      if (state.done > 0 && state.done < state.total && during.length === 0) {
        during.push(
          core.dispatch('clinics.update', { id: '00000000-0000-7000-8000-000000000000', clinic: { name: '上書き' }, expectedRevision: 1 }),
          core.dispatch('jobs.start', { kind: 'clinics.importCsv', input: { fileId: 'file-abcdefgh' } }),
          core.dispatch('clinics.search', { query: '' }),
        );
      }
    });
    await ended;
    const [update, importJob, read] = await Promise.all(during);
    expect(update).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(importJob).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(read).toMatchObject({ ok: true, result: { total: 5 } });

    const steps = events.filter((e) => e.type === 'maintenance').map((e) => e.state);
    expect(steps).toEqual([
      { task: 'searchIndex', done: 0, total: 5 },
      { task: 'searchIndex', done: 2, total: 5 },
      { task: 'searchIndex', done: 4, total: 5 },
      { task: 'searchIndex', done: 5, total: 5 },
      null,
    ]);
    // Open clinic lists refetch once the rebuild has ended.
    const afterEnd = events.slice(events.findIndex((e) => e.type === 'maintenance' && e.state === null));
    expect(afterEnd).toContainEqual({ type: 'changed', areas: ['clinics'] });

    // Found the way today's normalisation finds them: kana in either width and script, ㈱, hyphens.
    expect(await searchNames(core, 'たかさき')).toEqual([names[0]]);
    expect(await searchNames(core, '0992548126')).toEqual([names[0]]);
    expect(await searchNames(core, '(株)さくら')).toEqual([names[1]]);
    expect(await searchNames(core, 'やました町5')).toEqual([names[1]]);
    expect(await searchNames(core, 'パーク眼')).toEqual([names[2]]);
    expect(await searchNames(core, 'かな')).toEqual([names[3]]);

    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, result: { maintenance: null } });
    expect(await core.dispatch('clinics.create', { name: '新しい医院' })).toMatchObject({ ok: true });
    expect(storedVersion(dataDir)).toBe(String(searchNormalizationVersion));
  });

  it('starts over at the next start when the app closes halfway, and finishes then', async () => {
    const dataDir = await folderBuiltByAnOlderNormalisation();
    const first = await open(dataDir);
    let closing: Promise<void> | undefined;
    await new Promise<void>((resolve) =>
      first.onEvent((event) => {
        if (event.type === 'maintenance' && event.state && event.state.done > 0 && !closing) {
          closing = first.close();
          resolve();
        }
      }),
    );
    await closing;
    opened.splice(opened.indexOf(first), 1);
    expect(storedVersion(dataDir)).toBe('0');

    const second = await open(dataDir);
    const { events, ended } = watch(second);
    await ended;
    expect(events.filter((e) => e.type === 'maintenance').at(-2)).toEqual({ type: 'maintenance', state: { task: 'searchIndex', done: 5, total: 5 } });
    expect(await searchNames(second, 'ｻｸﾗ')).toEqual([names[1]]);
    expect(storedVersion(dataDir)).toBe(String(searchNormalizationVersion));
  });

  it('does nothing for a file built by the current normalisation, and a new file records it', async () => {
    const dataDir = tempDir();
    const core = await open(dataDir);
    const { events } = watch(core);
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, result: { maintenance: null } });
    expect(await core.dispatch('clinics.create', { name: '中央医院' })).toMatchObject({ ok: true });
    expect(storedVersion(dataDir)).toBe(String(searchNormalizationVersion));
    expect(events.filter((e) => e.type === 'maintenance')).toEqual([]);
  });
});

describe('search index after a restore', () => {
  it('a restored backup indexed by an older normalisation is rebuilt as at start-up, and found by today\'s rule', async () => {
    const older = await folderBuiltByAnOlderNormalisation();
    // That file, carried here as a backup (one self-contained file, as backups are written).
    const dataDir = tempDir();
    const core = await open(dataDir);
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    const fileName = 'backup-20261201T000000Z-imported.sqlite3';
    const backup = new Database(path.join(older, databaseFileName));
    await backup.backup(path.join(dataDir, 'backups', fileName));
    backup.close();
    const asBackup = new Database(path.join(dataDir, 'backups', fileName));
    asBackup.pragma('journal_mode = DELETE');
    asBackup.close();

    const { ended } = watch(core);
    expect(await core.dispatch('backups.restore', { fileName })).toMatchObject({ ok: true });
    await ended;
    expect(await searchNames(core, 'たかさき')).toEqual([names[0]]);
    expect(await searchNames(core, '(株)さくら')).toEqual([names[1]]);
    expect(storedVersion(dataDir)).toBe(String(searchNormalizationVersion));
  });
});
