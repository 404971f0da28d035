import { safeFileName } from '../text/safeFileName.ts';

/** The documents the print centre makes, with the name staff see and the file name part. */
export const documentKinds = {
  inquiryFaxSheet: { label: 'FAX問い合わせ票', fileLabel: 'FAX問い合わせ票', perClinic: true },
  /** The approved flyer is the same for everyone: personalisation goes on a cover sheet. */
  flyer: { label: 'チラシ', fileLabel: 'チラシ', perClinic: false },
} as const;
export type DocumentKind = keyof typeof documentKinds;
export const documentKindNames = Object.keys(documentKinds) as DocumentKind[];

/** e.g. FAX問い合わせ票_霧島中央クリニック_2026-11-24.pdf, safe as a Windows file name. */
export function documentFileName(kind: DocumentKind, subject: string | undefined, date: string): string {
  const subjectPart = subject ? `_${safeFileName(subject.replace(/[\\/]/g, '_'), 40)}` : '';
  return `${documentKinds[kind].fileLabel}${subjectPart}_${date}.pdf`;
}
