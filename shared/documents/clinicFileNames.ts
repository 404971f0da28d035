import { safeFileName } from '../text/safeFileName.ts';

/** Names Windows keeps for devices: a file called CON.pdf cannot be made there. */
const reservedOnWindows = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** One clinic's file name stem: its name as written (Japanese kept), minus what Windows forbids. */
function stemOf(name: string): string {
  // Windows drops trailing dots and spaces, so 「山田医院.」 and 「山田医院」 would be one file; a
  // leading dot hides the file on macOS and is refused inside our own zips.
  const safe = safeFileName(name.replace(/[\\/]/g, '_'), 60).replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  return reservedOnWindows.test(safe) ? `${safe}_` : safe || '医療機関';
}

/**
 * 「霧島中央クリニック.pdf」 for each clinic, in order; two clinics of one name get
 * 「霧島中央クリニック（2）.pdf」 and so on. Names are compared as Windows and macOS do (case
 * and width folded), so no two files of a folder land on one name.
 */
export function clinicFileNames(names: readonly string[], extension = 'pdf'): string[] {
  const taken = new Set<string>();
  const key = (name: string) => name.normalize('NFKC').toLowerCase();
  return names.map((name) => {
    const stem = stemOf(name);
    let candidate = `${stem}.${extension}`;
    for (let n = 2; taken.has(key(candidate)); n++) candidate = `${stem}（${n}）.${extension}`;
    taken.add(key(candidate));
    return candidate;
  });
}
