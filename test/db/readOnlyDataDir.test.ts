import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/openCore.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { createDispatcher } from '../../electron/core/dispatch.ts';
import type { HandlerMap } from '../../electron/core/handlers/handlerMap.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { dataDirMessages } from '../../shared/messages/dataDirMessages.ts';
import { errorMessages } from '../../shared/messages/errors.ts';
import { giveToOtherUser, makeFileReadOnly, openCoreAsOtherUser, otherUserCanRunCheckout, readOnlyFolder, runNodeAsOtherUser } from '../helpers/otherUser.ts';

const refusal = (dataDir: string) => ({ ok: false, code: 'DATA_DIR_READ_ONLY', message: dataDirMessages.readOnlyAtStart(dataDir) });

describe.skipIf(!otherUserCanRunCheckout)('a data folder this user cannot write', () => {
  it('an empty one (a first start) is refused with a Japanese message naming the folder, and nothing is made in it', async () => {
    const { dir, makeReadOnly } = readOnlyFolder();
    makeReadOnly();
    expect(await openCoreAsOtherUser(dir)).toEqual(refusal(dir));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('one that does not exist under a folder it cannot write is refused the same way', async () => {
    const { dir, makeReadOnly } = readOnlyFolder();
    makeReadOnly();
    const dataDir = path.join(dir, 'cyber-counter');
    expect(await openCoreAsOtherUser(dataDir)).toEqual(refusal(dataDir));
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('a writable folder whose database file is read-only is refused at start, not at the first save', async () => {
    const { dir } = readOnlyFolder();
    const core = await openCore({ dataDir: dir, mode: 'preview', log: silentLogger });
    await core.dispatch('clinics.create', { name: '霧島眼科' });
    await core.close();
    giveToOtherUser(dir);
    const dbFile = path.join(dir, 'cyber-counter.sqlite3');
    makeFileReadOnly(dbFile);
    const before = fs.readFileSync(dbFile);

    expect(await openCoreAsOtherUser(dir)).toEqual(refusal(dir));
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
    // Not taken for a damaged file: nothing set aside, nothing restored.
    expect(fs.existsSync(path.join(dir, 'damaged'))).toBe(false);
  });

  it('the same folder, made writable again, opens and saves', async () => {
    const { dir } = readOnlyFolder();
    giveToOtherUser(dir);
    expect(await openCoreAsOtherUser(dir, 'save')).toMatchObject({ ok: true, result: { name: '霧島眼科' } });
  });

  it('the preview says so on its console in Japanese, naming the folder, without a stack trace', async () => {
    const { dir, makeReadOnly } = readOnlyFolder();
    makeReadOnly();
    const run = await runNodeAsOtherUser(['electron/cli/preview.ts', '--no-build', '--port', '0', '--data-dir', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(dataDirMessages.readOnlyAtStart(dir));
    expect(run.stdout).toBe('');
  });
});

describe.skipIf(!otherUserCanRunCheckout)('a database file made read-only while the app runs', () => {
  it('an import then fails with DATA_DIR_READ_ONLY in Japanese, not INTERNAL, and adds nothing', async () => {
    const { dir } = readOnlyFolder();
    giveToOtherUser(dir);
    expect(await openCoreAsOtherUser(dir, 'import-after-read-only')).toMatchObject({
      state: 'failed',
      error: { code: 'DATA_DIR_READ_ONLY', message: errorMessages.DATA_DIR_READ_ONLY },
    });
    const db = new Database(path.join(dir, 'cyber-counter.sqlite3'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM clinics').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});

describe('a write refused by SQLite while the app runs', () => {
  it('answers DATA_DIR_READ_ONLY in Japanese, not INTERNAL', async () => {
    const { dir } = readOnlyFolder();
    const file = path.join(dir, 'cyber-counter.sqlite3');
    const setup = openDatabase(file);
    migrate(setup, migrations);
    setup.close();
    // What SQLite does with a file it may not write: it opens it read-only and refuses each write.
    const db = new Database(file, { readonly: true });
    try {
      const dispatch = createDispatcher({ 'clinics.create': (input: Parameters<typeof createClinic>[1]) => createClinic(db, input, { machineId: 'test' }) } as unknown as HandlerMap, silentLogger);
      expect(await dispatch('clinics.create', { name: '霧島眼科' })).toEqual({ ok: false, error: { code: 'DATA_DIR_READ_ONLY', message: errorMessages.DATA_DIR_READ_ONLY } });
    } finally {
      db.close();
    }
  });
});
