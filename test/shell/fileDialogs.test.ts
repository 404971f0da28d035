import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow, resetFakeElectron } from './fakeElectron.ts';
import { createFakeCore, type FakeCore } from './fakeCore.ts';
import { limits } from '../../shared/contract/limits.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { createFileDialogs, type FileDialogs } from '../../electron/shell/fileDialogs.ts';
import { errorMessages } from '../../shared/messages/errors.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

const { showOpenDialog, showSaveDialog } = fakeElectron.dialog;

describe('file dialogs', () => {
  let dir: string;
  let core: FakeCore;
  let dialogs: FileDialogs;
  let window: FakeBrowserWindow;

  beforeEach(() => {
    resetFakeElectron();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-file-dialogs-'));
    core = createFakeCore();
    dialogs = createFileDialogs(core, silentLogger);
    window = new FakeBrowserWindow({});
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function storedFile(name: string, content: string) {
    const file = path.join(dir, `stored-${name}`);
    fs.writeFileSync(file, content);
    const ref = { fileId: 'abcdefgh1234', name, size: content.length, mime: 'text/csv' };
    core.stored.set(ref.fileId, { ref, path: file });
    return ref;
  }

  describe('opening', () => {
    it('asks for an Excel book or a CSV file with a Japanese filter and hands it to the core', async () => {
      const chosen = path.join(dir, '医療機関一覧.csv');
      fs.writeFileSync(chosen, '名称\n');
      showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });
      const answer = await dialogs.openFile(window as never, { purpose: 'clinicsCsv' });
      expect(showOpenDialog.mock.calls[0]?.[1]).toMatchObject({
        properties: ['openFile'],
        filters: [{ name: 'Excelのブック・CSVファイル', extensions: ['xlsx', 'csv', 'txt'] }],
      });
      expect(core.files.addFromPath).toHaveBeenCalledWith(chosen, 'application/octet-stream');
      expect(answer).toMatchObject({ ok: true, result: { name: '医療機関一覧.csv', mime: 'application/octet-stream' } });
    });

    it('answers null when the clerk cancels', async () => {
      showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
      expect(await dialogs.openFile(window as never, { purpose: 'clinicsCsv' })).toEqual({ ok: true, result: null });
      expect(core.files.addFromPath).not.toHaveBeenCalled();
    });

    it('refuses a file above the upload limit without copying it', async () => {
      const huge = path.join(dir, 'huge.csv');
      fs.writeFileSync(huge, '');
      fs.truncateSync(huge, limits.maxUploadBytes + 1);
      showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [huge] });
      expect(await dialogs.openFile(window as never, { purpose: 'clinicsCsv' })).toMatchObject({
        ok: false,
        error: { code: 'PAYLOAD_TOO_LARGE' },
      });
      expect(core.files.addFromPath).not.toHaveBeenCalled();
    });

    it('refuses an unknown purpose before showing a dialog', async () => {
      expect(await dialogs.openFile(window as never, { purpose: 'anything' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(showOpenDialog).not.toHaveBeenCalled();
    });
  });

  describe('saving', () => {
    it('copies the file where the clerk chose, proposing its name', async () => {
      const ref = storedFile('医療機関一覧_20250101.csv', '名称\nかごしま医院\n');
      const target = path.join(dir, 'out.csv');
      showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      expect(await dialogs.saveFile(window as never, { fileId: ref.fileId })).toEqual({ ok: true, result: { saved: true } });
      expect(showSaveDialog.mock.calls[0]?.[1]).toMatchObject({
        defaultPath: '医療機関一覧_20250101.csv',
        filters: [{ name: 'CSVファイル', extensions: ['csv'] }],
      });
      expect(fs.readFileSync(target, 'utf8')).toBe('名称\nかごしま医院\n');
    });

    it('proposes the folder used last time', async () => {
      const ref = storedFile('a.csv', 'x');
      fs.mkdirSync(path.join(dir, 'exports'));
      showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'exports', 'a.csv') });
      await dialogs.saveFile(window as never, { fileId: ref.fileId });
      showSaveDialog.mockResolvedValueOnce({ canceled: true });
      await dialogs.saveFile(window as never, { fileId: ref.fileId });
      expect(showSaveDialog.mock.calls[1]?.[1]).toMatchObject({ defaultPath: path.join(dir, 'exports', 'a.csv') });
    });

    it('reports saved: false when the clerk cancels', async () => {
      const ref = storedFile('a.csv', 'x');
      showSaveDialog.mockResolvedValueOnce({ canceled: true });
      expect(await dialogs.saveFile(window as never, { fileId: ref.fileId })).toEqual({ ok: true, result: { saved: false } });
    });

    it('answers FILE_NOT_FOUND for a file the core does not hold', async () => {
      expect(await dialogs.saveFile(window as never, { fileId: 'unknown123' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
      expect(showSaveDialog).not.toHaveBeenCalled();
    });

    it('explains in Japanese when the file cannot be written', async () => {
      const ref = storedFile('a.csv', 'x');
      showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'no-such-folder', 'a.csv') });
      expect(await dialogs.saveFile(window as never, { fileId: ref.fileId })).toEqual({
        ok: false,
        error: { code: 'FILE_WRITE_FAILED', message: errorMessages.FILE_WRITE_FAILED },
      });
    });
  });
});
