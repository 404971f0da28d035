import { z } from 'zod';
import { appErrorSchema } from './envelope.ts';
import { fileRefSchema } from './files.ts';
import { documentKindNames, type DocumentKind } from '../documents/documentKinds.ts';
import { limits } from './limits.ts';
import { csvDelimiters, csvEncodings, exportEncodings } from '../csv/csvFormat.ts';
import { clinicImportFields, clinicMatchActions } from '../domain/clinicCsvImport.ts';
import { syncCheckResultSchema, syncRepairResultSchema } from '../domain/syncCheck.ts';

const recordIdSchema = z.string().min(1).max(64);

export const defaultCoverSubject = '医療機関用サイバー保険のご案内';

/** What staff type for a FAX送付状; the recipient and sender come from the records. */
export const coverInputSchema = z.object({
  /** ご担当者名 on the 宛先 line (様); empty: the clinic's contact person, if any. */
  person: z.string().trim().max(40, { message: 'ご担当者名は40文字以内で入力してください' }).default(''),
  subject: z
    .string()
    .trim()
    .min(1, { message: '件名を入力してください' })
    .max(60, { message: '件名は60文字以内で入力してください' })
    .default(defaultCoverSubject),
  message: z.string().max(600, { message: '通信欄は600文字以内で入力してください' }).default(''),
  /** Pages sent separately after this PDF (a pamphlet faxed from paper), counted in 枚数. */
  extraPages: z.number({ message: '枚数は数字で入力してください' }).int().min(0).max(99, { message: '追加の枚数は99枚までです' }).default(0),
});
export type CoverInput = z.infer<typeof coverInputSchema>;

const importProblemSchema = z.object({
  /** Row number as Excel shows it: the header is row 1. */
  row: z.number().int().positive(),
  /** The row's 医療機関名 as the file has it ('' when the row has none), so staff find the row. */
  clinic: z.string(),
  field: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** Problems a preview or an import lists in full; the rest are counted (and in the errors CSV). */
export const maxListedProblems = 500;

const columnMappingSchema = z
  .array(z.enum([...clinicImportFields, ''], { message: '取り込む項目の選び方が正しくありません' }))
  .max(limits.maxImportColumns, { message: `列が多すぎます（${limits.maxImportColumns}列まで）` })
  .refine((mapping) => {
    const used = mapping.filter((field) => field !== '');
    return new Set(used).size === used.length;
  }, { message: '同じ項目が2つ以上の列に選ばれています。1つの項目には1つの列だけを選んでください' });

/** Where the list is in the file: an .xlsx book's sheet, and the header's row when detection is wrong. */
const sourceChoiceShape = {
  sheet: z.string().min(1).max(31, { message: 'シート名は31文字以内です' }).optional(),
  headerRow: z.number({ message: '見出しの行は数字で選んでください' }).int().min(1).max(1_048_576).optional(),
};

const matchActionSchema = z.enum(clinicMatchActions, { message: '登録済みの医療機関と一致した行の扱いを選んでください' });

const importOutcomeShape = {
  willImport: z.number().int().nonnegative(),
  willUpdate: z.number().int().nonnegative(),
  willSkip: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Rows left out because of a problem; each problem row is listed up to maxListedProblems. */
  rejected: z.number().int().nonnegative(),
  problems: z.array(importProblemSchema),
  problemCount: z.number().int().nonnegative(),
};

/** 種別 is never guessed: rows it is stored 未確認 for, and the questions staff answer later. */
const kindOutcomeShape = {
  /** Rows added or updated whose 種別 will be 未確認. */
  unconfirmedKinds: z.number().int().nonnegative(),
  /** Why, per row (row, 種別, the question with the clinic's name), up to maxListedProblems. */
  kindQuestions: z.array(importProblemSchema),
  kindQuestionCount: z.number().int().nonnegative(),
  /** Rows whose name suggests a 種別 (病院), which staff may accept for all of them at once. */
  suggestedKinds: z.number().int().nonnegative(),
};

/** Staff confirmed the preview's suggestions (a name with 病院 stored as 病院); never by default. */
const acceptSuggestedKindsSchema = z.boolean().default(false);

const csvExportInputSchema = z.object({
  includeArchived: z.boolean().default(false),
  encoding: z.enum(exportEncodings, { message: '文字コードを選んでください' }).default('utf8bom'),
  /**
   * Shift_JIS only: 'refuse' writes no file when a character cannot be written and lists them;
   * 'replace' writes 〓 in their place and notes the originals in a last column.
   */
  unencodable: z.enum(['refuse', 'replace']).default('refuse'),
  /** 'xlsx': an Excel book, every cell typed as text (zeros kept, nothing runs as a formula). */
  format: z.enum(['csv', 'xlsx'], { message: 'ファイルの形式を選んでください' }).default('csv'),
});

const unencodableCharSchema = z.object({
  char: z.string(),
  /** e.g. U+20BB7 */
  codePoint: z.string(),
  /** Rows (header = row 1) that hold it, with the record's name; the first few only. */
  rows: z.array(z.object({ row: z.number().int().positive(), label: z.string(), field: z.string() })),
  rowCount: z.number().int().positive(),
});
export type UnencodableChar = z.infer<typeof unencodableCharSchema>;

const csvExportResultSchema = z.object({
  /** Null when Shift_JIS was asked for with 'refuse' and some characters cannot be written. */
  file: fileRefSchema.nullable(),
  rows: z.number().int().nonnegative(),
  unencodable: z.array(unencodableCharSchema),
  /** Characters replaced by 〓 (with 'replace'). */
  replaced: z.number().int().nonnegative(),
});

/**
 * Long-running work: start -> progress events -> result, cancellable at any time.
 * Each kind states its input and result; later issues add kinds here, not new transports.
 */
export const jobKinds = {
  'clinics.exportCsv': {
    input: csvExportInputSchema,
    result: csvExportResultSchema,
  },
  /**
   * Reads an uploaded list without changing anything: encoding, delimiter, headers, a suggested
   * (or the given) column mapping, every row's problems and what 取り込む would do.
   */
  'clinics.previewImport': {
    input: z.object({
      fileId: fileRefSchema.shape.fileId,
      mapping: columnMappingSchema.optional(),
      onMatch: matchActionSchema.default('skip'),
      acceptSuggestedKinds: acceptSuggestedKindsSchema,
      ...sourceChoiceShape,
    }),
    result: z.object({
      encoding: z.enum(csvEncodings),
      delimiter: z.enum(csvDelimiters),
      /** An .xlsx book: its sheets in tab order (hidden ones marked) and the one read. */
      book: z
        .object({ sheets: z.array(z.object({ name: z.string(), hidden: z.boolean() })), sheet: z.string() })
        .optional(),
      /** The header's row as Excel numbers it (title rows above it are skipped). */
      headerRow: z.number().int().positive(),
      /** The first rows of the file as they are, to choose the header row from. */
      headRows: z.array(z.object({ row: z.number().int().positive(), cells: z.array(z.string()) })),
      headers: z.array(z.string()),
      /** The mapping used: the given one, or the one suggested from the headers. */
      mapping: columnMappingSchema,
      /** Required fields no column is mapped to; 取り込む is refused until there are none. */
      missing: z.array(z.enum(clinicImportFields)),
      /** Data rows (header and blank rows not counted). */
      rowCount: z.number().int().nonnegative(),
      blankRows: z.number().int().nonnegative(),
      /** The first data rows as they are in the file, to check the mapping against. */
      sample: z.array(z.object({ row: z.number().int().positive(), cells: z.array(z.string()) })),
      ...importOutcomeShape,
      ...kindOutcomeShape,
      /**
       * Cells read otherwise than the file has them (line breaks in a one-line field joined) or
       * left as stored on update (lost leading zeros, ? for a character Shift_JIS cannot write).
       */
      changes: z.array(importProblemSchema),
      changeCount: z.number().int().nonnegative(),
      matches: z.object({
        byId: z.number().int().nonnegative(),
        byMemberNumber: z.number().int().nonnegative(),
        byPhone: z.number().int().nonnegative(),
        byNameAddress: z.number().int().nonnegative(),
      }),
    }),
  },
  /**
   * Imports the accepted rows in one transaction after a verified backup; rejected rows come
   * back as a CSV (their original cells, 行番号 and 理由) in the file's own encoding.
   */
  'clinics.importCsv': {
    input: z.object({
      fileId: fileRefSchema.shape.fileId,
      /** The columns as confirmed in the preview; without it, the suggested mapping. */
      mapping: columnMappingSchema.optional(),
      onMatch: matchActionSchema.default('skip'),
      acceptSuggestedKinds: acceptSuggestedKindsSchema,
      ...sourceChoiceShape,
    }),
    result: z.object({
      imported: z.number().int().nonnegative(),
      updated: z.number().int().nonnegative(),
      /** Rows that are a registered clinic, left as they are (onMatch 'skip'). */
      skipped: z.number().int().nonnegative(),
      /** Rows that are a registered clinic with nothing new to update. */
      unchanged: z.number().int().nonnegative(),
      rejected: z.number().int().nonnegative(),
      problems: z.array(importProblemSchema),
      problemCount: z.number().int().nonnegative(),
      unconfirmedKinds: kindOutcomeShape.unconfirmedKinds,
      errorsFile: fileRefSchema.nullable(),
    }),
  },
  'inquiries.exportCsv': {
    input: csvExportInputSchema,
    result: csvExportResultSchema,
  },
  'documents.render': {
    input: z.object({
      /** Documents of each clinic's set; they are put in envelope order whatever order is given. */
      documents: z
        .array(z.enum(documentKindNames as [DocumentKind, ...DocumentKind[]], { message: '書類の種類が正しくありません' }))
        .min(1, { message: '書類を1つ以上選んでください' })
        .max(documentKindNames.length)
        .refine((kinds) => new Set(kinds).size === kinds.length, { message: '同じ書類が2回選ばれています' }),
      /** One clinic, or many for a mailing (one combined PDF); none prints the forms blank for handwriting. */
      clinicIds: z
        .array(recordIdSchema)
        .max(limits.maxBatchClinics, { message: `一度に作れるのは${limits.maxBatchClinics.toLocaleString('ja-JP')}件までです` })
        .refine((ids) => new Set(ids).size === ids.length, { message: '同じ医療機関が2回選ばれています' })
        .default([]),
      /** Fills the clinic and the 受付番号 from an inquiry (one clinic only). */
      inquiryId: recordIdSchema.optional(),
      /** The saved quote a 保険料試算書 is made from. */
      quoteId: recordIdSchema.optional(),
      cover: coverInputSchema.default({ person: '', subject: defaultCoverSubject, message: '', extraPages: 0 }),
    }),
    result: z.object({
      file: fileRefSchema,
      pages: z.number().int().positive(),
      /** Clinics the PDF was made for (0 for blank forms and the flyer alone). */
      clinics: z.number().int().nonnegative(),
    }),
  },
  /** 設定 → 同期の点検と修復: this machine's records compared with its store's and the hub's; changes nothing. */
  'sync.check': { input: z.object({}), result: syncCheckResultSchema },
  /** 修復: after a verified backup, records wrong here take the hub's values; unsent edits are left alone. */
  'sync.repair': {
    input: z.object({ confirm: z.literal(true, { message: '修復の確認がされていません' }) }),
    result: syncRepairResultSchema,
  },
} as const;
export type JobKind = keyof typeof jobKinds;
export const jobKindNames = Object.keys(jobKinds) as JobKind[];
export type JobInput<K extends JobKind> = z.input<(typeof jobKinds)[K]['input']>;
export type JobResult<K extends JobKind> = z.infer<(typeof jobKinds)[K]['result']>;

export const jobStartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clinics.exportCsv'), input: jobKinds['clinics.exportCsv'].input }),
  z.object({ kind: z.literal('clinics.previewImport'), input: jobKinds['clinics.previewImport'].input }),
  z.object({ kind: z.literal('clinics.importCsv'), input: jobKinds['clinics.importCsv'].input }),
  z.object({ kind: z.literal('inquiries.exportCsv'), input: jobKinds['inquiries.exportCsv'].input }),
  z.object({ kind: z.literal('documents.render'), input: jobKinds['documents.render'].input }),
  z.object({ kind: z.literal('sync.check'), input: jobKinds['sync.check'].input }),
  z.object({ kind: z.literal('sync.repair'), input: jobKinds['sync.repair'].input }),
]);
export type JobStart = z.infer<typeof jobStartSchema>;

export const jobStates = ['running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStateName = (typeof jobStates)[number];

export const jobStateSchema = z.object({
  jobId: z.string(),
  kind: z.enum(jobKindNames as [JobKind, ...JobKind[]]),
  state: z.enum(jobStates),
  progress: z.object({
    done: z.number().nonnegative(),
    total: z.number().nonnegative(),
    /** Short Japanese line for the progress bar, e.g. 「1,200 / 5,000 件」. */
    label: z.string(),
  }),
  result: z.unknown().optional(),
  error: appErrorSchema.optional(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobState = z.infer<typeof jobStateSchema>;

export const jobIdInputSchema = z.object({ jobId: z.string().min(1).max(64) });
