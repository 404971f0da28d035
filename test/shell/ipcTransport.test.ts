import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow, resetFakeElectron } from './fakeElectron.ts';
import { createFakeCore, type FakeCore } from './fakeCore.ts';
import { ipcChannels } from '../../shared/contract/bridge.ts';
import type { ContractEvent } from '../../shared/contract/events.ts';
import { limits } from '../../shared/contract/limits.ts';
import { errorMessages } from '../../shared/messages/errors.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { registerIpcTransport } from '../../electron/shell/ipcTransport.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: errorMessages.FORBIDDEN } };
const fromUrl = (url: string) => ({ senderFrame: { url } });
const trusted = fromUrl('app://renderer/index.html');

function handler(channel: string) {
  const found = fakeElectron.ipcMain.handlers.get(channel);
  if (!found) throw new Error(`no handler for ${channel}`);
  return found as (event: unknown, ...args: unknown[]) => Promise<unknown>;
}

describe('the IPC transport', () => {
  let core: FakeCore;
  let window: FakeBrowserWindow | undefined;
  let unregister: () => void;

  beforeEach(() => {
    resetFakeElectron();
    core = createFakeCore();
    window = new FakeBrowserWindow({});
    unregister = registerIpcTransport(core, () => window as never, silentLogger);
  });

  it('answers a call from our renderer with the core’s envelope', async () => {
    const answer = await handler(ipcChannels.call)(fromUrl('app://renderer/index.html#/clinics'), 'clinics.search', { query: 'かごしま' });
    expect(core.dispatch).toHaveBeenCalledWith('clinics.search', { query: 'かごしま' });
    expect(answer).toEqual({ ok: true, result: { channel: 'clinics.search', input: { query: 'かごしま' } } });
  });

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['a local file', 'file:///C:/Users/clerk/AppData/Local/Programs/app/resources/app.asar/dist/renderer/index.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['an about:blank frame', 'about:blank'],
  ])('refuses a call from %s without reaching the core', async (_name, url) => {
    expect(await handler(ipcChannels.call)(fromUrl(url), 'clinics.search', {})).toEqual(forbidden);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame is gone', async () => {
    expect(await handler(ipcChannels.call)({ senderFrame: null }, 'clinics.search', {})).toEqual(forbidden);
    const destroyed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await handler(ipcChannels.call)(destroyed, 'clinics.search', {})).toEqual(forbidden);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses the file dialogs to an untrusted frame', async () => {
    expect(await handler(ipcChannels.openFile)(fromUrl('https://evil.example/'), { purpose: 'clinicsCsv' })).toEqual(forbidden);
    expect(await handler(ipcChannels.saveFile)(fromUrl('https://evil.example/'), { fileId: 'abcdefgh' })).toEqual(forbidden);
    expect(await handler(ipcChannels.readFile)(fromUrl('https://evil.example/'), { fileId: 'abcdefgh' })).toEqual(forbidden);
    expect(fakeElectron.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(fakeElectron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('hands our renderer the bytes of a file the core made, and nothing it did not make', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyber-counter-read-'));
    const file = path.join(dir, 'sheet.pdf');
    fs.writeFileSync(file, '%PDF-1.7 test');
    const ref = await core.files.addFromPath(file, 'application/pdf');
    const answer = (await handler(ipcChannels.readFile)(fromUrl('app://renderer/index.html#/print'), { fileId: ref.fileId })) as { ok: boolean; result: Uint8Array };
    expect(answer.ok).toBe(true);
    expect(Buffer.from(answer.result).toString()).toBe('%PDF-1.7 test');
    expect(await handler(ipcChannels.readFile)(fromUrl('app://renderer/index.html'), { fileId: 'unknown-file' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(await handler(ipcChannels.readFile)(fromUrl('app://renderer/index.html'), { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints by opening a copy of the PDF, under its Japanese name, in the system viewer', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyber-counter-print-'));
    const file = path.join(dir, 'FAX問い合わせ票_霧島中央クリニック_2026-11-30.pdf');
    fs.writeFileSync(file, '%PDF-1.7 test');
    const ref = await core.files.addFromPath(file, 'application/pdf');
    const print = handler(ipcChannels.printFile);
    expect(await print(fromUrl('https://evil.example/'), { fileId: ref.fileId })).toEqual(forbidden);
    expect(fakeElectron.shell.openPath).not.toHaveBeenCalled();

    expect(await print(trusted, { fileId: ref.fileId })).toEqual({ ok: true, result: { opened: true } });
    const opened = fakeElectron.shell.openPath.mock.calls[0]![0];
    expect(path.basename(opened)).toBe('FAX問い合わせ票_霧島中央クリニック_2026-11-30.pdf');
    expect(fs.readFileSync(opened, 'utf8')).toBe('%PDF-1.7 test');

    // No PDF viewer on the machine: the clerk is told what to do instead.
    fakeElectron.shell.openPath.mockResolvedValueOnce('No application is associated with the specified file');
    expect(await print(trusted, { fileId: ref.fileId })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('PDFを保存') } });
    expect(await print(trusted, { fileId: 'unknown-file' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('turns a failing core into an INTERNAL envelope instead of a rejected invoke', async () => {
    core.dispatch.mockRejectedValueOnce(new Error('disk I/O error'));
    expect(await handler(ipcChannels.call)(trusted, 'clinics.search', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: errorMessages.INTERNAL },
    });
  });

  it('refuses an argument larger than a call may be', async () => {
    const answer = await handler(ipcChannels.call)(trusted, 'clinics.update', { note: 'あ'.repeat(limits.maxCallBytes / 3 + 1) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('answers a call without a channel name with UNKNOWN_CHANNEL', async () => {
    expect(await handler(ipcChannels.call)(trusted, 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('passes core events on to the window', () => {
    const event: ContractEvent = {
      type: 'job',
      job: {
        jobId: 'job-1',
        kind: 'clinics.exportCsv',
        state: 'running',
        progress: { done: 1, total: 2, label: '1 / 2 件' },
        startedAt: '2025-01-01T00:00:00.000Z',
        finishedAt: null,
      },
    };
    core.emit(event);
    expect(window?.webContents.send).toHaveBeenCalledWith(ipcChannels.event, event);
  });

  it('drops events once the window is gone', () => {
    const closed = window;
    window = undefined;
    core.emit({ type: 'job', job: {} as never });
    expect(closed?.webContents.send).not.toHaveBeenCalled();
  });

  it('unregisters its handlers and stops forwarding', () => {
    unregister();
    expect(fakeElectron.ipcMain.handlers.size).toBe(0);
    core.emit({ type: 'job', job: {} as never });
    expect(window?.webContents.send).not.toHaveBeenCalled();
  });
});
