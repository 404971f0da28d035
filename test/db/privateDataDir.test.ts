import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/openTestCore.ts';
import { tempDir } from '../helpers/tempDir.ts';

/** Every folder and file under `dir` with its permission bits, as `relative path: mode`. */
function modes(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((entry) => {
    const mode = fs.statSync(path.join(dir, entry)).mode & 0o777;
    return `${entry}: ${mode.toString(8)}`;
  });
}

describe.skipIf(process.platform === 'win32')('the data folder is this user’s alone', () => {
  it('after opening, the folder and everything in it can be read by this user only, also files left readable before', async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'backups', 'older-copy.txt'), 'x', { mode: 0o644 });
    fs.chmodSync(dataDir, 0o755);
    const core = await openTestCore(dataDir);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    const entries = modes(dataDir);
    expect(entries).toContain('cyber-counter.sqlite3: 600');
    expect(entries).toContain('backups/older-copy.txt: 600');
    expect(entries.filter((e) => !e.endsWith(': 600') && !e.endsWith(': 700'))).toEqual([]);
    await core.close();
  });
});
