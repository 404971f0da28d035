/** Size limits every transport enforces before a handler runs. */
export const limits = {
  /** A JSON call (channel argument). Records are small; a megabyte is far above any real form. */
  maxCallBytes: 1 * 1024 * 1024,
  /** A file brought in (CSV list, content pack, backup). Excel exports of a prefecture fit easily. */
  maxUploadBytes: 32 * 1024 * 1024,
  /** A file the window reads back to show it (a PDF preview). */
  maxReadBytes: 64 * 1024 * 1024,
  /** Event streams the preview host keeps open at once: one per tab; a counter needs a few. */
  maxEventStreams: 8,
  /** Search text typed in the 検索 box. */
  maxQueryChars: 100,
  /** Rows one search call may return. */
  maxSearchLimit: 200,
  /** How far down a list may be scrolled (each page is read from the top of its order). */
  maxSearchOffset: 1_000_000,
  /** Columns of a list to import: a roster has about a dozen; a file far wider is not one. */
  maxImportColumns: 200,
  /** Clinics in one mailing batch: the prefecture has about 1,700 institutions. */
  maxBatchClinics: 2000,
} as const;
