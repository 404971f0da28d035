import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import type { InquiryStatus } from '../../shared/domain/inquiry.ts';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { currentActor } from '../../electron/core/db/repos/actor.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { changeInquiryStatus, createInquiry, getInquiry, inquiryHistory, updateInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { updateSettings } from '../../electron/core/db/repos/settings.ts';
import { readyForContract } from '../helpers/readyForContract.ts';
import { createStaff, getStaff, listStaff, updateStaff } from '../../electron/core/db/repos/staff.ts';
import { tempDir } from '../helpers/tempDir.ts';

// 2026-06-01 in Japan.
const ctx = { machineId: 'machine-a', now: () => new Date('2026-06-01T01:00:00Z') };
const solicitorFields = { solicitorId: 'A1234567', notifiedOn: '2024-04-01', qualification: '損害保険募集人一般試験（基礎単位・損保商品単位）', qualificationExpiresOn: '2026-12-31' };
const none = { solicitorId: null, notifiedOn: null, qualification: null, qualificationExpiresOn: null };

function setUp() {
  const db = openDatabase(path.join(tempDir(), 'solicitors.sqlite3'));
  migrate(db, migrations);
  const solicitor = createStaff(db, '募集 太郎', ctx, solicitorFields);
  const clerk = createStaff(db, '山田 花子', ctx);
  const clinic = createClinic(db, clinicInputSchema.parse({ name: '中央医院' }), ctx);
  const inquiryFor = (staffId: string | null) =>
    createInquiry(db, clinic.id, { receivedOn: '2026-06-01', channel: 'phone', content: '', nextActionOn: null, staffId }, { ...ctx, staffId });
  return { db, solicitor, clerk, inquiryFor };
}

const revisionOf = (db: Db, id: string) => getInquiry(db, id)!.revision;
const move = (db: Db, id: string, to: InquiryStatus, reason = '', staffId: string | null = null) =>
  changeInquiryStatus(db, id, { to, reason, expectedRevision: revisionOf(db, id) }, { ...ctx, staffId });
const notSolicitorMessage = '山田 花子さんは募集人として登録されていないため、見積提示済以降の担当にはできません（募集人IDが未登録）。設定の担当者一覧で登録してください。';

describe('only solicitors are 担当 from 見積提示済 on', () => {
  it('moving to 見積提示済 with a clerk who is not a solicitor is refused, naming them and why, and nothing changes', () => {
    const { db, clerk, inquiryFor } = setUp();
    const inquiry = inquiryFor(clerk.id);
    expect(() => move(db, inquiry.id, 'quote_presented')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: notSolicitorMessage }));
    expect(getInquiry(db, inquiry.id)!.status).toBe('new');
    expect(inquiryHistory(db, inquiry.id)).toHaveLength(1);
  });

  it('skipping ahead to 申込 or 成約 is refused the same way, and with no 担当 at all', () => {
    const { db, clerk, inquiryFor } = setUp();
    const inquiry = inquiryFor(clerk.id);
    // 申込 and 成約 name every missing step in one refusal, the 担当's among them.
    expect(() => move(db, inquiry.id, 'applied')).toThrow(expect.objectContaining({ message: expect.stringContaining(notSolicitorMessage) }));
    expect(() => move(db, inquiry.id, 'contracted')).toThrow(expect.objectContaining({ message: expect.stringContaining(notSolicitorMessage) }));
    const unassigned = inquiryFor(null);
    expect(() => move(db, unassigned.id, 'applied')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('担当者が必要です') }));
  });

  it('a solicitor may take it forward; 見送り and going back are never refused, whoever the 担当', () => {
    const { db, solicitor, clerk, inquiryFor } = setUp();
    const inquiry = inquiryFor(solicitor.id);
    readyForContract(db, inquiry.id, ctx, '2026-06-01');
    expect(move(db, inquiry.id, 'applied').status).toBe('applied');
    // The solicitor's qualification lapses later; stepping back or declining still works.
    updateStaff(db, solicitor.id, { solicitor: { ...solicitorFields, qualificationExpiresOn: '2026-05-31' }, expectedRevision: getStaff(db, solicitor.id)!.revision }, ctx);
    expect(move(db, inquiry.id, 'quote_presented', '金額の見直し').status).toBe('quote_presented');
    expect(move(db, inquiry.id, 'declined').status).toBe('declined');
    expect(() => move(db, inquiry.id, 'applied', '再開')).toThrow(expect.objectContaining({ message: expect.stringContaining('資格の有効期限（2026/05/31）切れ') }));
    const clerks = inquiryFor(clerk.id);
    expect(move(db, clerks.id, 'declined').status).toBe('declined');
  });

  it('handing an inquiry at 見積提示済 to a clerk who is not a solicitor is refused; other edits of it are not', () => {
    const { db, solicitor, clerk, inquiryFor } = setUp();
    const inquiry = move(db, inquiryFor(solicitor.id).id, 'quote_presented');
    const fields = { receivedOn: '2026-06-01', channel: 'phone' as const, content: '追記', nextActionOn: null };
    expect(() => updateInquiry(db, inquiry.id, { ...fields, staffId: clerk.id }, ctx, inquiry.revision)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: notSolicitorMessage, fields: { staffId: '募集人として登録された担当者を選んでください' } }),
    );
    expect(getInquiry(db, inquiry.id)!.staffId).toBe(solicitor.id);
    expect(updateInquiry(db, inquiry.id, { ...fields, staffId: solicitor.id }, ctx, inquiry.revision).content).toBe('追記');
  });

  it('a solicitor is one only from the 届出日: the day before it they are refused', () => {
    const { db, inquiryFor } = setUp();
    const late = createStaff(db, '新人 次郎', ctx, { ...solicitorFields, notifiedOn: '2026-06-02' });
    const inquiry = inquiryFor(late.id);
    expect(() => move(db, inquiry.id, 'quote_presented')).toThrow(expect.objectContaining({ message: expect.stringContaining('届出日（2026/06/02）より前') }));
  });
});

describe('who acted, as they were then', () => {
  it('each status change keeps the actor with their 募集人ID, unchanged after the staff record is edited', () => {
    const { db, solicitor, inquiryFor } = setUp();
    const inquiry = inquiryFor(solicitor.id);
    move(db, inquiry.id, 'quote_presented', '', solicitor.id);
    updateStaff(db, solicitor.id, { name: '募集 太郎（異動）', solicitor: { ...solicitorFields, solicitorId: 'Z9999999' }, expectedRevision: getStaff(db, solicitor.id)!.revision }, ctx);
    const history = inquiryHistory(db, inquiry.id);
    expect(history.map((h) => [h.to, h.actor?.name, h.actor?.solicitorId, h.actor?.notifiedOn])).toEqual([
      ['new', '募集 太郎', 'A1234567', '2024-04-01'],
      ['quote_presented', '募集 太郎', 'A1234567', '2024-04-01'],
    ]);
    // The staff record itself moved on.
    expect(history[1]!.staffName).toBe('募集 太郎（異動）');
  });

  it('the person at the counter is an actor with their solicitor details, or nobody', () => {
    const { db, solicitor } = setUp();
    expect(currentActor(db).staffId).toBeNull();
    updateSettings(db, { currentStaffId: solicitor.id });
    expect(currentActor(db)).toEqual({ staffId: solicitor.id, name: '募集 太郎', ...solicitorFields });
  });
});

describe('staff names are taken once', () => {
  it('adding or renaming to a name already there (width and spaces aside) is refused in Japanese, inactive staff included', () => {
    const { db, clerk } = setUp();
    expect(() => createStaff(db, '山田　花子', ctx)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('「山田 花子」さんはすでに登録されています') }));
    updateStaff(db, clerk.id, { active: false, expectedRevision: clerk.revision }, ctx);
    expect(() => createStaff(db, '山田花子', ctx)).toThrow(expect.objectContaining({ fields: { name: '同じ名前の担当者がすでにいます' } }));
    const other = createStaff(db, '佐藤 一郎', ctx);
    expect(() => updateStaff(db, other.id, { name: '山田 花子', expectedRevision: other.revision }, ctx)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    // Renaming someone to their own name (a 全角 space fixed) is fine.
    expect(updateStaff(db, other.id, { name: '佐藤　一郎', expectedRevision: other.revision }, ctx).name).toBe('佐藤　一郎');
    expect(listStaff(db, true).map((s) => s.name)).toEqual(['募集 太郎', '山田 花子', '佐藤　一郎']);
  });

  it('solicitor fields are stored as given and cleared together', () => {
    const { db, solicitor } = setUp();
    expect(getStaff(db, solicitor.id)).toMatchObject(solicitorFields);
    expect(updateStaff(db, solicitor.id, { solicitor: none, expectedRevision: solicitor.revision }, ctx)).toMatchObject(none);
  });
});
