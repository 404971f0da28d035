import { z } from 'zod';
import { dataAreaSchema, maintenanceStateSchema } from './dataAreas.ts';
import { jobStateSchema } from './jobs.ts';
import { syncStatusSchema } from '../domain/sync.ts';

/** Pushed from the main process to the window: IPC messages or the host's event stream. */
export const contractEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), job: jobStateSchema }),
  /** The background quick_check of the database has finished. */
  z.object({ type: z.literal('databaseCheck'), state: z.enum(['ok', 'problem']) }),
  /** A menu item meant for the page (ファイル → 印刷…). */
  z.object({ type: z.literal('menuCommand'), command: z.enum(['print']) }),
  /** A write was committed: reads of these areas are stale. Sent once per committed write. */
  z.object({ type: z.literal('changed'), areas: z.array(dataAreaSchema).min(1) }),
  /** Start-up maintenance progress; `state: null` when it has finished and writes are accepted. */
  z.object({ type: z.literal('maintenance'), state: maintenanceStateSchema }),
  /** Sharing with the hub changed state (sent, received, unreachable, ...): the navigation's indicator. */
  z.object({ type: z.literal('sync'), status: syncStatusSchema }),
]);
export type ContractEvent = z.infer<typeof contractEventSchema>;
