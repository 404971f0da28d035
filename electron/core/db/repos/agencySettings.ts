import { defaultRetentionYears, type RetentionSetting } from '../../../../shared/domain/retention.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';

/**
 * The agency's rules every machine applies alike, kept in the shared `agency_settings` table (one
 * row per setting; see sharedFields.ts): unlike app_meta's settings, which belong to one machine.
 * A setting without a row has its default.
 */
const retentionYearsKey = 'retention_years';

/** 保存期間 in years, and when it was last set (null: never, the default applies). */
export function readRetentionSetting(db: Db): RetentionSetting {
  const row = statement(db, 'SELECT value, updated_at FROM agency_settings WHERE id = ?').get(retentionYearsKey) as { value: string; updated_at: string } | undefined;
  const years = Number(row?.value);
  // A value another (newer) app wrote that this one cannot read falls back to the default, never to 0.
  if (!row || !Number.isInteger(years) || years < 1) return { years: defaultRetentionYears, updatedAt: null };
  return { years, updatedAt: row.updated_at };
}

export function updateRetentionYears(db: Db, years: number, ctx: WriteContext): RetentionSetting {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  statement(
    db,
    `INSERT INTO agency_settings (id, value, updated_at, updated_by, updated_by_staff) VALUES (@id, @value, @now, @machine, @staff)
     ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by, updated_by_staff = excluded.updated_by_staff
     WHERE value IS NOT excluded.value`,
  ).run({ id: retentionYearsKey, value: String(years), now, machine: ctx.machineId, staff: ctx.staffId ?? null });
  return readRetentionSetting(db);
}
