import { safeFileName } from '../text/safeFileName.ts';
import { jobMessages } from '../messages/jobMessages.ts';
import { formLabels } from './formLabels.ts';

/**
 * The documents the print centre makes, in the order they go into an envelope or a FAX: the
 * cover sheet first, the return form last.
 */
export const documentKinds = {
  faxCoverSheet: { label: 'FAX送付状', fileLabel: 'FAX送付状', perClinic: true },
  quoteSheet: { label: '保険料試算書', fileLabel: '保険料試算書', perClinic: true },
  /** The insurer's own PDF (保険業法294条), the same for everyone: added unchanged. */
  importantMatters: { label: '重要事項説明書（契約概要・注意喚起情報）', fileLabel: '重要事項説明書', perClinic: false },
  /** The approved flyer is the same for everyone: personalisation goes on a cover sheet. */
  flyer: { label: 'チラシ', fileLabel: 'チラシ', perClinic: false },
  /** The customer's wishes for the clinic to check and sign: made from an inquiry's records. */
  intentConfirmation: { label: '意向確認書', fileLabel: '意向確認書', perClinic: true },
  inquiryFaxSheet: { label: 'FAX問い合わせ票', fileLabel: 'FAX問い合わせ票', perClinic: true },
} as const;
export type DocumentKind = keyof typeof documentKinds;
export const documentKindNames = Object.keys(documentKinds) as DocumentKind[];

/** Outputs that are no part of a document set but go on the document trail too. */
export const trailOnlyKinds = {
  /** 宛名ラベル: the sheet of address labels of a postal mailing. */
  addressLabels: { label: '宛名ラベル', fileLabel: '宛名ラベル' },
} as const;
/** Anything the trail records as having left the counter. */
export type OutputKind = DocumentKind | keyof typeof trailOnlyKinds;
export const outputKindNames = [...documentKindNames, ...(Object.keys(trailOnlyKinds) as (keyof typeof trailOnlyKinds)[])] as OutputKind[];

/** Outputs that sent no document (宛名ラベル alone): on the trail for the audit, but not what a clinic was sent. */
export function isTrailOnly(kinds: readonly OutputKind[]): boolean {
  return kinds.length > 0 && kinds.every((kind) => kind in trailOnlyKinds);
}
/** The trail's `documents` column as it stands for each such output (one trail-only kind alone). */
export const trailOnlyDocuments: readonly string[] = Object.keys(trailOnlyKinds).map((kind) => JSON.stringify([kind]));

const outputLabelOf = (kind: OutputKind) => (kind in documentKinds ? documentKinds[kind as DocumentKind] : trailOnlyKinds[kind as keyof typeof trailOnlyKinds]);

/** The chosen documents in envelope order, each once. */
export function inSetOrder(kinds: readonly DocumentKind[]): DocumentKind[] {
  return documentKindNames.filter((kind) => kinds.includes(kind));
}

/** 「FAX送付状・チラシ」: what a set holds, as staff read it in lists and file names. */
export function documentSetLabel(kinds: readonly OutputKind[]): string {
  return outputKindNames
    .filter((kind) => kinds.includes(kind))
    .map((kind) => outputLabelOf(kind).label)
    .join('・');
}

/**
 * e.g. FAX問い合わせ票_霧島中央クリニック_2026-11-24.pdf, or 書類一式_120件_2026-11-24.pdf for a
 * mailing, チラシ（見本）_2026-11-24.pdf for a specimen; always safe as a Windows file name.
 */
export function documentFileName(kinds: readonly OutputKind[], subject: string | undefined, date: string, options: { specimen?: boolean } = {}): string {
  const label = documentTitle(kinds, options);
  const subjectPart = subject ? `_${safeFileName(subject.replace(/[\\/]/g, '_'), 40)}` : '';
  return `${label}${subjectPart}_${date}.pdf`;
}

/** 「書類一式」, 「FAX問い合わせ票」 or 「チラシ（見本）」: a PDF's title, which its file name starts with. */
export function documentTitle(kinds: readonly OutputKind[], options: { specimen?: boolean } = {}): string {
  const ordered = outputKindNames.filter((kind) => kinds.includes(kind));
  const kindLabel = ordered.length === 1 ? outputLabelOf(ordered[0]!).fileLabel : jobMessages.documentSetTitle;
  // A specimen flyer says so in its name too, so a saved copy is never mistaken for the flyer.
  return options.specimen && ordered.includes('flyer') ? `${kindLabel}（${formLabels.specimen}）` : kindLabel;
}
