import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { readRetentionSetting, updateRetentionYears } from '../../electron/core/db/repos/agencySettings.ts';
import { createClinic, getClinic, setClinicArchived } from '../../electron/core/db/repos/clinicRecords.ts';
import { changeInquiryStatus, createInquiry, getInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { purgeArchived, purgeExpired, purgePreview } from '../../electron/core/db/repos/purge.ts';
import { expiredRecords } from '../../electron/core/db/repos/retention.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import type { InquiryStatus } from '../../shared/domain/inquiry.ts';
import { retentionMessages } from '../../shared/messages/retentionMessages.ts';
import { readyForContract } from '../helpers/readyForContract.ts';
import { tempDir } from '../helpers/tempDir.ts';

function open(): Db {
  const db = openDatabase(path.join(tempDir(), 'live.sqlite3'));
  migrate(db, migrations);
  return db;
}

/** A clinic with one inquiry taken through `steps` (Japanese dates at noon), then archived. */
function archivedClinicWith(db: Db, name: string, steps: [InquiryStatus, string][]): { clinicId: string; inquiryId: string } {
  const at = (date: string) => ({ machineId: 'm', now: () => new Date(`${date}T03:00:00Z`) });
  const clinic = createClinic(db, clinicInputSchema.parse({ name }), at('2019-01-07'));
  let inquiry = createInquiry(db, clinic.id, { receivedOn: '2019-01-07', channel: 'phone', content: '', nextActionOn: null, staffId: null }, at('2019-01-07'));
  for (const [to, date] of steps) {
    // 申込 and 成約 come only after the steps the gate asks for, taken that day.
    if ((to === 'applied' || to === 'contracted') && inquiry.staffId === null) {
      readyForContract(db, inquiry.id, { machineId: 'm' }, date);
      inquiry = getInquiry(db, inquiry.id)!;
    }
    inquiry = changeInquiryStatus(db, inquiry.id, { to, reason: '', expectedRevision: inquiry.revision }, at(date));
  }
  setClinicArchived(db, clinic.id, true, at('2024-01-05'));
  return { clinicId: clinic.id, inquiryId: inquiry.id };
}

describe('完全削除 and the retention period', () => {
  it('keeps records of inquiries that reached 成約 within the period, saying how many and until when, and purges the rest', () => {
    const db = open();
    const contracted = archivedClinicWith(db, '成約した医院', [['applied', '2026-03-20'], ['contracted', '2026-04-01']]);
    const contractedLater = archivedClinicWith(db, 'あとで成約した医院', [['contracted', '2026-09-10']]);
    const declined = archivedClinicWith(db, '見送りの医院', [['declined', '2025-05-01']]);

    const preview = purgePreview(db, '2026-12-04');
    expect(preview).toMatchObject({ clinics: 1, inquiries: 1, keptClinics: 2, retained: { count: 2, earliestEndsOn: '2031-04-01', years: 5 } });
    expect(retentionMessages.retained(preview.retained.count, preview.retained.years, preview.retained.earliestEndsOn!)).toBe(
      '成約から5年の保存期間中の記録が2件あるため、完全削除できません（最も早いもので2031年4月1日まで）',
    );
    const result = purgeArchived(db, '2026-12-04');
    expect(result.retained.count).toBe(2);
    expect(getClinic(db, declined.clinicId)).toBeUndefined();
    expect(getInquiry(db, declined.inquiryId)).toBeUndefined();
    for (const kept of [contracted, contractedLater]) {
      expect(getClinic(db, kept.clinicId)).toBeDefined();
      expect(getInquiry(db, kept.inquiryId)).toBeDefined();
    }
  });

  it('counts an application that never became a contract from its 申込 date', () => {
    const db = open();
    const withdrawn = archivedClinicWith(db, '申込後に見送った医院', [['applied', '2025-06-30'], ['declined', '2025-08-01']]);
    expect(purgePreview(db, '2026-12-04')).toMatchObject({ clinics: 0, inquiries: 0, retained: { count: 1, earliestEndsOn: '2030-06-30', years: 5 } });
    purgeArchived(db, '2026-12-04');
    expect(getInquiry(db, withdrawn.inquiryId)).toBeDefined();
    expect(purgePreview(db, '2030-07-01')).toMatchObject({ clinics: 1, inquiries: 1, retained: { count: 0 } });
  });

  it('lets the records of a cancelled contract go the day after the period ends, with the period set in 設定', () => {
    const db = open();
    const contracted = archivedClinicWith(db, '解約した医院', [['contracted', '2026-04-01'], ['declined', '2026-10-01']]);
    expect(purgePreview(db, '2031-04-01').retained.count).toBe(1);
    expect(purgePreview(db, '2031-04-02')).toMatchObject({ clinics: 1, inquiries: 1, retained: { count: 0, earliestEndsOn: null } });
    updateRetentionYears(db, 7, { machineId: 'm' });
    expect(readRetentionSetting(db).years).toBe(7);
    expect(purgePreview(db, '2031-04-02').retained).toEqual({ count: 1, earliestEndsOn: '2033-04-01', years: 7 });
    purgeArchived(db, '2033-04-02');
    expect(getClinic(db, contracted.clinicId)).toBeUndefined();
  });

  it('offers 成約 records past their period in 保存期間を過ぎた記録 and deletes exactly those, with their archived clinic', () => {
    const db = open();
    const old = archivedClinicWith(db, '古い成約の医院', [['contracted', '2019-03-01']]);
    const recent = archivedClinicWith(db, '新しい成約の医院', [['contracted', '2026-03-01']]);
    const expired = expiredRecords(db, '2026-12-04');
    expect(expired).toEqual([expect.objectContaining({ inquiryId: old.inquiryId, clinicName: '古い成約の医院', startedOn: '2019-03-01', endedOn: '2024-03-01', contracted: true })]);
    expect(() => purgeExpired(db, '2026-12-04', [old.inquiryId, recent.inquiryId])).toThrow(retentionMessages.expiredChanged);
    expect(getInquiry(db, old.inquiryId)).toBeDefined();
    expect(purgeExpired(db, '2026-12-04', [old.inquiryId])).toEqual({ inquiries: 1, clinics: 1 });
    expect(getClinic(db, old.clinicId)).toBeUndefined();
    expect(getInquiry(db, recent.inquiryId)).toBeDefined();
    expect(expiredRecords(db, '2026-12-04')).toEqual([]);
  });
});
