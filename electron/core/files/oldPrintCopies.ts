import fs from 'node:fs';
import path from 'node:path';

/**
 * How long a copy opened for printing stays. The system's PDF viewer opens it after we hand it
 * over and keeps it open (on Windows, locked) while the clerk prints, so it cannot go at once; an
 * hour is long past any print dialog.
 */
export const printCopyMaxAgeMs = 60 * 60 * 1000;

/** The newest change inside one copy's folder: a copy printed again is young again. */
function lastTouched(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => lastTouched(path.join(entry, name))));
}

/**
 * Removes the copies in `tmp/print/` last touched more than printCopyMaxAgeMs before `now`, at
 * start and at each print. A copy the viewer still holds open is left for the next time.
 */
export function removeOldPrintCopies(printDir: string, now: Date = new Date(), maxAgeMs: number = printCopyMaxAgeMs): number {
  if (!fs.existsSync(printDir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(printDir)) {
    const entry = path.join(printDir, name);
    try {
      if (now.getTime() - lastTouched(entry) <= maxAgeMs) continue;
      fs.rmSync(entry, { recursive: true, force: true });
      removed++;
    } catch {
      // EBUSY/EPERM: the viewer still has it open (Windows); it is tried again at the next print.
    }
  }
  return removed;
}
