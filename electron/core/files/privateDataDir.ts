import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds the contact details of institutions and staff: on macOS and Linux it is
 * made readable by this user only (folders 0700, files 0600), whatever the umask was when a file
 * was made. Windows keeps its per-user profile ACLs, which already do this for %LOCALAPPDATA%.
 */
export function keepDataDirPrivate(dataDir: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  const visit = (dir: string) => {
    fs.chmodSync(dir, 0o700);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) fs.chmodSync(full, 0o600);
    }
  };
  visit(dataDir);
}
