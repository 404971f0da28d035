import { z } from 'zod';
import { jobStateSchema } from './jobs.ts';

/** Pushed from the main process to the window: IPC messages or the host's event stream. */
export const contractEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), job: jobStateSchema }),
  /** The background quick_check of the database has finished. */
  z.object({ type: z.literal('databaseCheck'), state: z.enum(['ok', 'problem']) }),
  /** A menu item meant for the page (ファイル → 印刷…). */
  z.object({ type: z.literal('menuCommand'), command: z.enum(['print']) }),
]);
export type ContractEvent = z.infer<typeof contractEventSchema>;
