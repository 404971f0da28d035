import { z } from 'zod';
import { backupInfoSchema } from './backup.ts';

/**
 * 設定 → 同期 → 点検と修復: this machine's records compared with its store's and the hub's.
 *  - differs: a value here is not the shared one (changed behind the app's back, or never applied);
 *  - missingHere: the hub holds a record this machine lacks;
 *  - removedOnHub: the record was deleted (完全削除) elsewhere but is still here;
 *  - neverSent: only this machine holds it, and it is not queued to send;
 *  - notExchanged: this machine's store and the hub still differ (sending or receiving is under way).
 * The first four are repaired from the hub (neverSent: queued to send); notExchanged waits for 今すぐ同期.
 */
export const syncCheckKinds = ['differs', 'missingHere', 'removedOnHub', 'neverSent', 'notExchanged'] as const;
export type SyncCheckKind = (typeof syncCheckKinds)[number];

export const syncCheckFieldSchema = z.object({
  field: z.string(),
  /** The field's Japanese label. */
  fieldLabel: z.string(),
  /** This PC's value as the screens show it. */
  here: z.string(),
  /** The shared (hub's) value as the screens show it. */
  shared: z.string(),
});

export const syncCheckItemSchema = z.object({
  docId: z.string(),
  kind: z.enum(syncCheckKinds),
  /** 医療機関, 問い合わせ, ... */
  recordKind: z.string(),
  /** The clinic's name, the inquiry's 受付番号, the staff member's name. */
  recordLabel: z.string(),
  /** Japanese: what is wrong and what 修復 does about it. */
  summary: z.string(),
  fields: z.array(syncCheckFieldSchema),
});
export type SyncCheckItem = z.infer<typeof syncCheckItemSchema>;

export const syncCheckResultSchema = z.object({
  checkedAt: z.string(),
  /** Records compared. */
  checked: z.number().int().nonnegative(),
  /** Differences found, by kind (the list shows the first ones). */
  counts: z.record(z.enum(syncCheckKinds), z.number().int().nonnegative()),
  items: z.array(syncCheckItemSchema),
  /** Records with an unsent edit here: left alone, they are sent as they are. */
  unsentLeftAlone: z.number().int().nonnegative(),
  /** Japanese: the outcome in one sentence. */
  message: z.string(),
});
export type SyncCheckResult = z.infer<typeof syncCheckResultSchema>;

export const syncRepairResultSchema = z.object({
  /** Records whose rows here now hold the hub's values (or were removed as on the hub). */
  repaired: z.number().int().nonnegative(),
  /** Records only this machine held, now queued to send. */
  queued: z.number().int().nonnegative(),
  /** Records not repaired yet (waiting for a record they point at, or still being exchanged). */
  left: z.number().int().nonnegative(),
  unsentLeftAlone: z.number().int().nonnegative(),
  /** The verified backup taken first; null when there was nothing to repair. */
  backup: backupInfoSchema.nullable(),
  message: z.string(),
});
export type SyncRepairResult = z.infer<typeof syncRepairResultSchema>;

/** A change made here that the hub has not received yet: what a restore would lose. */
export const unsentChangeSchema = z.object({
  docId: z.string(),
  recordKind: z.string(),
  recordLabel: z.string(),
  /** The changed fields' Japanese labels; empty for a new or deleted record as a whole. */
  fieldLabels: z.array(z.string()),
  /** When it was changed (ISO). */
  changedAt: z.string(),
});
export type UnsentChange = z.infer<typeof unsentChangeSchema>;

export const unsentChangesSchema = z.object({
  /** Records changed here and not yet sent (the list shows the first ones). */
  count: z.number().int().nonnegative(),
  items: z.array(unsentChangeSchema),
});
