import { z } from 'zod';
import { csvDelimiters, csvEncodings, exportEncodings } from '../csv/csvFormat.ts';
import { clinicImportFields, clinicMatchActions } from '../domain/clinicCsvImport.ts';
import { fileRefSchema } from './files.ts';
import { limits } from './limits.ts';

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

/** The jobs that read and write CSV and Excel files: the clinic roster's export and import, the inquiries' export. */
export const csvJobKinds = {
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
      /** Rows that turn 送付不要 on (a new clinic marked, too) or off: mailings change with them. */
      noMailingChanges: z.array(importProblemSchema),
      noMailingChangeCount: z.number().int().nonnegative(),
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
} as const;
