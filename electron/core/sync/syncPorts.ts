import type { JoinPreviewClinic } from '../../../shared/domain/joinPreview.ts';
/**
 * The seams between the three sides of sharing, so each can be built and tested on its own:
 *  - the SQLite side (outbox triggers, applying remote documents, field merge, notices),
 *  - the PouchDB side (the local store, replication with the hub, conflicts, status),
 *  - the hub side (reaching the hub safely: TLS, credentials, the receipt-prefix claim).
 * Types only; each implementation lives in its own module of this folder.
 */
import type http from 'node:http';
import type https from 'node:https';
import type PouchDB from 'pouchdb-node';

/** Tables whose rows are shared: each row is one PouchDB document. */
export const sharedTables = ['clinics', 'inquiries', 'inquiry_status_history', 'inquiry_quotes', 'document_outputs', 'staff', 'clinic_merges', 'content_changes', 'important_matters_handovers', 'inquiry_intents', 'agency_settings', 'inquiry_step_marks', 'inquiry_follow_ups'] as const;
export type SharedTable = (typeof sharedTables)[number];

/**
 * When and where a field was last written: the writer's clock (ISO, ms, UTC), its machine id,
 * and that machine's write counter. Two stamps are ordered by (t, m); the counter, checked
 * against a document's `seen` vector, tells a sequential edit from a concurrent one.
 */
export interface FieldStamp {
  t: string;
  m: string;
  c: number;
}

/**
 * One shared record as a PouchDB document. `_id` is `<table>:<record id>`. `fields` holds the
 * row's shared columns by their SQLite names (never seq, shadow columns, phone digits), plus any
 * field a newer app wrote that this one does not know (kept as it is when passed on). `seen`
 * is the version vector: for each machine, the highest counter whose writes this revision holds.
 */
export interface RecordDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  table: SharedTable;
  /** The app schema version that last wrote this document. */
  schema: number;
  fields: Record<string, unknown>;
  stamps: Record<string, FieldStamp>;
  seen: Record<string, number>;
}

/**
 * A conflict notice as a replicated document, `_id` `notice:<hash of record, field, losing
 * stamp>`, so machines that resolve the same conflict write the same document.
 */
export interface NoticeDoc {
  _id: string;
  _rev?: string;
  table: 'sync_notice';
  recordDocId: string;
  field: string;
  /** staffId: the staff member chosen on the writing machine at that edit (its row's updated_by_staff), for 「誰が」. */
  kept: { value: unknown; stamp: FieldStamp; staffId: string | null };
  replaced: { value: unknown; stamp: FieldStamp; staffId: string | null };
  resolvedAt: string | null;
}

/** How to reach the hub, as the PouchDB http adapter's fetch needs it: headers and a TLS agent. */
export interface HubConnection {
  /** The shared database's address, without credentials. */
  dbUrl: string;
  /** `Basic ...`; never logged. */
  authorization: string;
  /** Carries the CA certificate or the pinned fingerprint for https; undefined for http. */
  agent: http.Agent | https.Agent | undefined;
}

/**
 * Where the hub password is kept: Electron's safeStorage in the desktop app (never Linux's
 * plain-text fallback), a file readable only by this user in the preview.
 */
export interface SecretStore {
  /** False when this machine cannot keep a secret safely (the desktop app then refuses to save it). */
  available(): Promise<boolean>;
  save(key: string, secret: string): Promise<void>;
  load(key: string): Promise<string | null>;
  remove(key: string): Promise<void>;
}

/** What the replication engine reports; the handlers add the hub's address and open notices. */
export interface EngineStatus {
  /** idle: nothing waiting; stopped: not sharing or left. */
  state: 'stopped' | 'idle' | 'sending' | 'unreachable' | 'clockSkew' | 'updateApp';
  lastSyncedAt: string | null;
  unsent: number;
  clockOffsetMs: number | null;
  /** Japanese, for the indicator's tooltip and 設定 → 同期. */
  message: string | null;
}

/** What a join that keeps both sides' records does in SQLite, around the engine's pull and apply. */
export interface CombineSteps<R> {
  beforeApply(hubClinics: readonly JoinPreviewClinic[]): Promise<void>;
  afterApply(): R;
}

/**
 * The PouchDB side, as the handlers and openCore use it. Documents other than records and
 * notices (`prefix:<P>` receipt-prefix claims, `meta:minimum-schema`) share the same database
 * and are ignored when applying to SQLite.
 */
export interface SyncEngine {
  /** Continuous replication with the hub (PouchDB live mode), backing off while it does not answer. */
  start(hub: HubConnection): void;
  /** Stops replicating; what is unsent stays queued. */
  stop(): Promise<void>;
  /** One full round now (outbox to store, store to hub, hub to store, store to SQLite), whatever the back-off. */
  syncNow(): Promise<void>;
  status(): EngineStatus;
  onStatus(listener: (status: EngineStatus) => void): () => void;
  /** The first machine, or one with no shared records: every local shared record is queued to send. */
  shareLocalRecords(): void;
  /** Replaces this machine's shared records with the hub's; the caller has taken a verified backup. */
  takeHubRecords(hub: HubConnection): Promise<void>;
  /**
   * Joins keeping this machine's records beside the hub's (issue 21 §2): the hub is pulled into a
   * fresh store first (a pull that breaks off throws and leaves SQLite as it was), then
   * `beforeApply` runs with sharing on and the hub's clinics in hand, the hub's records are
   * applied, `afterApply` merges what staff confirmed, and replication starts. The caller has
   * taken a verified backup.
   */
  combineWithHub<R>(hub: HubConnection, steps: CombineSteps<R>): Promise<R>;
  /** Leaves sharing: stops, forgets the local store and checkpoint; every record stays in SQLite. */
  leave(): Promise<void>;
  /** True while this machine must not write (its clock is too far from the hub's). */
  writesHeld(): boolean;
  /** The 受付番号 prefix each machine claimed on the hub, by machine id, as last pulled: how staff tell machines apart. */
  machinePrefixes(): ReadonlyMap<string, string>;
  /** This machine's store and the hub's database while sharing (点検と修復 compares SQLite with them); null otherwise. */
  databases(): { local: PouchDB.Database; hub: PouchDB.Database } | null;
  close(): Promise<void>;
}
