import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lockFileName } from '../../electron/core/paths.ts';
import { tempDir } from '../helpers/tempDir.ts';

const run = promisify(execFile);
const contender = path.resolve(import.meta.dirname, '../helpers/lockContender.ts');

describe('taking over a stale lock', () => {
  it('three processes started at once against a stale lock: exactly one opens the folder, 100 times out of 100', async () => {
    const deadPid = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
    const outcomes: string[][] = [];
    for (let round = 0; round < 100; round++) {
      const dataDir = tempDir();
      fs.writeFileSync(path.join(dataDir, lockFileName), JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }));
      // The processes take a while to start; they all wait for one moment and then race.
      const startAt = Date.now() + 400;
      const results = await Promise.all([0, 1, 2].map(() => run(process.execPath, [contender, dataDir, String(startAt), '3'])));
      outcomes.push(results.map((r) => r.stdout).sort());
    }
    const rounds = outcomes.map((o) => o.join(','));
    expect(rounds.filter((r) => r !== 'held,refused,refused')).toEqual([]);
  }, 600_000);
});
