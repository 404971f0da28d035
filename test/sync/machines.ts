/**
 * Machines for the sharing tests: real cores on their own data folders, each with its own clock
 * (real time plus an offset, so the hub's Date header agrees or not, on purpose), replicating
 * through a pouchdb-server hub over plain http.
 */
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { sharedTableShapes } from '../../electron/core/sync/sharedFields.ts';
import { sharedTables } from '../../electron/core/sync/syncPorts.ts';
import { startCouchHub, type CouchHub, type HubUser } from '../helpers/couchHub.ts';
import { openCore, type SharingCore } from '../../electron/core/openCore.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { tempDir } from '../helpers/tempDir.ts';
import type { HubConnection } from '../../electron/core/sync/syncPorts.ts';

const hubs: CouchHub[] = [];
const cores: SharingCore[] = [];

/** One CouchDB user per machine, members of the shared database, as the README sets up an office. */
export const machineUsers = ['counter-1', 'counter-2', 'laptop'].map((name) => ({ name, password: `${name}-password` }));

export async function startHub(users: HubUser[] = machineUsers): Promise<CouchHub> {
  const hub = await startCouchHub({ users });
  hubs.push(hub);
  return hub;
}

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const hub of hubs.splice(0)) await hub.stop();
});

export const connectionTo = (hub: CouchHub, user: { name: string; password: string } = machineUsers[0]!): HubConnection => ({
  dbUrl: hub.dbUrl,
  authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`,
  agent: undefined,
});

export interface Machine {
  core: SharingCore;
  dataDir: string;
  /** Calls a channel and returns its result, failing the test on an error envelope. */
  call<T>(channel: string, input: unknown): Promise<T>;
}

export async function openMachine(options: { clockOffsetMs?: number; dataDir?: string } = {}): Promise<Machine> {
  const offset = options.clockOffsetMs ?? 0;
  const dataDir = options.dataDir ?? tempDir();
  const core = await openCore({ dataDir, mode: 'preview', log: silentLogger, now: () => new Date(Date.now() + offset) });
  cores.push(core);
  return {
    core,
    dataDir,
    async call<T>(channel: string, input: unknown) {
      const envelope = await core.dispatch(channel, input);
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.result as T;
    },
  };
}

/** The machine's id, as it stamps its edits. */
/** The office PC and a laptop (受付番号 prefix B) sharing through a fresh hub, as most sharing stories begin. */
export async function officeAndLaptop(): Promise<{ hub: CouchHub; office: Machine; laptop: Machine }> {
  const hub = await startHub();
  const office = await openMachine();
  const laptop = await openMachine();
  await laptop.call('settings.update', { receiptPrefix: 'B' });
  office.core.sync.start(connectionTo(hub, machineUsers[0]));
  laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
  return { hub, office, laptop };
}

export function machineIdOf(machine: Machine): string {
  const db = new Database(machine.core.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT value FROM app_meta WHERE key = 'machine_id'").pluck().get() as string;
  } finally {
    db.close();
  }
}

/** Polls until the condition holds; the test's timeout is the only limit. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, pollMs = 50): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, pollMs));
}

/** The hub's winning documents, by id (what every machine's store converges to). */
export async function hubDocs(hub: CouchHub): Promise<Map<string, Record<string, unknown>>> {
  const answer = await hub.request('GET', `${new URL(hub.dbUrl).pathname}/_all_docs?include_docs=true`, undefined, hub.admin);
  const rows = (answer.body as { rows: { id: string; doc: Record<string, unknown> }[] }).rows;
  return new Map(rows.map((row) => [row.id, row.doc]));
}

/** Every shared row of a machine's SQLite file, by document id, as the record documents carry them. */
export function sqliteRecords(machine: Machine): Map<string, Record<string, unknown>> {
  const db = new Database(machine.core.dbPath, { readonly: true, fileMustExist: true });
  try {
    const records = new Map<string, Record<string, unknown>>();
    for (const table of sharedTables) {
      const rows = db.prepare(`SELECT ${sharedTableShapes[table].columns.join(', ')} FROM ${table}`).all() as Record<string, unknown>[];
      for (const row of rows) records.set(`${table}:${String(row.id)}`, row);
    }
    return records;
  } finally {
    db.close();
  }
}

export interface NoticeView {
  id: string;
  recordDocId: string;
  field: string;
  kept: unknown;
  replaced: unknown;
  keptStamp: { t: string; m: string };
  replacedStamp: { t: string; m: string };
}

/** The conflict notices a machine holds, from its SQLite file, by id. */
export function notices(machine: Machine): NoticeView[] {
  const db = new Database(machine.core.dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, record_doc_id, field, kept, replaced FROM sync_notices ORDER BY id').all() as {
      id: string; record_doc_id: string; field: string; kept: string; replaced: string;
    }[];
    return rows.map((row) => {
      const kept = JSON.parse(row.kept) as { value: unknown; stamp: { t: string; m: string } };
      const replaced = JSON.parse(row.replaced) as { value: unknown; stamp: { t: string; m: string } };
      return { id: row.id, recordDocId: row.record_doc_id, field: row.field, kept: kept.value, replaced: replaced.value, keptStamp: kept.stamp, replacedStamp: replaced.stamp };
    });
  } finally {
    db.close();
  }
}

/**
 * Differences between a machine's SQLite rows and the hub's live record documents (fields this
 * app knows); empty when they agree.
 */
export async function differences(hub: CouchHub, machine: Machine): Promise<string[]> {
  const docs = await hubDocs(hub);
  const rows = sqliteRecords(machine);
  const found: string[] = [];
  for (const [id, doc] of docs) {
    if (!sharedTables.some((table) => id.startsWith(`${table}:`))) continue;
    const row = rows.get(id);
    if (!row) {
      found.push(`${id}: on the hub, not in SQLite`);
      continue;
    }
    const fields = doc.fields as Record<string, unknown>;
    for (const [column, value] of Object.entries(row)) {
      if (column in fields && !isDeepStrictEqual(fields[column] ?? null, value ?? null)) found.push(`${id}.${column}: ${JSON.stringify(value)} here, ${JSON.stringify(fields[column])} on the hub`);
    }
  }
  for (const id of rows.keys()) if (!docs.has(id)) found.push(`${id}: in SQLite, not on the hub`);
  return found;
}

/** Rounds on every machine until each one's SQLite equals the hub's winning documents. */
export async function syncUntilConverged(hub: CouchHub, machines: readonly Machine[]): Promise<void> {
  for (;;) {
    for (const machine of machines) await machine.core.sync.syncNow();
    let agreed = true;
    for (const machine of machines) if ((await differences(hub, machine)).length > 0) agreed = false;
    // A second pass with nothing left to send: no machine still has a conflict of its own to push.
    if (agreed && machines.every((machine) => machine.core.sync.status().unsent === 0)) return;
  }
}

export interface ClinicView {
  id: string;
  name: string;
  phone: string;
  memo: string;
  revision: number;
  [key: string]: unknown;
}

/** Edits a clinic as the 医療機関 form does: the whole record as shown, with some fields changed. */
export async function editClinic(machine: Machine, id: string, patch: Record<string, unknown>): Promise<ClinicView> {
  const clinic = await machine.call<ClinicView>('clinics.get', { id });
  const { id: _id, revision, ...shown } = clinic;
  return machine.call<ClinicView>('clinics.update', { id, clinic: { ...pickInput(shown), ...patch }, expectedRevision: revision });
}

const inputKeys = ['name', 'nameKana', 'kind', 'bedCount', 'postalCode', 'address', 'phone', 'fax', 'contactPerson', 'memberNumber', 'memo'];
const pickInput = (clinic: Record<string, unknown>) => Object.fromEntries(Object.entries(clinic).filter(([key]) => inputKeys.includes(key)));

/** Documents a machine holds back: waiting for a parent or a constraint, or held for a clock ahead. */
export function pendingDocIds(machine: Machine): string[] {
  const db = new Database(machine.core.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT doc_id FROM sync_pending ORDER BY doc_id').pluck().all() as string[];
  } finally {
    db.close();
  }
}
