import type { Clinic, ClinicFields } from '../../../../shared/domain/clinic.ts';
import { normalizeForSearch } from '../../../../shared/text/normalizeForSearch.ts';
import { statement, type Db } from '../connection.ts';
import { clinicColumns, toClinic, type ClinicRow } from './clinicRows.ts';

export type DuplicateReason = 'memberNumber' | 'phone' | 'name';

/**
 * Clinics that may be the same institution as `fields`: same 会員番号, same phone number, or
 * the same name once normalised. Archived ones count too: re-registering one is the mistake.
 */
export function findDuplicateClinics(
  db: Db,
  fields: Pick<ClinicFields, 'name' | 'phone' | 'memberNumber'>,
  exceptId: string | undefined,
): { clinic: Clinic; reasons: DuplicateReason[] }[] {
  const found = new Map<string, { clinic: Clinic; reasons: DuplicateReason[] }>();
  const add = (rows: ClinicRow[], reason: DuplicateReason) => {
    for (const row of rows) {
      if (row.id === exceptId) continue;
      const entry = found.get(row.id) ?? { clinic: toClinic(row), reasons: [] };
      entry.reasons.push(reason);
      found.set(row.id, entry);
    }
  };
  if (fields.memberNumber !== '') {
    add(statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.member_number = ? LIMIT 5`).all(fields.memberNumber) as ClinicRow[], 'memberNumber');
  }
  const digits = normalizeForSearch(fields.phone);
  if (digits !== '') {
    add(statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.phone_digits = ? LIMIT 5`).all(digits) as ClinicRow[], 'phone');
  }
  const name = normalizeForSearch(fields.name);
  if (name !== '') {
    add(statement(db, `SELECT ${clinicColumns} FROM clinics c WHERE c.name_norm = ? LIMIT 5`).all(name) as ClinicRow[], 'name');
  }
  return [...found.values()];
}
