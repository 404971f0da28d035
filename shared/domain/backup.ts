import { z } from 'zod';
import { retainedSchema } from './retention.ts';
import { backupMessages } from '../messages/backupMessages.ts';

export const backupReasons = ['daily', 'manual', 'before-migration', 'before-import', 'before-purge', 'before-restore', 'before-repair', 'before-join', 'imported', 'unknown'] as const;
export const backupReasonLabels: Record<(typeof backupReasons)[number], string> = {
  daily: '毎日の自動',
  manual: '手動',
  'before-migration': '更新前',
  'before-import': '取り込み前',
  'before-purge': '完全削除前',
  'before-restore': '復元前',
  'before-repair': '同期の修復前',
  'before-join': '記録をまとめて共有に参加する前',
  imported: '他の場所から',
  unknown: '不明',
};

export const backupInfoSchema = z.object({
  fileName: z.string(),
  /** When the file arrived in this PC's folder. */
  createdAt: z.string(),
  /** When its data was taken (on another PC, for a copy brought back). */
  madeAt: z.string(),
  reason: z.enum(backupReasons),
  sizeBytes: z.number().int().nonnegative(),
  /** Null when the file could not be read for counting. */
  counts: z.object({ clinics: z.number().int().nonnegative(), inquiries: z.number().int().nonnegative() }).nullable(),
});
export type BackupInfoDto = z.infer<typeof backupInfoSchema>;

const backupFileName = z.string().regex(/^backup-\d{8}T\d{6}Z-[a-z0-9-]+\.sqlite3$/, { message: 'バックアップを一覧から選んでください' });

/**
 * A copy carried away is guessed offline at the guesser's leisure: 10 characters at least, so
 * that the scrypt cost is multiplied by a search space worth the effort.
 */
export const minBackupPasswordChars = 10;

/** Optional protection of a copy carried away: empty, or at least minBackupPasswordChars characters. */
const password = z
  .string()
  .max(200, { message: 'パスワードは200文字以内で入力してください' })
  .refine((p) => p === '' || [...p].length >= minBackupPasswordChars, { message: backupMessages.passwordTooShort(minBackupPasswordChars) })
  .default('');

export const backupExportInputSchema = z.object({ fileName: backupFileName, password });
export const backupAddInputSchema = z.object({ fileId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), password: z.string().max(200).default('') });
export const backupRestoreInputSchema = z.object({ fileName: backupFileName });

export const purgeCountsSchema = z.object({
  clinics: z.number().int().nonnegative(),
  inquiries: z.number().int().nonnegative(),
  keptClinics: z.number().int().nonnegative(),
  /** Archived records still within the retention period (issue 22 §6): left, counted, with the earliest end. */
  retained: retainedSchema,
});
