import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic, getClinic, setClinicArchived, updateClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { writeClinicImport } from '../../electron/core/db/repos/clinicImport.ts';
import { changeInquiryStatus, createInquiry, getInquiry, updateInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { createStaff, getStaff, updateStaff } from '../../electron/core/db/repos/staff.ts';
import { tempDir } from '../helpers/tempDir.ts';

function freshDb(): Db {
  const db = openDatabase(path.join(tempDir(), 'revisions.sqlite3'));
  migrate(db, migrations);
  return db;
}

const ctx = { machineId: 'machine-a' };
const clinic = (name: string, phone = '') => clinicInputSchema.parse({ name, phone });
const inquiryFields = { receivedOn: '2026-12-03', channel: 'phone' as const, content: '資料希望', nextActionOn: null, staffId: null };

describe('a form opened before another edit cannot undo it', () => {
  it('a clinic saved from a stale form is refused with CONFLICT and the newer edit stays', () => {
    const db = freshDb();
    const opened = createClinic(db, clinic('霧島眼科'), ctx);
    updateClinic(db, opened.id, clinic('霧島眼科', '0995-45-6789'), ctx, opened.revision);
    expect(() => updateClinic(db, opened.id, clinic('霧島眼科医院'), ctx, opened.revision)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(getClinic(db, opened.id)).toMatchObject({ name: '霧島眼科', phone: '0995-45-6789', revision: 2 });
  });

  it('archiving, restoring and a roster import each count as a change the form must have seen', () => {
    const db = freshDb();
    const opened = createClinic(db, clinic('霧島眼科'), ctx);
    setClinicArchived(db, opened.id, true, ctx);
    expect(() => updateClinic(db, opened.id, clinic('霧島眼科医院'), ctx, opened.revision)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    setClinicArchived(db, opened.id, false, ctx);
    writeClinicImport(db, { inserts: [], updates: [{ id: opened.id, fields: clinic('霧島眼科', '0995-45-0000') }] }, ctx);
    expect(getClinic(db, opened.id)!.revision).toBe(4);
    expect(updateClinic(db, opened.id, clinic('霧島眼科医院'), ctx, 4)).toMatchObject({ name: '霧島眼科医院', revision: 5 });
  });

  it('an inquiry edit or 状況 change from a stale copy is refused, and its history gains nothing', () => {
    const db = freshDb();
    const c = createClinic(db, clinic('中央医院'), ctx);
    const opened = createInquiry(db, c.id, inquiryFields, ctx);
    changeInquiryStatus(db, opened.id, { to: 'materials_sent', reason: '', expectedRevision: opened.revision }, ctx);
    expect(() => updateInquiry(db, opened.id, { ...inquiryFields, content: '古い画面の内容' }, ctx, opened.revision)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => changeInquiryStatus(db, opened.id, { to: 'declined', reason: '', expectedRevision: opened.revision }, ctx)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(getInquiry(db, opened.id)).toMatchObject({ status: 'materials_sent', content: '資料希望', revision: 2 });
    expect(db.prepare('SELECT count(*) AS n FROM inquiry_status_history WHERE inquiry_id = ?').get(opened.id)).toEqual({ n: 2 });
  });

  it('a staff rename from a stale list is refused; a missing record is still NOT_FOUND', () => {
    const db = freshDb();
    const opened = createStaff(db, '窓口 花子', ctx);
    updateStaff(db, opened.id, { active: false, expectedRevision: opened.revision }, ctx);
    expect(() => updateStaff(db, opened.id, { name: '窓口 はなこ', expectedRevision: opened.revision }, ctx)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(getStaff(db, opened.id)).toMatchObject({ name: '窓口 花子', active: false, revision: 2 });
    expect(() => updateStaff(db, 'no-such-id', { name: 'x', expectedRevision: 1 }, ctx)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
