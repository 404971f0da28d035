import type { UnsentChange } from '../../../shared/domain/syncCheck.ts';
import { syncFieldLabels } from '../../../shared/messages/syncMessages.ts';
import { syncRepairMessages } from '../../../shared/messages/syncRepairMessages.ts';
import { statement, type Db } from '../db/connection.ts';
import { recordLabel } from './checkAndRepair.ts';
import { readSharedRow } from './outbox.ts';
import { parseRecordDocId } from './sharedFields.ts';

/** The list shows this many; the count covers all. */
const listed = 200;

/**
 * The records this machine changed and has not handed to its store yet, newest first: listed
 * before a restore, which would lose them (changes already in the store still go to the hub).
 */
export function unsentChanges(db: Db): { count: number; items: UnsentChange[] } {
  const rows = statement(
    db,
    "SELECT doc_id, json_group_array(field) AS fields, max(changed_at) AS changed_at FROM sync_outbox WHERE doc_id NOT LIKE 'notice:%' GROUP BY doc_id ORDER BY max(changed_at) DESC",
  ).all() as { doc_id: string; fields: string; changed_at: string }[];
  const items: UnsentChange[] = [];
  for (const row of rows.slice(0, listed)) {
    const record = parseRecordDocId(row.doc_id);
    if (!record) continue;
    const fields = JSON.parse(row.fields) as string[];
    const labels = syncFieldLabels[record.table] ?? {};
    items.push({
      docId: row.doc_id,
      recordKind: syncRepairMessages.recordKinds[record.table]!,
      recordLabel: recordLabel(record.table, readSharedRow(db, record.table, record.id), undefined),
      fieldLabels: fields.includes('*') ? [] : fields.flatMap((f) => (labels[f] ? [labels[f]] : [])),
      changedAt: row.changed_at,
    });
  }
  return { count: rows.length, items };
}
