import { z } from 'zod';
import { errorCodes, errorMessages, type ErrorCode } from '../messages/errors.ts';

/** What every call returns on failure: a stable English code and a Japanese message. */
export const appErrorSchema = z.object({
  code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  /** Field path -> Japanese message, for showing an error next to the form field. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorBody = z.infer<typeof appErrorSchema>;

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: AppErrorBody };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

/** A failed call's envelope with the catalogue's Japanese message (or a more precise one). */
export function failureEnvelope(code: ErrorCode, message: string = errorMessages[code]): Envelope<never> {
  return { ok: false, error: { code, message } };
}
