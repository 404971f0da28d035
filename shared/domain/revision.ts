import { z } from 'zod';

/** How many times a record has been written, starting at 1. */
export const revisionSchema = z.number().int().min(1);

/**
 * The revision the form was opened with. A write whose revision is no longer the record's is
 * refused with CONFLICT, so a stale form never reverts someone else's newer edit.
 */
export const expectedRevisionSchema = z
  .number({ message: '記録の版がありません。画面を開き直してから保存してください' })
  .int()
  .min(1, { message: '記録の版が正しくありません。画面を開き直してから保存してください' });
