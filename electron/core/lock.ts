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

const isStale = (holder: LockContent | undefined) => !holder || (holder.host === os.hostname() && !isAlive(holder.pid));
const sameHolder = (a: LockContent | undefined, b: LockContent | undefined) =>
  a !== undefined && b !== undefined && a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;

/**
 * Creates the lock file with its whole content at once (EEXIST when it exists): written to a
 * file of its own first, then linked into place. A lock opened with 'wx' and then written is
 * empty for a moment, and another process reading it then would take it for a stale one.
 */
function writeWhole(file: string, content: LockContent): void {
  const draft = `${file}.${process.pid}.draft`;
  fs.writeFileSync(draft, JSON.stringify(content));
  try {
    fs.linkSync(draft, file);
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** Blocks this thread briefly: the lock is taken once at start-up, before any window exists. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Removes a stale lock, if it is still the stale one this process judged. Only the holder of the
 * takeover file may remove it: without that, a process that judged the old lock stale could
 * remove the fresh lock another process had just written in its place (three processes started
 * at once opened one database twice in 15 of 100 runs). A takeover file left by a process that
 * died inside these few lines is itself stale and is cleared the same way.
 */
function clearStaleLock(file: string, judged: LockContent | undefined, mine: LockContent): void {
  const takeover = `${file}.takeover`;
  try {
    writeWhole(takeover, mine);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process is taking over right now; give it a moment, then look at the lock again.
    // It may be gone by now (the other process finished): then there is nothing to clear.
    const left = fs.statSync(takeover, { throwIfNoEntry: false });
    if (left && Date.now() - left.mtimeMs > 5_000 && isStale(readLock(takeover))) fs.rmSync(takeover, { force: true });
    pause(20);
    return;
  }
  try {
    const now = readLock(file);
    if (fs.existsSync(file) && (judged === undefined ? now === undefined : sameHolder(now, judged))) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(takeover, { force: true });
  }
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
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      writeWhole(file, content);
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
      if (!isStale(holder)) throw new AppError('DB_LOCKED');
      clearStaleLock(file, holder, content);
    }
  }
  throw new AppError('DB_LOCKED');
}
