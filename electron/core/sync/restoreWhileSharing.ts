/**
 * A backup restored on a machine that shares records. The backup's sharing state is not this
 * machine's any more: its hub settings, queue and checkpoint describe a past the hub has moved
 * past. So a restore keeps the live machine's sharing (hub settings, the switch, the write
 * counter, the times of the last sync and push, a rebuild left pending) and drops the backup's
 * queue, waiting documents and notices. The checkpoint goes: the store's documents are all applied
 * again, so the restored rows catch up with the hub and none of them is sent out as a new edit.
 * What this machine changed after the backup and had not sent yet is lost; staff see it listed
 * before they restore (unsentChanges).
 */
import type { Db } from '../db/connection.ts';
import { setOutboxTriggers } from './outboxTriggers.ts';

/** The live machine's sharing, carried into the restored copy. */
export interface SharingSetup {
  /** app_meta rows of sharing: hub_* (how to reach the hub) and sync_* (times, a pending rebuild). */
  meta: { key: string; value: string }[];
  sharing: boolean;
  writeCounter: number;
}

const sharingMetaKeys = "key LIKE 'hub\\_%' ESCAPE '\\' OR key LIKE 'sync\\_%' ESCAPE '\\'";

export function readSharingSetup(db: Db): SharingSetup {
  const state = db.prepare('SELECT sharing, write_counter FROM sync_state WHERE id = 1').get() as { sharing: number; write_counter: number };
  return {
    meta: db.prepare(`SELECT key, value FROM app_meta WHERE ${sharingMetaKeys}`).all() as SharingSetup['meta'],
    sharing: state.sharing === 1,
    writeCounter: state.write_counter,
  };
}

/** Writes the live machine's sharing into the restored copy (both at this app's schema), in one transaction. */
export function applySharingSetup(copy: Db, setup: SharingSetup): void {
  copy.transaction(() => {
    copy.prepare(`DELETE FROM app_meta WHERE ${sharingMetaKeys}`).run();
    const insert = copy.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)');
    for (const { key, value } of setup.meta) insert.run(key, value);
    copy.prepare('UPDATE sync_state SET sharing = ?, applying = 0, write_counter = max(write_counter, ?), checkpoint = NULL WHERE id = 1').run(setup.sharing ? 1 : 0, setup.writeCounter);
    copy.exec('DELETE FROM sync_outbox; DELETE FROM sync_pending; DELETE FROM sync_notices;');
    setOutboxTriggers(copy, setup.sharing);
  })();
}
