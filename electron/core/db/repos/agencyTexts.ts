import { agencyTextKeys, initialAgencyTexts, type AgencyTexts, type AgencyTextUpdate } from '../../../../shared/domain/agencyTexts.ts';
import { agencyTextMessages } from '../../../../shared/messages/agencyTextMessages.ts';
import { AppError } from '../../errors.ts';
import { statement, type Db } from '../connection.ts';
import type { WriteContext } from './writeContext.ts';

interface VersionRow {
  key: string;
  version: number;
  value: string;
  created_at: string;
}

/** Each text at its newest version; a key never edited keeps its initial text (version 0). */
export function readAgencyTexts(db: Db): AgencyTexts {
  const texts = initialAgencyTexts();
  const rows = statement(
    db,
    `SELECT key, version, value, created_at FROM agency_text_versions v
     WHERE version = (SELECT max(version) FROM agency_text_versions WHERE key = v.key)`,
  ).all() as VersionRow[];
  for (const row of rows) {
    const key = agencyTextKeys.find((k) => k === row.key);
    // A key a later version of the app added is kept in the file but not shown here.
    if (key) texts[key] = { key, value: row.value, version: row.version, updatedAt: row.created_at };
  }
  return texts;
}

/**
 * Saves a new version of one text. Refused when someone saved another version since staff
 * opened the form: the older screen must not silently replace what the other counter wrote.
 */
export function updateAgencyText(db: Db, update: AgencyTextUpdate, ctx: WriteContext): AgencyTexts {
  const now = (ctx.now?.() ?? new Date()).toISOString();
  db.transaction(() => {
    const current = readAgencyTexts(db)[update.key];
    if (current.version !== update.expectedVersion) throw new AppError('CONFLICT', agencyTextMessages.versionChanged);
    statement(db, 'INSERT INTO agency_text_versions (key, version, value, staff_id, created_at, machine) VALUES (?, ?, ?, ?, ?, ?)').run(
      update.key,
      current.version + 1,
      update.value.trim(),
      ctx.staffId ?? null,
      now,
      ctx.machineId,
    );
  })();
  return readAgencyTexts(db);
}
