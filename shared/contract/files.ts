import { z } from 'zod';

/**
 * A file held by the main process for the renderer: either one the user brought in (upload or
 * open dialog) or one a job produced (export, PDF). Handlers only ever see the id; bytes move
 * through the transport's own file path (HTTP upload/download, or the desktop dialogs).
 */
export const fileRefSchema = z.object({
  fileId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  mime: z.string().min(1).max(100),
});
export type FileRef = z.infer<typeof fileRefSchema>;

/** What kind of file the user is asked for; decides the dialog filter and accepted types. */
export const filePurposes = {
  /** A roster: an Excel book or a CSV saved from one (the import tells them apart by content). */
  clinicsCsv: { label: 'Excelのブック・CSVファイル', extensions: ['xlsx', 'csv', 'txt'], mime: 'application/octet-stream' },
  /** An official rate table (CSV from Excel, or JSON) or a new content pack (JSON). */
  contentFile: { label: 'CSV・JSONファイル', extensions: ['csv', 'json'], mime: 'application/octet-stream' },
  /** A PDF the insurer supplies with a content pack (its flyer, its important-matters document). */
  contentPdf: { label: 'PDFファイル', extensions: ['pdf'], mime: 'application/pdf' },
  /** A backup saved elsewhere earlier: the database file, or its encrypted copy. */
  backupFile: { label: 'バックアップファイル', extensions: ['ccbak', 'sqlite3'], mime: 'application/octet-stream' },
  /** The office's own CA certificate (PEM), for a hub whose certificate it signed. */
  caCertificate: { label: 'CA証明書ファイル', extensions: ['pem', 'crt', 'cer'], mime: 'application/octet-stream' },
} as const;
export type FilePurpose = keyof typeof filePurposes;

/** The MIME type of an Excel book (.xlsx) the app writes. */
export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
