import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { tempDir } from '../helpers/tempDir.ts';

const writer = path.resolve('test/helpers/crashWriter.ts');
/** More clinics than the writer can register before its kill point is reached. */
const writerRows = 1_000_000;

/**
 * Runs the writer, which would go on writing far longer than any run here, kills it with SIGKILL
 * once it has acknowledged `afterRows` clinics, and returns the names it acknowledged: every run
 * ends in the middle of writing, however fast or loaded the machine.
 */
function writeUntilKilled(dbPath: string, run: number, afterRows: number): Promise<{ acknowledged: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dbPath, String(run), String(writerRows)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (out.split('\n').length > afterRows) child.kill('SIGKILL');
    });
    child.on('error', reject);
    // 'close', not 'exit': every line the writer put in the pipe before its kill is read first.
    child.on('close', (_code, signal) => resolve({ acknowledged: out.split('\n').slice(0, -1), killed: signal === 'SIGKILL' }));
  });
}

describe('a crash never loses a committed clinic', () => {
  it('survives 20 SIGKILLs in the middle of writing: the file opens, passes integrity_check and holds every acknowledged row', async () => {
    const dbPath = path.join(tempDir(), 'crash.sqlite3');
    // A fixed sequence of kill points (a seeded spread, so a failure can be reproduced).
    let seed = 20261130;
    const nextKillPoint = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 1 + (seed % 200);
    };
    for (let run = 0; run < 20; run++) {
      const { acknowledged, killed } = await writeUntilKilled(dbPath, run, nextKillPoint());
      expect(killed).toBe(true);
      const db = openDatabase(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const names = new Set((db.prepare('SELECT name FROM clinics WHERE name LIKE ?').all(`試験医院${run}-%`) as { name: string }[]).map((r) => r.name));
      db.close();
      const missing = acknowledged.filter((name) => !names.has(name));
      expect(missing).toEqual([]);
      // At most the one transaction in flight at the kill may have landed without its acknowledgement.
      expect(names.size - acknowledged.length).toBeLessThanOrEqual(1);
    }
  });
});
