import path from 'node:path';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { ackOutbox, readOutbox } from '../../electron/core/sync/outbox.ts';
import { stampChanges } from '../../electron/core/sync/recordDocs.ts';
import { reserveWriteCounters, setSharing } from '../../electron/core/sync/syncState.ts';
import type { RecordDoc } from '../../electron/core/sync/syncPorts.ts';
import { tempDir } from './tempDir.ts';

/** One machine's database for the SQLite side of sharing: a real file, migrated, sharing on. */
export interface SyncMachine {
  db: Db;
  machineId: string;
  ctx: { machineId: string; now: () => Date };
  /** Stands in for this machine's local PouchDB store: the latest document of each record. */
  store: Map<string, RecordDoc>;
}

export function syncMachine(machineId: string, clock: { now: Date } = { now: new Date('2026-11-20T01:00:00.000Z') }): SyncMachine {
  const db = openDatabase(path.join(tempDir(), `${machineId}.sqlite3`));
  migrate(db, migrations);
  setSharing(db, true);
  return { db, machineId, ctx: { machineId, now: () => clock.now }, store: new Map() };
}

/** Drains the outbox into the machine's store as the replication side does: stamp, write, acknowledge. */
export function drain(machine: SyncMachine, clockOffsetMs?: number): RecordDoc[] {
  const written: RecordDoc[] = [];
  const entries = readOutbox(machine.db, 10_000);
  if (entries.length === 0) return written;
  const first = reserveWriteCounters(machine.db, entries.length);
  for (const [i, entry] of entries.entries()) {
    const current = machine.store.get(entry.docId);
    const doc = stampChanges(current, entry, { machineId: machine.machineId, counter: first + i, schema: migrations.length,
      clock: clockOffsetMs === undefined ? undefined : { now: machine.ctx.now(), offsetMs: clockOffsetMs } });
    if (!doc) continue;
    const revision = Number(current?._rev?.split('-')[0] ?? 0) + 1;
    const stored = { ...doc, _rev: `${revision}-${machine.machineId}` };
    machine.store.set(entry.docId, stored);
    written.push(stored);
  }
  ackOutbox(machine.db, entries);
  return written;
}
