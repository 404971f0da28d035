import { z } from 'zod';
import { syncCheckResultSchema, syncRepairResultSchema } from '../domain/syncCheck.ts';
import { csvJobKinds } from './csvJobKinds.ts';
import { documentJobKinds } from './documentJobKinds.ts';
import { appErrorSchema } from './envelope.ts';

// Settings' import screen still takes it from here (that folder is another part's this session).
export type { ImportProblem } from './csvJobKinds.ts';

/**
 * Long-running work: start -> progress events -> result, cancellable at any time.
 * Each kind states its input and result; later issues add kinds here, not new transports.
 */
export const jobKinds = {
  ...csvJobKinds,
  ...documentJobKinds,
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
  z.object({ kind: z.literal('documents.labels'), input: jobKinds['documents.labels'].input }),
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
