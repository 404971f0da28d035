import { z } from 'zod';
import { appErrorSchema } from './envelope.ts';
import { fileRefSchema } from './files.ts';
import { documentKindNames, type DocumentKind } from '../documents/documentKinds.ts';

const importProblemSchema = z.object({
  /** Row number as Excel shows it: the header is row 1. */
  row: z.number().int().positive(),
  field: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

/**
 * Long-running work: start -> progress events -> result, cancellable at any time.
 * Each kind states its input and result; later issues add kinds here, not new transports.
 */
export const jobKinds = {
  'clinics.exportCsv': {
    input: z.object({ includeArchived: z.boolean().default(false) }),
    result: z.object({ file: fileRefSchema, rows: z.number().int().nonnegative() }),
  },
  'clinics.importCsv': {
    input: z.object({ fileId: fileRefSchema.shape.fileId }),
    result: z.object({
      imported: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
      problems: z.array(importProblemSchema),
    }),
  },
  'documents.render': {
    input: z.object({
      document: z.enum(documentKindNames as [DocumentKind, ...DocumentKind[]], { message: '書類の種類を選んでください' }),
      /** Fills the document from a clinic record; without it the form is blank for handwriting. */
      clinicId: z.string().min(1).max(64).optional(),
      /** Fills the clinic and the 受付番号 from an inquiry. */
      inquiryId: z.string().min(1).max(64).optional(),
    }),
    result: z.object({ file: fileRefSchema }),
  },
} as const;
export type JobKind = keyof typeof jobKinds;
export const jobKindNames = Object.keys(jobKinds) as JobKind[];
export type JobInput<K extends JobKind> = z.input<(typeof jobKinds)[K]['input']>;
export type JobResult<K extends JobKind> = z.infer<(typeof jobKinds)[K]['result']>;

export const jobStartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('clinics.exportCsv'), input: jobKinds['clinics.exportCsv'].input }),
  z.object({ kind: z.literal('clinics.importCsv'), input: jobKinds['clinics.importCsv'].input }),
  z.object({ kind: z.literal('documents.render'), input: jobKinds['documents.render'].input }),
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
