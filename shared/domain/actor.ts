import { z } from 'zod';

/**
 * Who acted, as they were at that moment: copied onto every status change, intent record,
 * important-matters handover and document output, so the trail still names the right person
 * (and their solicitor registration then) after staff records are edited or made inactive.
 * Null fields: nobody chosen at the counter, or a staff record without solicitor details.
 */
export const actorSchema = z.object({
  staffId: z.string().nullable(),
  name: z.string().nullable(),
  /** 損保協会の募集人ID at that moment. */
  solicitorId: z.string().nullable(),
  /** 届出日 (YYYY-MM-DD). */
  notifiedOn: z.string().nullable(),
  qualification: z.string().nullable(),
  /** 資格の有効期限 (YYYY-MM-DD). */
  qualificationExpiresOn: z.string().nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

export const nobody: Actor = { staffId: null, name: null, solicitorId: null, notifiedOn: null, qualification: null, qualificationExpiresOn: null };

/** An actor column as stored (JSON text, or NULL in rows written before actors were kept). */
export function parseActor(text: string | null): Actor | null {
  if (text === null) return null;
  const parsed = actorSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}
