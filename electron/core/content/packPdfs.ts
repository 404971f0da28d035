import fs from 'node:fs';
import { contentPackSchema, type ContentPack } from '../../../shared/content/contentPackSchema.ts';
import type { PackPdf } from '../../../shared/content/contentImport.ts';
import { contentMessages } from '../../../shared/messages/contentMessages.ts';
import { importantMattersMessages } from '../../../shared/messages/importantMattersMessages.ts';
import { limits } from '../../../shared/contract/limits.ts';
import { readInstalledPdf, sha256Hex } from './installedPdfs.ts';

/** The PDFs a pack names, in the words 設定 uses for them. */
export function pdfsNamedBy(pack: ContentPack): { role: PackPdf['role']; label: string; file: string; sha256: string }[] {
  return [
    ...(pack.insurerFlyerPdf ? [{ role: 'insurerFlyer' as const, label: contentMessages.fieldLabels.insurerFlyerPdf, ...pack.insurerFlyerPdf }] : []),
    ...(pack.importantMatters ? [{ role: 'importantMatters' as const, label: importantMattersMessages.documentLabel, file: pack.importantMatters.file, sha256: pack.importantMatters.sha256 }] : []),
  ];
}

export interface CheckedPackPdfs {
  /** One line per PDF the pack names: which chosen file it is, or why it cannot be used. */
  pdfs: PackPdf[];
  /** The bytes to keep, by SHA-256, only when every PDF passed. */
  accepted?: Map<string, Buffer>;
}

/**
 * The PDFs chosen with a pack, each checked against the SHA-256 the pack states: found by its
 * bytes whatever its name, else named as changed when a file of its name was chosen, else as
 * missing. A PDF already kept from an earlier install needs no choosing again. Chosen files the
 * pack does not name are refused too, so staff never believe a file went in that did not.
 */
export function checkPackPdfs(pack: ContentPack, chosen: readonly { path: string; name: string }[], installedDir: string): CheckedPackPdfs {
  const read = chosen.map((file) => {
    const bytes = fs.statSync(file.path).size <= limits.maxUploadBytes ? fs.readFileSync(file.path) : Buffer.alloc(0);
    return { name: file.name, bytes, sha256: sha256Hex(bytes), isPdf: bytes.subarray(0, 5).toString('latin1') === '%PDF-' };
  });
  const named = pdfsNamedBy(pack);
  const used = new Set<string>();
  const accepted = new Map<string, Buffer>();
  const pdfs: PackPdf[] = named.map(({ role, label, file, sha256 }) => {
    const match = read.find((r) => r.sha256 === sha256 && r.isPdf);
    if (match) {
      used.add(match.name);
      accepted.set(sha256, match.bytes);
      return { role, label, file, chosen: match.name, problem: null };
    }
    const kept = readInstalledPdf(installedDir, sha256);
    if (kept) return { role, label, file, chosen: null, problem: null };
    const sameName = read.find((r) => r.name === file);
    if (sameName) {
      used.add(sameName.name);
      return { role, label, file, chosen: sameName.name, problem: sameName.isPdf ? contentMessages.packPdfChanged(label, file) : contentMessages.packPdfNotPdf(label, file) };
    }
    return { role, label, file, chosen: null, problem: contentMessages.packPdfNotChosen(label, file) };
  });
  const strays = read.filter((r) => !used.has(r.name)).map((r): PackPdf => ({ role: 'unnamed', label: r.name, file: r.name, chosen: r.name, problem: contentMessages.packPdfNotNamed(r.name) }));
  const all = [...pdfs, ...strays];
  return all.every((p) => p.problem === null) ? { pdfs: all, accepted } : { pdfs: all };
}

/** The PDFs kept here for an installed pack's file text, by SHA-256: what sharing sends with it. */
export function keptPdfsOfPackText(text: string, installedDir: string): { sha256: string; bytes: Buffer }[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = contentPackSchema.safeParse(raw);
  if (!parsed.success) return [];
  return pdfsNamedBy(parsed.data).flatMap(({ sha256 }) => {
    const bytes = readInstalledPdf(installedDir, sha256);
    return bytes ? [{ sha256, bytes }] : [];
  });
}
