import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/openTestCore.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('half-written files from a crash', () => {
  it('are removed when the app opens the folder; finished backups and content stay', async () => {
    const dataDir = tempDir();
    const first = await openTestCore(dataDir);
    await first.dispatch('backups.create', {});
    await first.close();
    const backups = path.join(dataDir, 'backups');
    const finished = fs.readdirSync(backups).filter((f) => f.endsWith('.sqlite3'));
    fs.writeFileSync(path.join(backups, `${finished[0]}.partial`), 'half a backup');
    fs.writeFileSync(path.join(backups, 'restore-1764750000000-0a1b2c3d.partial'), 'half a check');
    fs.mkdirSync(path.join(dataDir, 'content', 'rates'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'content', 'rates', '20261203T101010123Z-0a1b2c3d-rates.json.partial'), '{');

    const core = await openTestCore(dataDir);
    expect(fs.readdirSync(backups).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'content', 'rates'))).toEqual([]);
    expect(fs.readdirSync(backups)).toEqual(expect.arrayContaining(finished));
    await core.close();
  });
});
