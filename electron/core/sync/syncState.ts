import { statement, type Db } from '../db/connection.ts';
import { setOutboxTriggers } from './outboxTriggers.ts';

/** The one row of sync state (migration 11). */
export interface SyncStateRow {
  /** This machine shares its records: the outbox triggers queue every change. */
  sharing: boolean;
  /** Remote documents are being applied: the triggers queue nothing meanwhile. */
  applying: boolean;
  /** The last write counter this machine gave a document (the `c` of its stamps). */
  writeCounter: number;
  /** The local store's changes-feed `seq` up to which documents were applied, or null. */
  checkpoint: string | null;
}

export function readSyncState(db: Db): SyncStateRow {
  const row = statement(db, 'SELECT sharing, applying, write_counter, checkpoint FROM sync_state WHERE id = 1').get() as {
    sharing: number; applying: number; write_counter: number; checkpoint: string | null;
  };
  return { sharing: row.sharing === 1, applying: row.applying === 1, writeCounter: row.write_counter, checkpoint: row.checkpoint };
}

/**
 * Turns the outbox on or off, with the triggers that fill it. Turning it off also forgets what was queued and the checkpoint:
 * leaving sharing keeps every record, and joining again starts from the hub afresh.
 */
export function setSharing(db: Db, on: boolean): void {
  db.transaction(() => {
    statement(db, 'UPDATE sync_state SET sharing = ? WHERE id = 1').run(on ? 1 : 0);
    setOutboxTriggers(db, on);
    if (!on) {
      statement(db, 'DELETE FROM sync_outbox').run();
      statement(db, 'DELETE FROM sync_pending').run();
      statement(db, 'UPDATE sync_state SET checkpoint = NULL WHERE id = 1').run();
    }
  })();
}

/** The next write counter of this machine, committed before it is used so it is never given twice. */
export function nextWriteCounter(db: Db): number {
  return (statement(db, 'UPDATE sync_state SET write_counter = write_counter + 1 WHERE id = 1 RETURNING write_counter').get() as { write_counter: number })
    .write_counter;
}

/**
 * Reserves `count` consecutive write counters in one write and returns the first: a drain of many
 * documents then pays for one durable write, not one per document (synchronous=FULL syncs each).
 */
export function reserveWriteCounters(db: Db, count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new Error('reserveWriteCounters needs a positive count');
  const last = (statement(db, 'UPDATE sync_state SET write_counter = write_counter + ? WHERE id = 1 RETURNING write_counter').get(count) as { write_counter: number })
    .write_counter;
  return last - count + 1;
}

export function readCheckpoint(db: Db): string | null {
  return readSyncState(db).checkpoint;
}

/** Stores the checkpoint; callers put it in the same transaction as the batch it ends. */
export function writeCheckpoint(db: Db, checkpoint: string): void {
  statement(db, 'UPDATE sync_state SET checkpoint = ? WHERE id = 1').run(checkpoint);
}

/** The switch that keeps the triggers quiet while remote documents are applied; inside the caller's transaction. */
export function setApplying(db: Db, applying: boolean): void {
  statement(db, 'UPDATE sync_state SET applying = ? WHERE id = 1').run(applying ? 1 : 0);
}
