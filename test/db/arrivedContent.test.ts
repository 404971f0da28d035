import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstalledChange } from '../../electron/core/content/arrivedContent.ts';
import { ContentManager } from '../../electron/core/content/contentManager.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { contentFileDocId, installArrivedContent, shareContentChanges } from '../../electron/core/sync/contentDocs.ts';
import { openLocalStore, type Store } from '../../electron/core/sync/localStore.ts';
import { readOutbox } from '../../electron/core/sync/outbox.ts';
import { contentMessages } from '../../shared/messages/contentMessages.ts';
import { officialSource } from '../helpers/officialRateTable.ts';
import { syncMachine } from '../helpers/syncMachines.ts';
import { tempDir } from '../helpers/tempDir.ts';

const bundled = path.resolve('resources/content');
const today = new Date('2026-12-03T03:00:00.000Z');
const bundledPack = () => JSON.parse(fs.readFileSync(path.join(bundled, 'SJ24-13707.json'), 'utf8')) as { document: Record<string, string> } & Record<string, unknown>;
const sampleTable = () => JSON.parse(fs.readFileSync(path.join(bundled, 'rates', 'SJ24-13707-sample.json'), 'utf8')) as Record<string, unknown>;

function officialTable(version: string) {
  return { ...sampleTable(), version, status: 'confirmed', title: '月額保険料', plans: [{ id: 'P1', name: 'ベーシック' }, { id: 'P2', name: 'スタンダード' }, { id: 'P3', name: 'プレミアム' }] };
}

const change = (over: Partial<InstalledChange> = {}): InstalledChange => ({
  id: '0193f000-0000-7000-8000-0000000000c1',
  kind: 'rates',
  label: '2027年度 正式',
  fileName: '20261202T010000000Z-000000c1-rates.json',
  revertedAt: null,
  source: officialSource,
  ...over,
});

function contentHere() {
  const installed = tempDir();
  return { installed, content: new ContentManager(bundled, installed, { now: () => today }) };
}

/** Every file under the installed folder: what an arrival wrote, or that it wrote nothing. */
const filesUnder = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

describe('a table or pack installed on another machine, arriving here', () => {
  it('is written byte for byte under the name the other machine gave it, and is in force once read again', () => {
    const { installed, content } = contentHere();
    const text = `${JSON.stringify(officialTable('2027年度 正式'), null, 2)}\n`;
    expect(content.installArrived(change(), text)).toEqual([]);
    expect(fs.readFileSync(path.join(installed, 'rates', change().fileName), 'utf8')).toBe(text);
    expect(content.current.rates.status).toBe('sample');
    content.refreshArrivals([], true);
    expect(content.current.rates).toMatchObject({ version: '2027年度 正式', status: 'confirmed' });
  });

  it('is refused as 設定 refuses a chosen file (a sample as official, a 版 other than its record’s), and nothing is written', () => {
    const { installed, content } = contentHere();
    expect(content.installArrived(change({ label: '見本 2026-11' }), JSON.stringify(sampleTable()))).toEqual([`【ファイル】${contentMessages.sampleTableAsOfficial}`]);
    expect(content.installArrived(change({ label: '2026年度 正式' }), JSON.stringify(officialTable('2027年度 正式')))).toEqual([
      `【版】${contentMessages.versionDiffers('2027年度 正式', '2026年度 正式')}`,
    ]);
    expect(filesUnder(installed)).toEqual([]);
  });

  it('a pack dated after today on this machine’s clock is refused today, as 設定 would', () => {
    const { installed, content } = contentHere();
    const pack = bundledPack();
    const later = { ...pack, document: { ...pack.document, code: 'SJ27-00001', createdOn: '2026-12-10', createdLabel: '2026年12月10日作成' } };
    const problems = content.installArrived(change({ kind: 'pack', label: 'SJ27-00001 2026年12月10日作成', fileName: '20261202T010000000Z-000000c1-pack.json', source: null }), JSON.stringify(later));
    expect(problems).toEqual([contentMessages.createdInFuture('2026-12-10', '2026-12-03')]);
    expect(filesUnder(installed)).toEqual([]);
  });

  it('a record naming a file outside the content folder writes nothing anywhere', () => {
    const { installed, content } = contentHere();
    const text = JSON.stringify(officialTable('2027年度 正式'));
    expect(content.installArrived(change({ fileName: '../../cyber-counter.sqlite3' }), text)).toEqual([contentMessages.arrivedNameRefused]);
    expect(content.installArrived(change({ fileName: '20261202T010000000Z-000000c1-pack.json' }), text)).toEqual([contentMessages.arrivedNameRefused]);
    expect(fs.existsSync(path.resolve(installed, 'rates', '../../cyber-counter.sqlite3'))).toBe(false);
    expect(filesUnder(installed)).toEqual([]);
  });

  it('one already taken back on the other machine goes straight aside, never in force here', () => {
    const { installed, content } = contentHere();
    expect(content.installArrived(change({ revertedAt: '2026-12-02T02:00:00.000Z' }), JSON.stringify(officialTable('2027年度 正式')))).toEqual([]);
    expect(filesUnder(installed)).toEqual([path.join('reverted', change().fileName)]);
    content.refreshArrivals([], true);
    expect(content.current.rates.status).toBe('sample');
  });
});

describe('content changes between SQLite and the local store', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });
  const storeIn = (dir: string) => {
    const store = openLocalStore(dir);
    stores.push(store);
    return store;
  };
  const insertChange = (db: ReturnType<typeof syncMachine>['db'], c: InstalledChange, machine = 'office-1') =>
    db
      .prepare('INSERT INTO content_changes (id, kind, label, file_name, staff_id, installed_at, machine, source_document, source_date) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)')
      .run(c.id, c.kind, c.label, c.fileName, '2026-12-02T01:00:00.000Z', machine, c.source?.document ?? null, c.source?.date ?? null);

  it('a table installed here before sharing is queued with its file; one whose file is gone is queued without it; another machine’s is not sent back', async () => {
    const pc = syncMachine('office-1');
    const { installed, content } = contentHere();
    const text = JSON.stringify(officialTable('2027年度 正式'));
    expect(content.installArrived(change(), text)).toEqual([]);
    pc.db.exec('DROP TRIGGER IF EXISTS sync_outbox_content_changes_insert');
    insertChange(pc.db, change());
    insertChange(pc.db, change({ id: '0193f000-0000-7000-8000-0000000000c2', fileName: '20261202T010000000Z-000000c2-rates.json' }));
    insertChange(pc.db, change({ id: '0193f000-0000-7000-8000-0000000000c3', fileName: '20261202T010000000Z-000000c3-rates.json' }), 'laptop');
    const store = storeIn(tempDir());

    expect((await shareContentChanges(pc.db, store, content, 'office-1')).map((written) => written.id)).toEqual([contentFileDocId(change().id)]);
    expect((await store.get<{ text: string }>(contentFileDocId(change().id))).text).toBe(text);
    expect(readOutbox(pc.db, 10).map((e) => e.docId).sort()).toEqual(['content_changes:0193f000-0000-7000-8000-0000000000c1', 'content_changes:0193f000-0000-7000-8000-0000000000c2']);
    expect(fs.existsSync(path.join(installed, 'rates', change().fileName))).toBe(true);
  });

  it('a file whose bytes do not match its checksum is not used and is reported; the right one, arriving later, is', async () => {
    const pc = syncMachine('office-2');
    const { installed, content } = contentHere();
    insertChange(pc.db, change());
    const store = storeIn(tempDir());
    const text = JSON.stringify(officialTable('2027年度 正式'));
    const doc = { _id: contentFileDocId(change().id), table: 'content_file', changeId: change().id, kind: 'rates', fileName: change().fileName, sha256: '0'.repeat(64), text };
    const put = await store.put(doc);

    expect(await installArrivedContent(pc.db, store, content, silentLogger)).toEqual(['content']);
    expect(content.current.rates.status).toBe('sample');
    expect(content.current.problems[0]).toMatchObject({ kind: 'rates', setAside: { version: '2027年度 正式', official: true }, messages: [contentMessages.arrivedRefused('rates', '2027年度 正式'), contentMessages.arrivedMismatch] });
    // Nothing new to say: the next round announces nothing.
    expect(await installArrivedContent(pc.db, store, content, silentLogger)).toEqual([]);

    const { createHash } = await import('node:crypto');
    await store.put({ ...doc, _rev: put.rev, sha256: createHash('sha256').update(text).digest('hex') });
    expect(await installArrivedContent(pc.db, store, content, silentLogger)).toEqual(['content']);
    expect(content.current.rates.version).toBe('2027年度 正式');
    expect(content.current.problems).toEqual([]);
    expect(fs.readdirSync(path.join(installed, 'rates'))).toEqual([change().fileName]);
  });
});
