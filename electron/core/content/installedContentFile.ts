import path from 'node:path';

export type InstalledKind = 'pack' | 'rates';

// The names install writes: a UTC time stamp to the millisecond, the last 8 hex digits of the
// change's id and the kind. Releases before ids were added wrote the stamp to the second only.
const installedNamePattern = /^\d{8}T\d{6}(?:\d{3}Z-[0-9a-f]{8}|Z)-(pack|rates)\.json$/;

/** The file name install gives a new table or pack: sortable by time, unique by id. */
export function installedContentFileName(now: Date, id: string, kind: InstalledKind): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${id.slice(-8)}-${kind}.json`;
}

/** Whether a stored name is one install writes (either form), for checking rows of a backup. */
export function isInstalledContentFileName(name: string): boolean {
  return installedNamePattern.test(name);
}

/**
 * The path of an installed file named by a stored row, or undefined when the name is not one
 * install writes for that kind or would lead out of its folder: a row from a crafted backup must
 * never make 取り消す move the database or the backups folder.
 */
export function installedContentPath(dir: string, name: string, kind: InstalledKind): string | undefined {
  const match = installedNamePattern.exec(name);
  if (!match || match[1] !== kind) return undefined;
  const root = path.resolve(dir);
  const file = path.resolve(root, name);
  return path.dirname(file) === root ? file : undefined;
}
