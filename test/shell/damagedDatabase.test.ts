import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow, resetFakeElectron } from './fakeElectron.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { newestGoodBackupIn, openCore, restoreDamagedDataDir } from '../../electron/core/openCore.ts';
import type { Core } from '../../electron/core/types.ts';
import { startApp } from '../../electron/shell/startApp.ts';
import { shellMessages } from '../../electron/shell/shellMessages.ts';
import { tempDir } from '../helpers/tempDir.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

const { app, dialog } = fakeElectron;
const dbFile = (dataDir: string) => path.join(dataDir, 'cyber-counter.sqlite3');
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A data folder with one backup (one clinic), then a second clinic, then its file damaged on disk. */
async function damagedDataDir(): Promise<string> {
  const dataDir = tempDir();
  const core = await openCore({ dataDir, mode: 'preview', log: silentLogger });
  await core.dispatch('clinics.create', { name: '霧島眼科' });
  await core.dispatch('backups.create', {});
  await core.dispatch('clinics.create', { name: '指宿内科' });
  await core.close();
  // Overwrite the file's inner pages (the header stays): what a failing disk leaves behind.
  const fd = fs.openSync(dbFile(dataDir), 'r+');
  fs.writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096);
  fs.closeSync(fd);
  return dataDir;
}

/** Waits until start-up has got somewhere; the test's timeout bounds the wait, not a fixed delay. */
const until = async (reached: () => boolean) => {
  while (!reached()) await new Promise((resolve) => setTimeout(resolve, 10));
};

/** Starts the desktop shell on a data folder with the real recovery; the cores it opened. */
function startDesktopApp(dataDir: string): Core[] {
  const opened: Core[] = [];
  startApp({
    openCore: async (options) => {
      const core = await openCore({ ...options, log: silentLogger });
      opened.push(core);
      return core;
    },
    dataDir,
    preloadPath: '/app/preload.cjs',
    rendererDir: '/app/renderer',
    log: silentLogger,
    recovery: { newestGoodBackup: newestGoodBackupIn, restore: (dir) => restoreDamagedDataDir(dir) },
  });
  return opened;
}

describe('a damaged database at start-up', () => {
  beforeEach(() => resetFakeElectron());

  it('is refused by the core with DB_DAMAGED, and the file is left exactly as it was', async () => {
    const dataDir = await damagedDataDir();
    const before = sha(dbFile(dataDir));
    await expect(openCore({ dataDir, mode: 'preview', log: silentLogger })).rejects.toMatchObject({ code: 'DB_DAMAGED' });
    expect(sha(dbFile(dataDir))).toBe(before);
  });

  it('offers the newest good backup; yes restores it and starts, keeping the damaged file aside', async () => {
    const dataDir = await damagedDataDir();
    const damaged = sha(dbFile(dataDir));
    const opened = startDesktopApp(dataDir);
    await until(() => FakeBrowserWindow.instances.length > 0);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: shellMessages.damagedTitle, buttons: [shellMessages.restoreAndStart, shellMessages.quit] }));
    expect((dialog.showMessageBox.mock.calls as unknown as [{ detail: string }][])[0]![0].detail).toContain('医療機関 1件・問い合わせ 0件');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const found = (await opened[0]!.dispatch('clinics.search', { query: '' })) as { ok: true; result: { items: { name: string }[] } };
    expect(found.result.items.map((c) => c.name)).toEqual(['霧島眼科']);
    const kept = fs.readdirSync(path.join(dataDir, 'damaged')).filter((f) => f.endsWith('.sqlite3'));
    expect(kept).toHaveLength(1);
    expect(sha(path.join(dataDir, 'damaged', kept[0]!))).toBe(damaged);
    await opened[0]!.close();
  });

  it('quits without touching anything when the user says no', async () => {
    const dataDir = await damagedDataDir();
    const before = sha(dbFile(dataDir));
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    startDesktopApp(dataDir);
    await until(() => app.quit.mock.calls.length > 0);
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(sha(dbFile(dataDir))).toBe(before);
    expect(fs.existsSync(path.join(dataDir, 'damaged'))).toBe(false);
  });
});

/** A data folder with one backup (one clinic) whose database file is then deleted or emptied. */
async function lostDataDir(how: 'deleted' | 'emptied'): Promise<string> {
  const dataDir = tempDir();
  const core = await openCore({ dataDir, mode: 'preview', log: silentLogger });
  await core.dispatch('clinics.create', { name: '霧島眼科' });
  await core.dispatch('backups.create', {});
  await core.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile(dataDir) + suffix, { force: true });
  if (how === 'deleted') fs.rmSync(dbFile(dataDir));
  else fs.truncateSync(dbFile(dataDir), 0);
  return dataDir;
}

describe('a database file gone or emptied while backups remain', () => {
  beforeEach(() => resetFakeElectron());

  it.each(['deleted', 'emptied'] as const)('when %s, is refused with DB_MISSING instead of starting empty, and nothing is created', async (how) => {
    const dataDir = await lostDataDir(how);
    const before = fs.readdirSync(dataDir).sort();
    await expect(openCore({ dataDir, mode: 'preview', log: silentLogger })).rejects.toMatchObject({
      code: 'DB_MISSING',
      message: expect.stringContaining('空のデータでは始めません'),
    });
    expect(fs.readdirSync(dataDir).sort()).toEqual(before);
  });

  it('a truly first start, with no backups, opens an empty database without a question', async () => {
    const core = await openCore({ dataDir: tempDir(), mode: 'preview', log: silentLogger });
    const found = (await core.dispatch('clinics.search', { query: '' })) as { ok: true; result: { items: unknown[] } };
    expect(found.result.items).toEqual([]);
    await core.close();
  });

  it('the desktop app offers the newest backup; yes restores it and starts with its clinics', async () => {
    const dataDir = await lostDataDir('emptied');
    const opened = startDesktopApp(dataDir);
    await until(() => FakeBrowserWindow.instances.length > 0);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: shellMessages.missingTitle, buttons: [shellMessages.restoreAndStart, shellMessages.quit] }));
    const found = (await opened[0]!.dispatch('clinics.search', { query: '' })) as { ok: true; result: { items: { name: string }[] } };
    expect(found.result.items.map((c) => c.name)).toEqual(['霧島眼科']);
    await opened[0]!.close();
  });
});

describe('the backup offered for a damaged database', () => {
  it('is never a crafted one: a newer backup carrying a foreign trigger is passed over', async () => {
    const dataDir = await damagedDataDir();
    const backupsDir = path.join(dataDir, 'backups');
    const [good] = fs.readdirSync(backupsDir).filter((f) => f.endsWith('.sqlite3'));
    const crafted = path.join(backupsDir, 'backup-20991231T000000Z-imported.sqlite3');
    fs.copyFileSync(path.join(backupsDir, good!), crafted);
    const db = new Database(crafted);
    db.exec("CREATE TRIGGER fax_rewrite AFTER INSERT ON clinics BEGIN UPDATE clinics SET fax = '03-0000-0000' WHERE seq = new.seq; END;");
    db.close();
    expect(newestGoodBackupIn(dataDir)?.fileName).toBe(good);
  });
});
