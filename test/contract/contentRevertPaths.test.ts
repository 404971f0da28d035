import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../electron/core/log/logger.ts';
import { installedContentFileName, installedContentPath } from '../../electron/core/content/installedContentFile.ts';
import { contentMessages } from '../../shared/messages/contentMessages.ts';
import { call, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { chooseCurrentStaff, officialRatesRequest } from '../helpers/officialRateTable.ts';

const officialRatesCsv = '種別,プランID,プラン名,月額保険料（円）\r\n無床診療所,P1,Aプラン,2100\r\n有床診療所,P1,Aプラン,4200\r\n';

/** Every file under the data folder (logs aside) with its size: what a moved file would change. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => !f.startsWith('logs'))
    .map((f) => `${f.split(path.sep).join('/')}${fs.statSync(path.join(dir, f)).isDirectory() ? '/' : ''}`)
    .sort();
}

/** A content_changes row as a crafted backup would bring it, written past the app. */
function craftChange(t: TestHost, id: string, kind: string, fileName: string) {
  const db = new Database(t.core.dbPath);
  try {
    db.prepare("INSERT INTO content_changes (id, kind, label, file_name, staff_id, installed_at, machine) VALUES (?, ?, '細工', ?, NULL, '2026-12-01T00:00:00.000Z', 'other')").run(id, kind, fileName);
  } finally {
    db.close();
  }
}

describe('取り消す on a content change never moves a file the app did not install', () => {
  it.each([
    ['the live database', 'pack', '../cyber-counter.sqlite3'],
    ['the backups folder', 'rates', '../../backups'],
    ['a name like the app writes, climbing out', 'pack', '20261201T000000Z-pack.json/../../cyber-counter.sqlite3'],
    ['an installed rate table named as a pack', 'pack', 'RATES'],
  ])('refuses a row naming %s, moves nothing and logs only the record id', async (_what, kind, craftedName) => {
    const logDir = tempDir();
    const t = await startTestHost({ log: createFileLogger(logDir) });
    await call(t, 'backups.create', {});
    const fileId = await uploadFile(t, 'rates.csv', officialRatesCsv, 'contentFile');
    await chooseCurrentStaff(t);
    const installed = (await call(t, 'content.acceptImport', officialRatesRequest(fileId))).body.result;
    const installedName = fs.readdirSync(path.join(t.dataDir, 'content', 'rates'))[0]!;
    const id = '019ae000-0000-7000-8000-00000000c0de';
    craftChange(t, id, kind, craftedName === 'RATES' ? installedName : craftedName);
    const before = filesUnder(t.dataDir);
    expect(before).toContain('cyber-counter.sqlite3');
    expect(before.some((f) => f.startsWith('backups/backup-'))).toBe(true);

    const answer = await call(t, 'content.revert', { changeId: id });

    expect(answer.status).toBe(422);
    expect(answer.body.error).toEqual({ code: 'INVALID_FILE', message: contentMessages.revertRefused });
    expect(filesUnder(t.dataDir)).toEqual(before);
    const rows = (await call(t, 'content.changes', {})).body.result.items as { id: string; revertedAt: string | null }[];
    expect(rows.find((r) => r.id === id)?.revertedAt).toBeNull();
    // The official table installed before is still the one in force.
    expect((await call(t, 'content.get', {})).body.result.rates).toMatchObject({ status: 'confirmed', version: '2026年度 正式' });
    expect(rows.find((r) => r.id === installed.id)?.revertedAt).toBeNull();
    const log = fs.readFileSync(path.join(logDir, 'app.log'), 'utf8');
    expect(log).toContain(id);
    expect(log).not.toContain(craftedName === 'RATES' ? installedName : craftedName);
  });

  it('still takes back a change the app installed itself', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, 'rates.csv', officialRatesCsv, 'contentFile');
    await chooseCurrentStaff(t);
    const installed = (await call(t, 'content.acceptImport', officialRatesRequest(fileId))).body.result;
    const reverted = await call(t, 'content.revert', { changeId: installed.id });
    expect(reverted.body.result.revertedAt).not.toBeNull();
    expect(fs.readdirSync(path.join(t.dataDir, 'content', 'rates'))).toEqual([]);
    expect(fs.readdirSync(path.join(t.dataDir, 'content', 'reverted'))).toHaveLength(1);
  });
});

describe('installed content file names', () => {
  it('accepts every name install writes, and the shorter names of earlier releases', () => {
    const name = installedContentFileName(new Date('2026-12-03T10:38:16.123Z'), '019ae000-0000-7000-8000-0000abcdef12', 'pack');
    expect(installedContentPath('/data/content', name, 'pack')).toBe(path.resolve('/data/content', name));
    expect(installedContentPath('/data/content', '20261203T103816Z-rates.json', 'rates')).toBe(path.resolve('/data/content/20261203T103816Z-rates.json'));
    expect(installedContentPath('/data/content', name, 'rates')).toBeUndefined();
  });
});
