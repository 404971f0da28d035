import fs from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeBrowserWindow, resetFakeElectron } from './fakeElectron.ts';
import { AppError } from '../../electron/core/errors.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { startApp } from '../../electron/shell/startApp.ts';
import { shellMessages } from '../../electron/shell/shellMessages.ts';
import type { ErrorCode } from '../../shared/messages/errors.ts';
import { openCoreAsOtherUser, otherUserCanRunCheckout, readOnlyFolder } from '../helpers/otherUser.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

const { app, dialog } = fakeElectron;

/** Waits until start-up has got somewhere; the test's timeout bounds the wait, not a fixed delay. */
const until = async (reached: () => boolean) => {
  while (!reached()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe.skipIf(!otherUserCanRunCheckout)('desktop start-up on a data folder this user cannot write', () => {
  beforeEach(() => resetFakeElectron());

  it('shows a Japanese dialog naming the folder and what to do, opens no window, and quits', async () => {
    const { dir, makeReadOnly } = readOnlyFolder();
    makeReadOnly();
    startApp({
      // The real opening, in a process of the user who may not write the folder.
      openCore: async ({ dataDir }) => {
        const answer = await openCoreAsOtherUser(dataDir);
        throw answer.ok ? new Error('the folder was expected to be refused') : new AppError(answer.code as ErrorCode, answer.message);
      },
      dataDir: dir,
      preloadPath: '/app/preload.cjs',
      rendererDir: '/app/renderer',
      log: silentLogger,
    });
    await until(() => app.quit.mock.calls.length > 0);

    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe(shellMessages.readOnlyTitle);
    expect(message).toContain(`保存場所：${dir}`);
    expect(message).toContain('書き込みを許可してもらってから、もう一度起動してください');
    expect(message).not.toMatch(/EACCES|Error|\n\s+at /);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
