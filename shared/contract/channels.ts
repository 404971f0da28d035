import { z } from 'zod';
import './zodLocale.ts';
import { clinicInputSchema, clinicSchema } from '../domain/clinic.ts';
import { limits } from './limits.ts';
import { jobIdInputSchema, jobStartSchema, jobStateSchema } from './jobs.ts';

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const recordId = z.string().min(1).max(64);

export const appInfoSchema = z.object({
  version: z.string(),
  /** desktop: the Electron app; preview: the browser preview served by the local host. */
  mode: z.enum(['desktop', 'preview']),
  machineId: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const clinicSearchInputSchema = z.object({
  query: z
    .string()
    .max(limits.maxQueryChars, { message: `検索語は${limits.maxQueryChars}文字以内で入力してください` })
    .default(''),
  limit: z.number().int().min(1).max(limits.maxSearchLimit).default(50),
  includeArchived: z.boolean().default(false),
});

export const clinicSearchResultSchema = z.object({
  items: z.array(clinicSchema),
  /** Exact up to the cap; when capped is true the real count is at least this. */
  total: z.number().int().nonnegative(),
  capped: z.boolean(),
});
export type ClinicSearchResult = z.infer<typeof clinicSearchResultSchema>;

/**
 * The contract: every channel's argument and result. Both transports (Electron IPC and the
 * preview's HTTP host) validate against it, and the handler map must satisfy it.
 */
export const contract = {
  'app.info': channel(z.object({}), appInfoSchema),
  'clinics.create': channel(clinicInputSchema, clinicSchema),
  'clinics.get': channel(z.object({ id: recordId }), clinicSchema),
  'clinics.search': channel(clinicSearchInputSchema, clinicSearchResultSchema),
  'jobs.start': channel(jobStartSchema, jobStateSchema),
  'jobs.get': channel(jobIdInputSchema, jobStateSchema),
  'jobs.cancel': channel(jobIdInputSchema, jobStateSchema),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channelNames = Object.keys(contract) as Channel[];
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelArgs<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}
