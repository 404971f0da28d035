import type Database from 'better-sqlite3';
import { backupMadeAtKey } from './backupMadeAt.ts';
import { labelPrintOffsetKey } from '../db/repos/labelOffset.ts';

/**
 * What makes this PC this PC, kept across a restore: a backup from another machine (a USB stick
 * from the branch office) brings that machine's data, not its name. Two PCs with one machine id
 * or one receipt prefix would issue the same 受付番号.
 */
export interface MachineIdentity {
  machineId: string;
  receiptPrefix: string | null;
  /** The staff member chosen at this counter, with their row so the restored data knows them. */
  currentStaff: Record<string, unknown> | null;
  /** The highest receipt number issued per (prefix, year), so none is ever issued twice. */
  receiptSequences: { prefix: string; year: number; last: number }[];
  /** This PC's label printer offset (its printer's feed, not the data's). */
  labelPrintOffset?: string | null;
}

const meta = (db: Database.Database, key: string) => (db.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;

export function readMachineIdentity(db: Database.Database): MachineIdentity {
  const staffId = meta(db, 'current_staff_id');
  const machineId = meta(db, 'machine_id');
  if (!machineId) throw new Error('machine_id missing from app_meta');
  return {
    machineId,
    receiptPrefix: meta(db, 'receipt_prefix'),
    currentStaff: staffId === null ? null : ((db.prepare('SELECT * FROM staff WHERE id = ?').get(staffId) as Record<string, unknown> | undefined) ?? null),
    receiptSequences: db.prepare('SELECT prefix, year, last FROM receipt_sequences').all() as MachineIdentity['receiptSequences'],
    labelPrintOffset: meta(db, labelPrintOffsetKey),
  };
}

/**
 * Writes this machine's identity into a restored copy (both at the current schema version), in
 * one transaction: its id and prefix, its current staff member (their row added if the copy does
 * not have it), and for each receipt sequence the larger of the two counters.
 */
export function applyMachineIdentity(db: Database.Database, identity: MachineIdentity): void {
  const setMeta = db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    // Restored data is live data again: only backup copies carry the time they were taken.
    db.prepare('DELETE FROM app_meta WHERE key = ?').run(backupMadeAtKey);
    setMeta.run('machine_id', identity.machineId);
    if (identity.receiptPrefix === null) db.prepare("DELETE FROM app_meta WHERE key = 'receipt_prefix'").run();
    else setMeta.run('receipt_prefix', identity.receiptPrefix);
    const staff = identity.currentStaff;
    if (staff === null) {
      db.prepare("DELETE FROM app_meta WHERE key = 'current_staff_id'").run();
    } else {
      if (!db.prepare('SELECT 1 FROM staff WHERE id = ?').get(staff.id)) {
        // Column names come from this app's own live schema, which the copy now shares.
        const columns = Object.keys(staff);
        db.prepare(`INSERT INTO staff (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(staff));
      }
      setMeta.run('current_staff_id', String(staff.id));
    }
    if (identity.labelPrintOffset) setMeta.run(labelPrintOffsetKey, identity.labelPrintOffset);
    else db.prepare('DELETE FROM app_meta WHERE key = ?').run(labelPrintOffsetKey);
    const keepHighest = db.prepare('INSERT INTO receipt_sequences (prefix, year, last) VALUES (?, ?, ?) ON CONFLICT (prefix, year) DO UPDATE SET last = max(last, excluded.last)');
    for (const sequence of identity.receiptSequences) keepHighest.run(sequence.prefix, sequence.year, sequence.last);
  })();
}
