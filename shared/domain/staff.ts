import { z } from 'zod';
import { revisionSchema } from './revision.ts';

export const staffNameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, { message: '担当者名を入力してください' }).max(100, { message: '担当者名は100文字以内で入力してください' }));

export const staffSchema = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  revision: revisionSchema,
});
export type Staff = z.infer<typeof staffSchema>;
