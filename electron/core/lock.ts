import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from './errors.ts';
import { lockFileName } from './paths.ts';

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') return parsed as LockContent;
  } catch {
    // An unreadable or half-written lock file is treated as stale.
  }
  return undefined;
}

/**
 * Takes the data folder for this process: two processes (desktop app and preview, or two
 * previews) must never write one database. A lock left by a crashed process on this machine is
 * taken over; a live one refuses with DB_LOCKED.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, lockFileName);
  const content: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(content), { flag: 'wx' });
      let released = false;
      return {
        path: file,
        release() {
          if (released) return;
          released = true;
          const current = readLock(file);
          if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      const stale = !holder || (holder.host === os.hostname() && !isAlive(holder.pid));
      if (!stale) throw new AppError('DB_LOCKED');
      // Move the stale lock aside atomically: if two processes both found it stale, only one
      // rename succeeds, and the other cannot delete the lock the winner is about to write.
      const aside = `${file}.stale-${process.pid}`;
      try {
        fs.renameSync(file, aside);
        fs.rmSync(aside, { force: true });
      } catch (renameError) {
        if ((renameError as NodeJS.ErrnoException).code !== 'ENOENT') throw renameError;
      }
    }
  }
  throw new AppError('DB_LOCKED');
}
