import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clinicInputSchema, type ClinicInput } from '../../shared/domain/clinic.ts';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic, setClinicArchived, updateClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import { findDuplicateClinics } from '../../electron/core/db/repos/clinicDuplicates.ts';
import { changeInquiryStatus, createInquiry, getInquiry, homeSummary, inquiryHistory, listInquiries, updateInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { updateSettings } from '../../electron/core/db/repos/settings.ts';
import { createStaff } from '../../electron/core/db/repos/staff.ts';
import { tempDir } from '../helpers/tempDir.ts';

function freshDb(): Db {
  const db = openDatabase(path.join(tempDir(), 'records.sqlite3'));
  migrate(db, migrations);
  return db;
}

const ctx = { machineId: 'machine-a' };
const clinic = (input: ClinicInput) => clinicInputSchema.parse(input);
const search = (db: Db, query: string, includeArchived = false) => findClinics(db, { query, limit: 50, includeArchived }).items.map((c) => c.name);

describe('clinics: archive, restore, edit', () => {
  it('archived clinics disappear from search but come back when restored', () => {
    const db = freshDb();
    const saved = createClinic(db, clinic({ name: '霧島眼科' }), ctx);
    setClinicArchived(db, saved.id, true, ctx);
    expect(search(db, '霧島')).toEqual([]);
    expect(search(db, '霧島', true)).toEqual(['霧島眼科']);
    setClinicArchived(db, saved.id, false, ctx);
    expect(search(db, '霧島')).toEqual(['霧島眼科']);
  });

  it('an edit is found by its new name and no longer by its old one', () => {
    const db = freshDb();
    const saved = createClinic(db, clinic({ name: '旧名医院' }), ctx);
    updateClinic(db, saved.id, clinic({ name: '新名クリニック', phone: '0992548126' }), ctx, saved.revision);
    expect(search(db, '旧名')).toEqual([]);
    expect(search(db, '旧名医院')).toEqual([]);
    expect(search(db, '新名')).toEqual(['新名クリニック']);
    expect(search(db, '254-8126')).toEqual(['新名クリニック']);
  });

  it('refuses a 会員番号 that another clinic already has, naming the field', () => {
    const db = freshDb();
    createClinic(db, clinic({ name: 'A医院', memberNumber: '12345' }), ctx);
    expect(() => createClinic(db, clinic({ name: 'B医院', memberNumber: '１２３４５' }), ctx)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', fields: { memberNumber: expect.stringContaining('会員番号') } }),
    );
  });

  it('finds a clinic by its 会員番号 and by its address', () => {
    const db = freshDb();
    createClinic(db, clinic({ name: '医師会館診療所', memberNumber: '004711', address: '鹿児島県鹿児島市中央町8-1' }), ctx);
    expect(search(db, '004711')).toEqual(['医師会館診療所']);
    expect(search(db, '中央町')).toEqual(['医師会館診療所']);
  });
});

describe('possible duplicates', () => {
  it('are found by 会員番号, phone number typed differently, or the normalised name', () => {
    const db = freshDb();
    const saved = createClinic(db, clinic({ name: 'カゴシマ中央クリニック', phone: '099-254-8126', memberNumber: '777' }), ctx);
    expect(findDuplicateClinics(db, { name: '別の名前', phone: '', memberNumber: '777' }, undefined)).toEqual([
      { clinic: expect.objectContaining({ id: saved.id }), reasons: ['memberNumber'] },
    ]);
    expect(findDuplicateClinics(db, { name: 'ｶｺﾞｼﾏ 中央 ｸﾘﾆｯｸ', phone: '(099)254-8126', memberNumber: '' }, undefined)[0]?.reasons).toEqual(['phone', 'name']);
  });

  it('do not include the clinic being edited', () => {
    const db = freshDb();
    const saved = createClinic(db, clinic({ name: '中央医院', phone: '099-254-8126' }), ctx);
    expect(findDuplicateClinics(db, { name: '中央医院', phone: '099-254-8126', memberNumber: '' }, saved.id)).toEqual([]);
  });
});

/** The revision a form would have been opened with: the record as it is now. */
const revisionOf = (db: Db, id: string) => getInquiry(db, id)!.revision;

describe('inquiries', () => {
  it('number inquiries per machine prefix and year, never reusing a number', () => {
    const db = freshDb();
    const c = createClinic(db, clinic({ name: '中央医院' }), ctx);
    const fields = { channel: 'phone' as const, content: '', nextActionOn: null, staffId: null };
    expect(createInquiry(db, c.id, { ...fields, receivedOn: '2026-12-28' }, ctx).receiptNumber).toBe('A-2026-0001');
    expect(createInquiry(db, c.id, { ...fields, receivedOn: '2026-12-28' }, ctx).receiptNumber).toBe('A-2026-0002');
    expect(createInquiry(db, c.id, { ...fields, receivedOn: '2027-01-04' }, ctx).receiptNumber).toBe('A-2027-0001');
    updateSettings(db, { receiptPrefix: 'B' });
    expect(createInquiry(db, c.id, { ...fields, receivedOn: '2026-12-28' }, ctx).receiptNumber).toBe('B-2026-0001');
  });

  it('keeps every 状況 change with its time, staff member and reason', () => {
    const db = freshDb();
    // Presenting a quote is solicitation: the 担当 is a notified solicitor.
    const staff = createStaff(db, '窓口 花子', ctx, { solicitorId: 'A1234567', notifiedOn: '2020-04-01', qualification: null, qualificationExpiresOn: null });
    const withStaff = { ...ctx, staffId: staff.id };
    const c = createClinic(db, clinic({ name: '中央医院' }), ctx);
    const inquiry = createInquiry(db, c.id, { receivedOn: '2026-11-24', channel: 'counter', content: '', nextActionOn: null, staffId: staff.id }, withStaff);
    changeInquiryStatus(db, inquiry.id, { to: 'quote_presented', reason: '', expectedRevision: revisionOf(db, inquiry.id) }, withStaff);
    expect(() => changeInquiryStatus(db, inquiry.id, { to: 'materials_sent', reason: ' ', expectedRevision: revisionOf(db, inquiry.id) }, withStaff)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', fields: { reason: '理由を入力してください' } }),
    );
    changeInquiryStatus(db, inquiry.id, { to: 'materials_sent', reason: '見積の前に資料を再送', expectedRevision: revisionOf(db, inquiry.id) }, withStaff);
    changeInquiryStatus(db, inquiry.id, { to: 'declined', reason: '', expectedRevision: revisionOf(db, inquiry.id) }, withStaff);
    const history = inquiryHistory(db, inquiry.id);
    expect(history.map((h) => [h.from, h.to, h.reason, h.staffName])).toEqual([
      [null, 'new', '', '窓口 花子'],
      ['new', 'quote_presented', '', '窓口 花子'],
      ['quote_presented', 'materials_sent', '見積の前に資料を再送', '窓口 花子'],
      ['materials_sent', 'declined', '', '窓口 花子'],
    ]);
  });

  it('refuse a 次回対応日 before 受付日 on registering, editing and changing only the date, and keep the inquiry as it was', () => {
    const db = freshDb();
    const c = createClinic(db, clinic({ name: '日置こども医院' }), ctx);
    const fields = { receivedOn: '2026-11-20', channel: 'phone' as const, content: '', nextActionOn: '2025-11-27', staffId: null };
    const refused = expect.objectContaining({ code: 'INVALID_INPUT', fields: { nextActionOn: '次回対応日は受付日以降の日にしてください' } });
    expect(() => createInquiry(db, c.id, fields, ctx)).toThrow(refused);
    const inquiry = createInquiry(db, c.id, { ...fields, nextActionOn: '2026-11-20' }, ctx);
    expect(() => updateInquiry(db, inquiry.id, fields, ctx, inquiry.revision)).toThrow(refused);
    expect(() => changeInquiryStatus(db, inquiry.id, { to: 'new', reason: '', nextActionOn: '2026-11-19', expectedRevision: inquiry.revision }, ctx)).toThrow(refused);
    expect(getInquiry(db, inquiry.id)).toMatchObject({ nextActionOn: '2026-11-20', revision: inquiry.revision });
    // The date alone moves; the 状況 and its history stay.
    const moved = changeInquiryStatus(db, inquiry.id, { to: 'new', reason: '', nextActionOn: '2026-11-27', expectedRevision: inquiry.revision }, ctx);
    expect(moved).toMatchObject({ status: 'new', nextActionOn: '2026-11-27' });
    expect(inquiryHistory(db, inquiry.id)).toHaveLength(1);
  });

  it('find inquiries by the clinic’s name in either script, part of a 受付番号, or words of the 内容', () => {
    const db = freshDb();
    const sakura = createClinic(db, clinic({ name: '桜島みなと内科', nameKana: 'さくらじまみなとないか' }), ctx);
    const kirishima = createClinic(db, clinic({ name: '霧島眼科', nameKana: 'きりしまがんか' }), ctx);
    const add = (clinicId: string, content: string) =>
      createInquiry(db, clinicId, { receivedOn: '2026-11-20', channel: 'phone', content, nextActionOn: null, staffId: null }, ctx).receiptNumber;
    const first = add(sakura.id, 'パンフレット希望');
    const second = add(kirishima.id, '100%補償の相談');
    const find = (text: string) => listInquiries(db, { today: '2026-11-24', limit: 10, text }).items.map((i) => i.receiptNumber).sort();
    expect(find('サクラジマ')).toEqual([first]);
    expect(find('霧島')).toEqual([second]);
    expect(find('ﾊﾟﾝﾌ')).toEqual([]); // 内容 is matched as written…
    expect(find('パンフ')).toEqual([first]);
    expect(find('0002')).toEqual([second]); // …and a 受付番号 by any part of it.
    expect(find('a-2026')).toEqual([first, second]);
    // % and _ are words here, not wildcards.
    expect(find('100%')).toEqual([second]);
    expect(find('%')).toEqual([second]);
    expect(listInquiries(db, { today: '2026-11-24', limit: 10, text: '霧島' }).total).toBe(1);
  });

  it('list due and overdue follow-ups first, then the newest', () => {
    const db = freshDb();
    const c = createClinic(db, clinic({ name: '中央医院' }), ctx);
    const add = (receivedOn: string, nextActionOn: string | null) =>
      createInquiry(db, c.id, { receivedOn, channel: 'phone', content: '', nextActionOn, staffId: null }, ctx).receiptNumber;
    const later = add('2026-11-20', '2026-12-01');
    const overdue = add('2026-11-01', '2026-11-10');
    const newest = add('2026-11-24', null);
    const dueToday = add('2026-11-02', '2026-11-24');
    const closedId = createInquiry(db, c.id, { receivedOn: '2026-10-01', channel: 'phone', content: '', nextActionOn: '2026-10-05', staffId: null }, ctx);
    changeInquiryStatus(db, closedId.id, { to: 'declined', reason: '', expectedRevision: revisionOf(db, closedId.id) }, ctx);
    const order = listInquiries(db, { today: '2026-11-24', limit: 10 }).items.map((i) => i.receiptNumber);
    // A closed inquiry with an old date is not a follow-up: it sorts with the rest by 受付日.
    expect(order).toEqual([overdue, dueToday, newest, later, closedId.receiptNumber]);
    expect(homeSummary(db, '2026-11-24').due.map((i) => i.receiptNumber)).toEqual([overdue, dueToday]);
  });
});
