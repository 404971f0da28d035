import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic, createClinics, getClinic, updateClinic, getClinicFields } from '../../electron/core/db/repos/clinicRecords.ts';
import { recordDocumentOutput } from '../../electron/core/db/repos/documentOutputs.ts';
import { changeInquiryStatus, createInquiry, getInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { clinicsWithoutFax, findMailingRecipients, mailingRecipientIds } from '../../electron/core/db/repos/mailingRecipients.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { mailingFilterSchema, type MailingFilterInput } from '../../shared/domain/mailingRecipients.ts';
import { inquiryInputSchema } from '../../shared/domain/inquiry.ts';
import { readyForContract } from '../helpers/readyForContract.ts';
import { tempDir } from '../helpers/tempDir.ts';

const ctx = { machineId: 'm' };

function freshDb(): Db {
  const db = openDatabase(path.join(tempDir(), 'mailing.sqlite3'));
  migrate(db, migrations);
  return db;
}

const clinic = (db: Db, name: string, more: Record<string, unknown> = {}) => createClinic(db, clinicInputSchema.parse({ name, ...more }), ctx);

function inquiryFor(db: Db, clinicId: string, to?: 'materials_sent' | 'declined' | 'contracted') {
  const inquiry = createInquiry(db, clinicId, inquiryInputSchema.parse({ clinicId, receivedOn: '2026-11-02', channel: 'phone' }), ctx);
  if (to === 'contracted') {
    readyForContract(db, inquiry.id, ctx, '2026-11-20');
    changeInquiryStatus(db, inquiry.id, { to, reason: '', expectedRevision: getInquiry(db, inquiry.id)!.revision }, { ...ctx, now: () => new Date('2026-11-20T03:00:00Z') });
  } else if (to) {
    changeInquiryStatus(db, inquiry.id, { to, reason: '', expectedRevision: inquiry.revision }, ctx);
  }
}

/** Six clinics of 霧島市 and 鹿屋市, each in one 状況, one already sent to, one 送付不要. */
function office() {
  const db = freshDb();
  const ids = {
    none: clinic(db, '霧島の内科', { kind: 'clinic_no_beds', address: '鹿児島県霧島市国分中央1-1', postalCode: '899-4301', fax: '0995-00-0001' }).id,
    inProgress: clinic(db, '霧島の眼科', { kind: 'clinic_no_beds', address: '鹿児島県霧島市国分中央2-2', postalCode: '899-4302' }).id,
    mixed: clinic(db, '霧島中央病院', { kind: 'hospital', bedCount: 80, address: '鹿児島県霧島市国分中央3-3', postalCode: '899-4303', fax: '0995-00-0003' }).id,
    declined: clinic(db, '鹿屋の外科', { kind: 'clinic_with_beds', bedCount: 10, address: '鹿児島県鹿屋市本町1-1', postalCode: '893-0001' }).id,
    sent: clinic(db, '鹿屋の小児科', { kind: 'clinic_no_beds', address: '鹿児島県鹿屋市本町2-2', postalCode: '893-0002', fax: '0994-00-0002' }).id,
    noMailing: clinic(db, '鹿屋の皮膚科', { kind: 'clinic_no_beds', address: '鹿児島県鹿屋市本町3-3', postalCode: '893-0003', noMailing: true, noMailingReason: '先方より辞退' }).id,
  };
  inquiryFor(db, ids.inProgress, 'materials_sent');
  // An open inquiry beside a contract: the clinic is 申込・成約, not 対応中.
  inquiryFor(db, ids.mixed);
  inquiryFor(db, ids.mixed, 'contracted');
  inquiryFor(db, ids.declined, 'declined');
  recordDocumentOutput(db, { outputKey: 'k1', documents: ['flyer'], clinicIds: [ids.sent], inquiryId: null }, 'printed', ctx);
  return { db, ids };
}

const names = (db: Db, filter: MailingFilterInput) => findMailingRecipients(db, mailingFilterSchema.parse(filter), 50).items.map((c) => c.name);

describe('一括作成: who a mailing goes to', () => {
  it('groups clinics by 状況 from their inquiries: 問い合わせなし, 対応中, 申込・成約, 見送り', () => {
    const { db } = office();
    expect(names(db, { situations: ['none'] })).toEqual(['鹿屋の小児科', '鹿屋の皮膚科', '霧島の内科']);
    expect(names(db, { situations: ['in_progress'] })).toEqual(['霧島の眼科']);
    expect(names(db, { situations: ['won'] })).toEqual(['霧島中央病院']);
    expect(names(db, { situations: ['declined'] })).toEqual(['鹿屋の外科']);
    expect(names(db, { situations: ['declined', 'won'] })).toEqual(['鹿屋の外科', '霧島中央病院']);
    db.close();
  });

  it('combines 種別, 市町村, まだ何も送っていない and the words typed, in postal-code order', () => {
    const { db } = office();
    expect(names(db, { kinds: ['clinic_no_beds'], municipality: '鹿屋市' })).toEqual(['鹿屋の小児科', '鹿屋の皮膚科']);
    expect(names(db, { kinds: ['clinic_no_beds'], municipality: '鹿屋市', neverSent: true })).toEqual(['鹿屋の皮膚科']);
    expect(names(db, { query: '霧島', kinds: ['clinic_no_beds', 'hospital'] })).toEqual(['霧島の内科', '霧島の眼科', '霧島中央病院']);
    expect(names(db, { query: '眼科', situations: ['in_progress'] })).toEqual(['霧島の眼科']);
    expect(names(db, { query: '眼科', situations: ['none'] })).toEqual([]);
    // One character is the start of a name or ふりがな, as in the search box.
    expect(names(db, { query: '鹿', neverSent: true })).toEqual(['鹿屋の外科', '鹿屋の皮膚科']);
    db.close();
  });

  it('counts every match, and the 送付不要 among them, beyond the page shown', () => {
    const { db } = office();
    expect(findMailingRecipients(db, mailingFilterSchema.parse({ municipality: '鹿屋市' }), 2)).toMatchObject({ total: 3, noMailing: 1 });
    createClinics(db, generateClinics(120).map((fields) => ({ fields })), ctx);
    const page = findMailingRecipients(db, mailingFilterSchema.parse({}), 50);
    expect(page.items).toHaveLength(50);
    expect(page.total).toBe(126);
    expect(page.noMailing).toBe(1);
    db.close();
  });

  it('「該当する全件を選ぶ」 takes the filters into account, and stops at a mailing\'s limit', () => {
    const { db, ids } = office();
    expect(mailingRecipientIds(db, mailingFilterSchema.parse({ municipality: '鹿屋市', neverSent: true }), 2000)).toEqual({
      ids: [ids.declined, ids.noMailing],
      total: 2,
      capped: false,
    });
    expect(mailingRecipientIds(db, mailingFilterSchema.parse({}), 4)).toMatchObject({ total: 4, capped: true });
    db.close();
  });

  it('lists the chosen clinics a FAX cannot reach, leaving out the 送付不要 ones', () => {
    const { db, ids } = office();
    expect(clinicsWithoutFax(db, Object.values(ids)).map((c) => c.name)).toEqual(['鹿屋の外科', '霧島の眼科']);
    db.close();
  });

  it('answers each keystroke from the indexes: the search index, and inquiries and the trail by clinic', () => {
    const { db } = office();
    createClinics(db, generateClinics(200).map((fields) => ({ fields })), ctx);
    const plans: string[] = [];
    const original = db.prepare.bind(db);
    (db as { prepare: typeof db.prepare }).prepare = ((sql: string) => {
      if (/^\s*SELECT/i.test(sql)) {
        const params = { match: '"きりしま"', q: 'き', upper: 'ぎ', kinds: '["clinic_no_beds"]', situations: '["none"]', municipality: '霧島市', limit: 50 };
        plans.push((original(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' | '));
      }
      return original(sql);
    }) as typeof db.prepare;
    findMailingRecipients(db, mailingFilterSchema.parse({ query: 'きりしま', kinds: ['clinic_no_beds'], situations: ['none'], neverSent: true }), 50);
    findMailingRecipients(db, mailingFilterSchema.parse({ municipality: '霧島市', situations: ['none'], neverSent: true }), 50);
    (db as { prepare: typeof db.prepare }).prepare = original;
    expect(plans).toHaveLength(4);
    for (const plan of plans) {
      expect(plan).not.toMatch(/SCAN (i|o|inquiries|document_outputs)\b/);
      // The register itself is read through an index or by row number, never whole.
      expect(plan.split(' | ')).not.toContain('SCAN c');
    }
    expect(plans[0]).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plans[2]).toMatch(/USING INDEX clinics_municipality/);
    expect(plans.join(' ')).toMatch(/USING (COVERING )?INDEX inquiries_clinic/);
    expect(plans.join(' ')).toMatch(/USING (COVERING )?INDEX document_outputs_clinic/);
    db.close();
  });
});

describe('送付不要 on the clinic record', () => {
  it('is kept by an edit that does not carry it (an import, a merge) and cleared with its reason when unticked', () => {
    const { db, ids } = office();
    const before = getClinic(db, ids.noMailing)!;
    updateClinic(db, ids.noMailing, { ...getClinicFields(db, ids.noMailing)!, memo: '電話あり' }, ctx, before.revision);
    expect(getClinic(db, ids.noMailing)).toMatchObject({ memo: '電話あり', noMailing: true, noMailingReason: '先方より辞退' });
    const edited = getClinic(db, ids.noMailing)!;
    updateClinic(db, ids.noMailing, { ...getClinicFields(db, ids.noMailing)!, noMailing: false, noMailingReason: '先方より辞退' }, ctx, edited.revision);
    expect(getClinic(db, ids.noMailing)).toMatchObject({ noMailing: false, noMailingReason: '' });
    db.close();
  });

  it('needs a reason when ticked', () => {
    const parsed = clinicInputSchema.safeParse({ name: '霧島の内科', noMailing: true, noMailingReason: ' ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['noMailingReason'], message: expect.stringContaining('送付不要の理由を入力してください') });
  });
});
