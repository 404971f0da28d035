import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The insurer's PDFs that came with installed packs (its flyer, its important-matters document)
 * are kept in the pack folder's pdfs/, each under its SHA-256: the name says what the bytes are,
 * so two packs naming the same file share it and a pack's PDF can never be another's.
 */
export const installedPdfsDir = (dir: string) => path.join(dir, 'pdfs');

export function installedPdfPath(dir: string, sha256: string): string {
  return path.join(installedPdfsDir(dir), `${sha256}.pdf`);
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The bytes of a kept PDF, only when they are still the ones its name promises. */
export function readInstalledPdf(dir: string, sha256: string): Buffer | undefined {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  const file = installedPdfPath(dir, sha256);
  if (!fs.existsSync(file)) return undefined;
  const bytes = fs.readFileSync(file);
  return sha256Hex(bytes) === sha256 ? bytes : undefined;
}

/** Keeps a PDF under its SHA-256, written aside and renamed so a half-written file is never taken for it. */
export function keepInstalledPdf(dir: string, bytes: Uint8Array): string {
  const sha256 = sha256Hex(bytes);
  const target = installedPdfPath(dir, sha256);
  if (readInstalledPdf(dir, sha256)) return sha256;
  fs.mkdirSync(installedPdfsDir(dir), { recursive: true });
  const temporary = `${target}.partial`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, target);
  return sha256;
}
