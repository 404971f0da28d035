import { z } from 'zod';
import { receiptPrefixSchema } from './inquiry.ts';
import { joinCombineResultSchema, joinCombineSchema } from './joinPreview.ts';

/**
 * Sharing records between machines through the office's CouchDB (the hub). Schemas of what the
 * window and the core exchange about it; the replication itself is PouchDB's.
 */

/**
 * off: this machine does not share (works alone, as before); synced: nothing waiting, the hub
 * answered last time; sending: changes waiting or on their way; unreachable: the hub did not
 * answer (replication retries on its own); clockSkew: this machine's clock is too far from the
 * hub's, so writes stop; updateApp: the hub asks for a newer app, so this one stops sending.
 */
export const syncStates = ['off', 'synced', 'sending', 'unreachable', 'clockSkew', 'updateApp'] as const;
export type SyncState = (typeof syncStates)[number];

export const syncStatusSchema = z.object({
  state: z.enum(syncStates),
  /** The shared database's address (no password), or null when this machine does not share. */
  hubUrl: z.string().nullable(),
  user: z.string().nullable(),
  /** When this machine last finished a round with the hub (ISO). */
  lastSyncedAt: z.string().nullable(),
  /** When this machine joined (ISO): one that has never synced since is overdue from then. */
  joinedAt: z.string().nullable(),
  /** Changes made here that the hub has not received yet. */
  unsent: z.number().int().nonnegative(),
  /** This machine's clock minus the hub's (ms), from the hub's Date header; null until measured. */
  clockOffsetMs: z.number().nullable(),
  /** Conflict notices not yet dealt with. */
  openNotices: z.number().int().nonnegative(),
  /** A Japanese sentence on the last failure (unreachable, certificate, password), or null. */
  message: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const fingerprintSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, { message: '証明書の指紋（SHA-256）の形が正しくありません' }));

/** How to reach the hub: what 設定 → 複数の端末で使う asks for. */
export const hubAccessSchema = z.object({
  url: z
    .string()
    .trim()
    .max(500, { message: 'アドレスは500文字以内で入力してください' })
    .pipe(z.url({ protocol: /^https?$/, message: 'アドレスは https:// または http:// で始めてください（例：https://office-hub:6984/cyber-counter）' })),
  user: z.string().trim().min(1, { message: 'ユーザー名を入力してください' }).max(100, { message: 'ユーザー名は100文字以内で入力してください' }),
  password: z.string().min(1, { message: 'パスワードを入力してください' }).max(200, { message: 'パスワードは200文字以内で入力してください' }),
  /** A CA certificate (PEM) the user chose, held in the file store, for a hub with the office's own CA. */
  caCertificateFileId: z.string().min(1).max(64).optional(),
  /** The hub certificate's SHA-256 fingerprint, pinned at first connect. */
  pinnedFingerprint: fingerprintSchema.optional(),
});
export type HubAccess = z.infer<typeof hubAccessSchema>;

/** Why 接続を確認 failed, told apart so the clerk (or the administrator) knows what to fix. */
export const hubFailures = ['unreachable', 'certificate', 'unauthorized', 'forbidden', 'notCouchDb', 'noDatabase'] as const;
export type HubFailure = (typeof hubFailures)[number];

export const hubCheckResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The server's version as it reports it (CouchDB 3.x, or pouchdb-server in tests). */
    serverVersion: z.string(),
    /** https: the certificate's SHA-256 fingerprint, shown so it can be pinned; null over http. */
    fingerprint: z.string().nullable(),
    /** The hub already holds shared records: joining then means taking the hub's. */
    hubHasRecords: z.boolean(),
    /** 受付番号 prefixes other machines have claimed on this hub. */
    takenPrefixes: z.array(z.string()),
  }),
  z.object({
    ok: z.literal(false),
    failure: z.enum(hubFailures),
    /** Japanese: what went wrong and what to do. */
    message: z.string(),
    fingerprint: z.string().nullable(),
  }),
]);
export type HubCheckResult = z.infer<typeof hubCheckResultSchema>;

export const syncJoinInputSchema = hubAccessSchema.extend({
  /** The 受付番号 prefix this machine claims on the hub; a claimed one is refused. */
  receiptPrefix: receiptPrefixSchema,
  /**
   * This machine already holds records and the hub does too: replace this machine's shared
   * records with the hub's, after a verified backup. Without it such a join is refused.
   */
  replaceLocal: z.boolean().default(false),
  /**
   * This machine already holds records and the hub does too: keep both, merging the pairs staff
   * confirmed in the preview (sync.joinPreview), after a verified backup.
   */
  combine: joinCombineSchema.optional(),
}).refine((input) => !(input.replaceLocal && input.combine), { message: '置き換えるか照合してまとめるか、どちらか一つを選んでください', path: ['replaceLocal'] });

/** What joining answers: the status, and for a join that combined records, what was merged. */
export const syncJoinResultSchema = syncStatusSchema.extend({ combined: joinCombineResultSchema.optional() });

/** Kinds of shared records a notice can be about. */
export const noticeRecordKinds = ['clinic', 'inquiry', 'staff'] as const;

/**
 * Who wrote a value: the machine (its id; whether it is this one; the 受付番号 prefix it claimed,
 * which is how staff tell machines apart), the staff member chosen there (if any), when.
 */
const writtenBySchema = z.object({
  machine: z.string(),
  thisMachine: z.boolean(),
  machinePrefix: z.string().nullable(),
  staffName: z.string().nullable(),
  at: z.string(),
});

/** Two machines changed the same field at the same time: the newer value is kept, the other is kept here. */
export const syncNoticeSchema = z.object({
  id: z.string(),
  recordKind: z.enum(noticeRecordKinds),
  recordId: z.string(),
  /** What staff recognise the record by: the clinic's name, the inquiry's 受付番号, the staff member's name. */
  recordLabel: z.string(),
  field: z.string(),
  /** The field's Japanese label (医療機関名, 電話番号, ...). */
  fieldLabel: z.string(),
  keptValue: z.string(),
  replacedValue: z.string(),
  kept: writtenBySchema,
  replaced: writtenBySchema,
  /** When someone put the replaced value back or dismissed the notice, or null while open. */
  resolvedAt: z.string().nullable(),
});
export type SyncNotice = z.infer<typeof syncNoticeSchema>;
