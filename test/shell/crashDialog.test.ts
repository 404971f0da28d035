import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fakeElectron.ts';
import { crashDialog } from '../../electron/shell/crashDialog.ts';
import { shellMessages } from '../../electron/shell/shellMessages.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

describe('an uncaught error in the main process', () => {
  beforeEach(resetFakeElectron);

  it('is logged with its stack and shown to the clerk in Japanese only', () => {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    crashDialog(log)(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(log.error).toHaveBeenCalledWith('uncaught error in main process', {
      error: expect.stringContaining('TypeError: Cannot read properties of undefined'),
    });
    expect(fakeElectron.dialog.showErrorBox).toHaveBeenCalledWith(shellMessages.unexpectedErrorTitle, shellMessages.unexpectedError);
    const [, text] = fakeElectron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(text).not.toContain('TypeError');
  });
});
