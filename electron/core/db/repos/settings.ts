import { defaultCounterIdleMinutes, defaultSyncStaleDays, type Settings } from '../../../../shared/domain/settings.ts';
import { statement, type Db } from '../connection.ts';

function read(db: Db, key: string): string | undefined {
  return (statement(db, 'SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

function write(db: Db, key: string, value: string | null): void {
  if (value === null) statement(db, 'DELETE FROM app_meta WHERE key = ?').run(key);
  else statement(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function readSettings(db: Db): Settings {
  return {
    receiptPrefix: read(db, 'receipt_prefix') ?? 'A',
    currentStaffId: read(db, 'current_staff_id') ?? null,
    dateStyle: read(db, 'date_style') === 'japanese' ? 'japanese' : 'western',
    syncStaleDays: Number(read(db, 'sync_stale_days') ?? defaultSyncStaleDays),
    counterIdleMinutes: Number(read(db, 'counter_idle_minutes') ?? defaultCounterIdleMinutes),
  };
}

export function updateSettings(db: Db, patch: Partial<Settings>): Settings {
  db.transaction(() => {
    if (patch.receiptPrefix !== undefined) write(db, 'receipt_prefix', patch.receiptPrefix);
    if (patch.currentStaffId !== undefined) write(db, 'current_staff_id', patch.currentStaffId);
    if (patch.dateStyle !== undefined) write(db, 'date_style', patch.dateStyle);
    if (patch.syncStaleDays !== undefined) write(db, 'sync_stale_days', String(patch.syncStaleDays));
    if (patch.counterIdleMinutes !== undefined) write(db, 'counter_idle_minutes', String(patch.counterIdleMinutes));
  })();
  return readSettings(db);
}

export function readMachineId(db: Db): string {
  const id = read(db, 'machine_id');
  if (!id) throw new Error('machine_id missing from app_meta');
  return id;
}
