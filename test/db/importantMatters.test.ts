import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic, setClinicArchived } from '../../electron/core/db/repos/clinicRecords.ts';
import { handoversOf, importantMattersHandedOver, recordHandover, withdrawHandover } from '../../electron/core/db/repos/importantMatters.ts';
import { changeInquiryStatus, createInquiry, getInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { purgeArchived } from '../../electron/core/db/repos/purge.ts';
import { updateSettings } from '../../electron/core/db/repos/settings.ts';
import { createStaff } from '../../electron/core/db/repos/staff.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { recordHandoverInputSchema } from '../../shared/domain/importantMatters.ts';
import { tempDir } from '../helpers/tempDir.ts';

const ctx = { machineId: 'machine-a', now: () => new Date('2026-12-03T01:00:00Z') };

function setUp(): { db: Db; inquiryId: string; clinicId: string } {
  const db = openDatabase(path.join(tempDir(), 'matters.sqlite3'));
  migrate(db, migrations);
  const clinic = createClinic(db, clinicInputSchema.parse({ name: '霧島中央クリニック' }), ctx);
  const inquiry = createInquiry(db, clinic.id, { receivedOn: '2026-11-20', channel: 'phone', content: '', nextActionOn: null, staffId: null }, ctx);
  return { db, inquiryId: inquiry.id, clinicId: clinic.id };
}

const handover = (inquiryId: string, fields: Partial<{ handedOn: string; method: 'hand' | 'post' | 'fax' | 'email' }> = {}) =>
  recordHandoverInputSchema.parse({ inquiryId, handedOn: '2026-12-01', docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'hand', ...fields });

describe('重要事項説明書の交付 records', () => {
  it('lists a recorded handover with its version, method and the person at the counter then, and counts it as handed over', () => {
    const { db, inquiryId } = setUp();
    const staff = createStaff(db, '山田 花子', ctx);
    updateSettings(db, { currentStaffId: staff.id });
    expect(importantMattersHandedOver(db, inquiryId)).toBe(false);
    recordHandover(db, handover(inquiryId, { method: 'fax' }), ctx);
    const [listed] = handoversOf(db, inquiryId);
    expect(listed).toMatchObject({ handedOn: '2026-12-01', docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'fax', withdrawal: null });
    expect(listed!.actor).toMatchObject({ staffId: staff.id, name: '山田 花子' });
    expect(importantMattersHandedOver(db, inquiryId)).toBe(true);
  });

  it('refuses a day after today or before the inquiry was received, in Japanese, and records nothing', () => {
    const { db, inquiryId } = setUp();
    expect(() => recordHandover(db, handover(inquiryId, { handedOn: '2026-12-04' }), ctx)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', fields: { handedOn: expect.stringContaining('今日（2026-12-03）より後') } }),
    );
    expect(() => recordHandover(db, handover(inquiryId, { handedOn: '2026-11-19' }), ctx)).toThrow(
      expect.objectContaining({ fields: { handedOn: expect.stringContaining('受付日（2026-11-20）より前') } }),
    );
    expect(handoversOf(db, inquiryId)).toEqual([]);
  });

  it('a withdrawal keeps the handover listed, marked with its reason, and it no longer counts', () => {
    const { db, inquiryId } = setUp();
    const first = recordHandover(db, handover(inquiryId), ctx);
    withdrawHandover(db, { inquiryId, handoverId: first.id, reason: '別の問い合わせに記録した' }, ctx);
    expect(handoversOf(db, inquiryId)).toEqual([expect.objectContaining({ id: first.id, withdrawal: expect.objectContaining({ reason: '別の問い合わせに記録した' }) })]);
    expect(importantMattersHandedOver(db, inquiryId)).toBe(false);
    recordHandover(db, handover(inquiryId, { method: 'post' }), ctx);
    expect(importantMattersHandedOver(db, inquiryId)).toBe(true);
    expect(() => withdrawHandover(db, { inquiryId, handoverId: first.id, reason: '二度目' }, ctx)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('refuses to edit or delete a record in the database itself (insert-only)', () => {
    const { db, inquiryId } = setUp();
    recordHandover(db, handover(inquiryId), ctx);
    expect(() => db.prepare("UPDATE important_matters_handovers SET method = 'post'").run()).toThrow(/insert-only/);
    expect(() => db.prepare('DELETE FROM important_matters_handovers').run()).toThrow(/insert-only/);
    expect(handoversOf(db, inquiryId)).toEqual([expect.objectContaining({ method: 'hand' })]);
  });

  it('go with their inquiry when its archived clinic is purged (完全削除)', () => {
    const { db, inquiryId, clinicId } = setUp();
    recordHandover(db, handover(inquiryId), ctx);
    changeInquiryStatus(db, inquiryId, { to: 'declined', reason: '', expectedRevision: getInquiry(db, inquiryId)!.revision }, ctx);
    // While the clinic is in use the record stays, whatever the inquiry's 状況.
    expect(() => db.prepare('DELETE FROM important_matters_handovers').run()).toThrow(/insert-only/);
    setClinicArchived(db, clinicId, true, ctx);
    expect(purgeArchived(db).inquiries).toBe(1);
    expect(db.prepare('SELECT count(*) FROM important_matters_handovers').pluck().get()).toBe(0);
  });
});
