/**
 * The rounds between SQLite and this machine's store: the outbox drained into documents, and the
 * store's changes feed (conflicts merged first) applied to SQLite with its checkpoint. The SQLite
 * half of each step is the records side's; this file only moves documents.
 */
import type { DataArea } from '../../../shared/contract/dataAreas.ts';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from './localStore.ts';

export interface RoundContext {
  db: Db;
  store: Store;
  machineId: string;
  now: () => Date;
  log: Logger;
  appSchema: number;
  backupsDir: string;
  /** This machine's clock minus the hub's (ms), 0 until measured. */
  clockOffsetMs: number;
}

/** The hub's minimum schema allowed to write (`meta:minimum-schema`), 0 when it sets none. */
export async function minimumSchema(store: Store): Promise<number> {
  try {
    const doc = await store.get<{ schema?: unknown }>('meta:minimum-schema');
    return typeof doc.schema === 'number' ? doc.schema : 0;
  } catch {
    return 0;
  }
}

export async function drainOutbox(_ctx: RoundContext): Promise<void> {
  // Wired to the records side's outbox once merged.
}

export async function applyStoreChanges(_ctx: RoundContext): Promise<DataArea[]> {
  return [];
}

export function unsentCount(_db: Db): number {
  return 0;
}

export function setSharing(_db: Db, _on: boolean): void {}
export function queueAllShared(_db: Db, _now: () => Date): void {}
export function removeSharedRecords(_db: Db): void {}
export function forgetSharing(_db: Db): void {}
