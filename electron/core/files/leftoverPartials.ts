import fs from 'node:fs';
import path from 'node:path';

/** Folders where the app writes a file aside as `*.partial` before putting it in place. */
const foldersWithPartials = ['backups', 'content', path.join('content', 'rates'), 'secrets'];

/**
 * Removes `*.partial` files a crash or a power cut left half-written (a backup being taken or
 * checked, a content file being installed, the hub password being saved). Runs only while this
 * process holds the folder's lock, so no other process can be writing one. Returns how many it
 * removed, for the log.
 */
export function removeLeftoverPartials(dataDir: string): number {
  let removed = 0;
  for (const folder of foldersWithPartials) {
    const dir = path.join(dataDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.partial')) continue;
      fs.rmSync(path.join(dir, entry.name), { force: true });
      removed++;
    }
  }
  return removed;
}
