/**
 * 点検と修復, the repair: after a verified backup, each record the check found wrong here takes
 * the hub's document (or goes, when it was deleted there), a batch per transaction with the
 * outbox quiet, so nothing repaired is sent back as a new edit. A record only this machine holds
 * is queued to send instead (a record is never lost). Records with an unsent edit here, and those
 * still being exchanged, are left alone.
 */
import { syncRepairMessages } from '../../../shared/messages/syncRepairMessages.ts';
import type { BackupInfo } from '../backup/backups.ts';
import { createBackup } from '../backup/backups.ts';
import { statement, type Db } from '../db/connection.ts';
import { checkSharedRecords, throwIfCancelled, type CheckProgress, type Difference } from './checkAndRepair.ts';
import type { Store } from './localStore.ts';
import { unsentFields } from './outbox.ts';
import { applyRemoteDeletion, applyRemoteRecord, type RowOutcome } from './remoteRows.ts';
import { childFirstTables, sharedTableShapes } from './sharedFields.ts';
import { setApplying } from './syncState.ts';

export interface RepairOutcome {
  repaired: number;
  queued: number;
  left: number;
  unsentLeftAlone: number;
  backup: BackupInfo | null;
  message: string;
}

const batchSize = 500;

/** Parents before children for rows written, children before parents for rows removed. */
function repairOrder(d: Difference): number {
  const rank = childFirstTables.indexOf(d.table);
  return d.kind === 'removedOnHub' ? rank : 100 - rank;
}

function repairOne(db: Db, d: Difference, hubNowMs: number): RowOutcome | 'queued' {
  // An edit made here since the check goes out as it is.
  if (unsentFields(db, d.docId).size > 0) return 'skipped';
  if (d.kind === 'removedOnHub') return applyRemoteDeletion(db, d.table, d.id, d.docId);
  if (d.kind === 'neverSent') {
    const editedAt = sharedTableShapes[d.table].editedAt;
    statement(db, `INSERT OR IGNORE INTO sync_outbox (doc_id, field, changed_at) SELECT ?, '*', ${editedAt} FROM ${d.table} WHERE id = ?`).run(d.docId, d.id);
    return 'queued';
  }
  return applyRemoteRecord(db, d.table, d.id, d.hub!, hubNowMs);
}

/**
 * Checks, takes a verified backup when anything is to be repaired, then repairs. A record that
 * waits for another (an inquiry whose clinic is repaired in the same run) is tried again until
 * a pass repairs nothing more.
 */
export async function repairFromHub(
  db: Db,
  stores: { local: Store; hub: Store },
  deps: { backupsDir: string; now: () => Date },
  options: CheckProgress = {},
): Promise<RepairOutcome> {
  const check = await checkSharedRecords(db, stores, options);
  let todo = check.differences.filter((d) => d.kind !== 'notExchanged').sort((a, b) => repairOrder(a) - repairOrder(b));
  const waiting = check.differences.length - todo.length;
  if (todo.length === 0) return { repaired: 0, queued: 0, left: waiting, unsentLeftAlone: check.unsentLeftAlone, backup: null, message: syncRepairMessages.nothingToRepair };
  // 中止 is honoured up to here; once the backup is taken the repair runs to its end (a batch per transaction).
  throwIfCancelled(options.signal);
  const backup = await createBackup(db, deps.backupsDir, 'before-repair', deps.now());
  let repaired = 0;
  let queued = 0;
  for (;;) {
    const again: Difference[] = [];
    for (let i = 0; i < todo.length; i += batchSize) {
      const batch = todo.slice(i, i + batchSize);
      db.transaction(() => {
        setApplying(db, true);
        for (const d of batch) {
          const outcome = repairOne(db, d, deps.now().getTime());
          if (outcome === 'applied') repaired++;
          else if (outcome === 'queued') queued++;
          else if (outcome !== 'skipped') again.push(d);
        }
        setApplying(db, false);
      })();
    }
    if (again.length === 0 || again.length === todo.length) {
      todo = again;
      break;
    }
    todo = again;
  }
  const left = todo.length + waiting;
  const message = [syncRepairMessages.repairBackup, syncRepairMessages.repaired(repaired, queued), ...(left > 0 ? [syncRepairMessages.repairLeft(left)] : [])].join('');
  return { repaired, queued, left, unsentLeftAlone: check.unsentLeftAlone, backup, message };
}
