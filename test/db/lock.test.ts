import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lockFileName } from '../../electron/core/paths.ts';
import { openTestCore } from '../helpers/openTestCore.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('data folder lock', () => {
  it('refuses a second opening of the same data folder with a Japanese message', async () => {
    const dataDir = tempDir();
    await openTestCore(dataDir);
    await expect(openTestCore(dataDir)).rejects.toMatchObject({ code: 'DB_LOCKED', message: expect.stringContaining('使用中') });
  });

  it('frees the folder when the app closes', async () => {
    const dataDir = tempDir();
    const first = await openTestCore(dataDir);
    await first.close();
    const second = await openTestCore(dataDir);
    expect(second.dataDir).toBe(dataDir);
  });

  it('takes over a lock left by a process that crashed', async () => {
    const dataDir = tempDir();
    const finished = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(finished.stdout.toString());
    fs.writeFileSync(path.join(dataDir, lockFileName), JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    const core = await openTestCore(dataDir);
    expect(core.dataDir).toBe(dataDir);
  });

  it('refuses a second process: the preview started on a folder the app has open says so', async () => {
    const dataDir = tempDir();
    await openTestCore(dataDir);
    const preview = path.resolve('electron/cli/preview.ts');
    const result = spawnSync(process.execPath, [preview, '--no-build', '--data-dir', dataDir, '--port', '0'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('別のウィンドウで使用中');
  });
});
