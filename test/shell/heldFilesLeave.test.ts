import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow, resetFakeElectron } from './fakeElectron.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { FileStore } from '../../electron/core/files/fileStore.ts';
import { printCopyMaxAgeMs } from '../../electron/core/files/oldPrintCopies.ts';
import { createFileDialogs } from '../../electron/shell/fileDialogs.ts';
import { createFilePrinting } from '../../electron/shell/filePrinting.ts';
import { fileMessages } from '../../shared/messages/fileMessages.ts';
import { tempDir } from '../helpers/tempDir.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

const { showSaveDialog } = fakeElectron.dialog;
const minutes = (n: number) => n * 60 * 1000;

describe('desktop: files leave tmp/ once saved or printed', () => {
  let dataDir: string;
  let files: FileStore;
  const held = () => fs.readdirSync(files.dir).sort();

  beforeEach(() => {
    resetFakeElectron();
    dataDir = tempDir();
    files = new FileStore(path.join(dataDir, 'tmp', 'files'));
    return () => files.clear();
  });

  it('a copy of the whole data is removed as soon as the save dialog has saved it', async () => {
    const dialogs = createFileDialogs({ files }, silentLogger);
    const ref = await files.addBytes(Buffer.from('SQLite format 3\0'), 'バックアップ_2026-12-03.sqlite3', 'application/vnd.sqlite3', 'handOutOnce');
    const target = path.join(dataDir, 'USBメモリ.sqlite3');
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });

    expect(await dialogs.saveFile(new FakeBrowserWindow({}) as never, { fileId: ref.fileId })).toEqual({ ok: true, result: { saved: true } });
    expect(fs.readFileSync(target, 'latin1')).toBe('SQLite format 3\0');
    expect(held()).toEqual([]);
    expect(await dialogs.saveFile(undefined, { fileId: ref.fileId })).toEqual({ ok: false, error: { code: 'FILE_NOT_FOUND', message: fileMessages.handedOut } });
  });

  it('a copy of the whole data is removed too when the clerk cancels the save (the window asks for a new one)', async () => {
    const dialogs = createFileDialogs({ files }, silentLogger);
    const ref = await files.addBytes(Buffer.from('encrypted'), 'バックアップ_2026-12-03.ccbak', 'application/octet-stream', 'handOutOnce');
    showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await dialogs.saveFile(undefined, { fileId: ref.fileId })).toEqual({ ok: true, result: { saved: false } });
    expect(held()).toEqual([]);
  });

  it('a copy of the whole data is removed also when it could not be written where the clerk chose', async () => {
    const dialogs = createFileDialogs({ files }, silentLogger);
    const ref = await files.addBytes(Buffer.from('SQLite format 3\0'), 'バックアップ_2026-12-03.sqlite3', 'application/vnd.sqlite3', 'handOutOnce');
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dataDir, 'no-such-folder', 'a.sqlite3') });
    expect(await dialogs.saveFile(undefined, { fileId: ref.fileId })).toMatchObject({ ok: false, error: { code: 'FILE_WRITE_FAILED' } });
    expect(held()).toEqual([]);
  });

  it('a made CSV stays after saving, so the clerk can save it again elsewhere', async () => {
    const dialogs = createFileDialogs({ files }, silentLogger);
    const ref = await files.addBytes(Buffer.from('名称\n'), '医療機関一覧.csv', 'text/csv', 'whileUsed');
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dataDir, 'a.csv') });
    await dialogs.saveFile(undefined, { fileId: ref.fileId });
    expect(await dialogs.saveFile(undefined, { fileId: ref.fileId })).toEqual({ ok: true, result: { saved: true } });
    expect(held()).toEqual([ref.fileId]);
  });

  it('print copies older than an hour are removed at start and at each print; younger ones stay for the viewer', async () => {
    const printDir = path.join(dataDir, 'tmp', 'print');
    const startedAt = Date.now();
    const copy = (folder: string, ageMs: number) => {
      const file = path.join(printDir, folder, '見積書.pdf');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '%PDF-1.7');
      const at = new Date(startedAt - ageMs);
      fs.utimesSync(file, at, at);
      fs.utimesSync(path.dirname(file), at, at);
    };
    copy('yesterday', minutes(24 * 60));
    copy('just-printed', minutes(10));
    let clock = new Date(startedAt);
    const print = createFilePrinting({ dataDir, files }, silentLogger, () => clock);
    expect(fs.readdirSync(printDir).sort()).toEqual(['just-printed']);

    const pdf = await files.addBytes(Buffer.from('%PDF-1.7 test'), 'FAX問い合わせ票.pdf', 'application/pdf', 'whileUsed');
    // 55 minutes on, the copy printed 10 minutes before start is past the hour; the new one is not.
    clock = new Date(startedAt + printCopyMaxAgeMs - minutes(5));
    expect(await print({ fileId: pdf.fileId })).toEqual({ ok: true, result: { opened: true } });
    expect(fs.readdirSync(printDir)).toEqual([pdf.fileId]);
    expect(fs.readFileSync(fakeElectron.shell.openPath.mock.calls[0]![0], 'latin1')).toBe('%PDF-1.7 test');
  });
});
