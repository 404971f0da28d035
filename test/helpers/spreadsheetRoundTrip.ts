import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { tempDir } from './tempDir.ts';

/** LibreOffice's command, if installed (Debian: libreoffice-calc-nogui). */
export const soffice: string | undefined = ['soffice', 'libreoffice'].find((command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0);

// A developer's machine may lack LibreOffice (the round trips are skipped there); CI installs
// it (.ci/run), so there a missing one fails the run instead of passing it unchecked.
if (!soffice && process.env.CI === 'true') throw new Error('LibreOffice (soffice) is missing: .ci/run installs libreoffice-calc-nogui');

// LibreOffice's text encoding numbers (rtl_TextEncoding): Windows' Shift_JIS (CP932) and UTF-8.
const charsets = { shift_jis: 60, utf8: 76 } as const;

/**
 * CSV filter options that read a file the way Excel on Japanese Windows opens a CSV: comma,
 * double quote, line 1 on, every column "standard" (so 000099 becomes the number 99 and a date
 * a date), Japanese locale, quoted cells not forced to text, special numbers detected, spaces
 * kept, formulas evaluated.
 */
const readFilter = (charset: number) => `Text - txt - csv (StarCalc):44,34,${charset},1,,1041,false,true,false,false,false,0,true`;
/** And save as Excel's 「CSV」 does: cells as shown, results rather than formulas, one sheet. */
const writeFilter = (charset: number) => `Text - txt - csv (StarCalc):44,34,${charset},1,,1041,false,true,true,false`;

/**
 * A CSV file opened in LibreOffice Calc and saved again as CSV, as staff do with Excel: the bytes
 * of the file it writes. Runs headless with a private profile, so tests can run side by side, and
 * without blocking: the test host in this process keeps answering meanwhile.
 */
export async function openAndSaveInSpreadsheet(bytes: Buffer, read: keyof typeof charsets, write: keyof typeof charsets): Promise<Buffer> {
  if (!soffice) throw new Error('LibreOffice is not installed');
  const dir = tempDir('spreadsheet-');
  const input = path.join(dir, 'list.csv');
  const outDir = path.join(dir, 'saved');
  fs.writeFileSync(input, bytes);
  await promisify(execFile)(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--headless',
      `--infilter=${readFilter(charsets[read])}`,
      '--convert-to',
      `csv:${writeFilter(charsets[write])}`,
      '--outdir',
      outDir,
      input,
    ],
    { timeout: 120_000 },
  );
  return fs.readFileSync(path.join(outDir, 'list.csv'));
}
