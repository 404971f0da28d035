import { tokyoToday } from '../../shared/time/tokyoDate.ts';
import net from 'node:net';
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { channelNames, limits, type Channel } from '../../shared/contract/index.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { createClinics } from '../../electron/core/db/repos/clinicRecords.ts';
import { changeInquiryStatus, getInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { readyForContract } from '../helpers/readyForContract.ts';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import { JobPausePoint } from '../../electron/core/jobs/jobPausePoint.ts';
import { authHeader, call, rawRequest, startTestHost, waitForJob, type TestHost, uploadFile } from '../helpers/testHost.ts';
import { chooseCurrentStaff, officialRatesRequest, officialSource } from '../helpers/officialRateTable.ts';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { applyRemoteDocs } from '../../electron/core/sync/applyRemote.ts';

const clinic = { name: 'カゴシマ中央クリニック', nameKana: 'かごしまちゅうおうくりにっく', kind: 'clinic_no_beds', phone: '099-254-8126' };

const officialRatesCsv = '種別,プランID,プラン名,月額保険料（円）\r\n無床診療所,P1,Aプラン,2100\r\n有床診療所,P1,Aプラン,3900\r\n';



async function newInquiry(t: TestHost): Promise<string> {
  const created = (await call(t, 'clinics.create', clinic)).body.result;
  const res = await call(t, 'inquiries.create', { clinicId: created.id, receivedOn: '2026-11-24', channel: 'phone' });
  return res.body.result.inquiry.id;
}

async function renderedFile(t: TestHost, input: unknown): Promise<{ fileId: string }> {
  const started = (await call(t, 'jobs.start', { kind: 'documents.render', input })).body.result;
  const finished = await waitForJob(t, started.jobId);
  return (finished.result as { file: { fileId: string } }).file;
}

async function total(t: TestHost): Promise<number> {
  return (await call(t, 'clinics.search', { query: '' })).body.result.total;
}

const hubUser = { name: 'counter-pc', password: 'counter-pc-password' };
let hub: CouchHub | undefined;
/** One hub for the sync channels' calls (each joins with its own prefix), started only when first needed. */
const sharedHub = async () => (hub ??= await startCouchHub({ users: [hubUser] }));
afterAll(() => hub?.stop());
const hubAccess = (h: CouchHub) => ({ url: h.dbUrl, user: hubUser.name, password: hubUser.password });

/** A clinic whose phone another machine changed at the same time: the notice as replication applies it. */
async function clinicWithNotice(t: TestHost): Promise<{ clinicId: string; noticeId: string }> {
  const created = (await call(t, 'clinics.create', clinic)).body.result;
  const stamp = (t: string, m: string) => ({ t, m, c: 1 });
  const notice = {
    _id: 'notice:host-test',
    table: 'sync_notice' as const,
    recordDocId: `clinics:${created.id}`,
    field: 'phone',
    kept: { value: clinic.phone, stamp: stamp('2026-11-24T01:00:01.000Z', 'machine-b'), staffId: null },
    replaced: { value: '099-000-0000', stamp: stamp('2026-11-24T01:00:00.000Z', 'machine-c'), staffId: null },
    resolvedAt: null,
  };
  const db = openDatabase(t.core.dbPath);
  try {
    applyRemoteDocs(db, [notice], 'host-test-checkpoint', { now: () => new Date(), clockOffsetMs: 0 });
  } finally {
    db.close();
  }
  // A notice's id is its document's without the `notice:` prefix.
  return { clinicId: created.id, noticeId: notice._id.slice('notice:'.length) };
}

/** The same clinic registered twice, the second with an inquiry: what 重複をまとめる is for. */
async function twoRecordsOfOneClinic(t: TestHost) {
  const kept = (await call(t, 'clinics.create', clinic)).body.result;
  const merged = (await call(t, 'clinics.create', { ...clinic, name: 'かごしま中央クリニック', phone: '099-254-9999' })).body.result;
  await call(t, 'inquiries.create', { clinicId: merged.id, receivedOn: '2026-11-24', channel: 'phone' });
  return { kept, merged };
}

/** An inquiry that became a contract on 2015-04-01 (written through the repo with that day's clock): past a 5-year retention period. */
async function contractedLongAgo(t: TestHost) {
  const created = (await call(t, 'clinics.create', clinic)).body.result;
  const inquiry = (await call(t, 'inquiries.create', { clinicId: created.id, receivedOn: '2015-03-20', channel: 'phone' })).body.result.inquiry;
  const db = openDatabase(t.core.dbPath);
  try {
    readyForContract(db, inquiry.id, { machineId: 'm' }, '2015-04-01');
    const ready = getInquiry(db, inquiry.id)!;
    changeInquiryStatus(db, inquiry.id, { to: 'contracted', reason: '', expectedRevision: ready.revision }, { machineId: 'm', now: () => new Date('2015-04-01T03:00:00Z') });
  } finally {
    db.close();
  }
  return { inquiryId: inquiry.id as string };
}

/** A valid call for every channel; a channel added without one here fails the coverage test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked field by field below
type AnyResult = any;
const validCalls: Record<Channel, (t: TestHost) => Promise<{ input: unknown; check: (result: AnyResult) => void }>> = {
  'app.info': async () => ({ input: {}, check: (r) => expect(r).toMatchObject({ mode: 'preview', schemaVersion: migrations.length }) }),
  'clinics.create': async () => ({ input: clinic, check: (r) => expect(r).toMatchObject({ name: clinic.name, phone: clinic.phone }) }),
  'clinics.get': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    return { input: { id: created.id }, check: (r) => expect(r.id).toBe(created.id) };
  },
  'clinics.search': async (t) => {
    await call(t, 'clinics.create', clinic);
    return { input: { query: 'ｶｺﾞｼﾏ' }, check: (r) => expect(r.items.map((c: { name: string }) => c.name)).toEqual([clinic.name]) };
  },
  'clinics.municipalities': async (t) => {
    await call(t, 'clinics.create', { ...clinic, postalCode: '899-6201', address: '' });
    await call(t, 'clinics.create', { name: '霧島の医院', address: '鹿児島県霧島市国分中央3-1' });
    await call(t, 'clinics.create', { name: '湧水の医院', address: '姶良郡湧水町木場1' });
    return { input: {}, check: (r) => expect(r.items).toEqual([{ name: '霧島市', count: 1 }, { name: '湧水町', count: 2 }]) };
  },
  'clinics.matchingIds': async (t) => {
    const a = (await call(t, 'clinics.create', { ...clinic, postalCode: '892-0001' })).body.result;
    const b = (await call(t, 'clinics.create', { ...clinic, postalCode: '890-0053', phone: '099-254-8127' })).body.result;
    await call(t, 'clinics.create', { name: '別の医院' });
    return { input: { query: 'かごしま' }, check: (r) => expect(r).toEqual({ ids: [b.id, a.id], total: 2, capped: false }) };
  },
  'mailing.recipients': async (t) => {
    await call(t, 'clinics.create', { ...clinic, kind: 'hospital', bedCount: 40, noMailing: true, noMailingReason: '先方より辞退' });
    await call(t, 'clinics.create', { name: '霧島の医院', kind: 'clinic_no_beds' });
    return {
      input: { kinds: ['hospital'] },
      check: (r) => expect({ names: r.items.map((c: { name: string }) => c.name), total: r.total, noMailing: r.noMailing }).toEqual({ names: [clinic.name], total: 1, noMailing: 1 }),
    };
  },
  'mailing.recipientIds': async (t) => {
    const a = (await call(t, 'clinics.create', { ...clinic, postalCode: '892-0001' })).body.result;
    await call(t, 'clinics.create', { name: '別の医院' });
    return { input: { query: 'かごしま', situations: ['none'] }, check: (r) => expect(r).toEqual({ ids: [a.id], total: 1, capped: false }) };
  },
  'mailing.withoutFax': async (t) => {
    const withFax = (await call(t, 'clinics.create', { ...clinic, fax: '099-254-8199' })).body.result;
    const without = (await call(t, 'clinics.create', { name: '別の医院' })).body.result;
    return { input: { clinicIds: [withFax.id, without.id] }, check: (r) => expect(r.items).toEqual([{ id: without.id, name: '別の医院' }]) };
  },
  'clinics.summary': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    await call(t, 'inquiries.create', { clinicId: created.id, receivedOn: '2026-11-24', channel: 'phone' });
    return {
      input: { clinicId: created.id },
      check: (r) => expect(r).toMatchObject({ openTotal: 1, openInquiries: [{ receiptNumber: 'A-2026-0001', status: 'new' }], lastOutput: null }),
    };
  },
  'clinics.update': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    return {
      input: { id: created.id, clinic: { ...clinic, phone: '０９９（２５４）８１２７', memberNumber: '１２３４５' }, expectedRevision: created.revision },
      check: (r) => expect(r).toMatchObject({ id: created.id, phone: '099-254-8127', memberNumber: '12345', revision: created.revision + 1 }),
    };
  },
  'clinics.archive': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    return { input: { id: created.id }, check: (r) => expect(r.archivedAt).not.toBeNull() };
  },
  'clinics.restore': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    await call(t, 'clinics.archive', { id: created.id });
    return { input: { id: created.id }, check: (r) => expect(r.archivedAt).toBeNull() };
  },
  'clinics.duplicates': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    return {
      input: { name: 'ｶｺﾞｼﾏ中央クリニック', phone: '0992548126' },
      check: (r) => expect(r.matches).toEqual([{ clinic: expect.objectContaining({ id: created.id }), reasons: ['phone', 'name'] }]),
    };
  },
  'clinics.mergePreview': async (t) => {
    const { kept, merged } = await twoRecordsOfOneClinic(t);
    return { input: { keptId: kept.id, mergedId: merged.id }, check: (r) => expect(r.moves).toEqual({ inquiries: 1, quotes: 0, documentOutputs: 0 }) };
  },
  'clinics.merge': async (t) => {
    const { kept, merged } = await twoRecordsOfOneClinic(t);
    return {
      input: { keptId: kept.id, mergedId: merged.id, choices: { phone: 'merged' }, keptRevision: kept.revision, mergedRevision: merged.revision },
      check: (r) => {
        expect(r.kept).toMatchObject({ id: kept.id, phone: merged.phone });
        expect(r.merge).toMatchObject({ mergedId: merged.id, moved: { inquiries: 1 }, takenFields: ['電話番号'], undoable: true });
      },
    };
  },
  'clinics.merges': async (t) => {
    const { kept, merged } = await twoRecordsOfOneClinic(t);
    await call(t, 'clinics.merge', { keptId: kept.id, mergedId: merged.id, keptRevision: kept.revision, mergedRevision: merged.revision });
    return { input: { clinicId: kept.id }, check: (r) => expect(r.items.map((m: { mergedId: string }) => m.mergedId)).toEqual([merged.id]) };
  },
  'clinics.undoMerge': async (t) => {
    const { kept, merged } = await twoRecordsOfOneClinic(t);
    const done = (await call(t, 'clinics.merge', { keptId: kept.id, mergedId: merged.id, keptRevision: kept.revision, mergedRevision: merged.revision })).body.result;
    return { input: { mergeId: done.merge.id }, check: (r) => expect(r.merge).toMatchObject({ undoneAt: expect.any(String), undoable: false }) };
  },
  'postal.lookup': async () => ({
    input: { postalCode: '890-0053' },
    check: (r) => expect(r.addresses).toEqual(['鹿児島県鹿児島市中央町']),
  }),
  'staff.list': async (t) => {
    await call(t, 'staff.create', { name: '窓口 花子' });
    return { input: {}, check: (r) => expect(r.items.map((s: { name: string }) => s.name)).toEqual(['窓口 花子']) };
  },
  'staff.create': async () => ({ input: { name: ' 窓口 太郎 ' }, check: (r) => expect(r).toMatchObject({ name: '窓口 太郎', active: true }) }),
  'staff.update': async (t) => {
    const staff = (await call(t, 'staff.create', { name: '窓口 太郎' })).body.result;
    return { input: { id: staff.id, active: false, expectedRevision: staff.revision }, check: (r) => expect(r).toMatchObject({ id: staff.id, active: false }) };
  },
  'settings.get': async () => ({ input: {}, check: (r) => expect(r).toEqual({ receiptPrefix: 'A', currentStaffId: null, dateStyle: 'western', syncStaleDays: 3, counterIdleMinutes: 15 }) }),
  'settings.update': async () => ({ input: { receiptPrefix: 'ｂ', dateStyle: 'japanese' }, check: (r) => expect(r).toMatchObject({ receiptPrefix: 'B', dateStyle: 'japanese' }) }),
  'settings.agencyTexts': async () => ({ input: {}, check: (r) => expect(r).toMatchObject({ solicitationCapacity: { value: null, version: 0 } }) }),
  'settings.updateAgencyText': async () => ({
    input: { key: 'formNumber', value: 'KMC-FAX-01', expectedVersion: 0 },
    check: (r) => expect(r).toMatchObject({ formNumber: { value: 'KMC-FAX-01', version: 1 } }),
  }),
  'settings.labelOffset': async () => ({ input: {}, check: (r) => expect(r).toEqual({ xMm: 0, yMm: 0 }) }),
  'settings.saveLabelOffset': async () => ({ input: { xMm: 1.25, yMm: -2 }, check: (r) => expect(r).toEqual({ xMm: 1.3, yMm: -2 }) }),
  'inquiries.createWithClinic': async () => ({
    input: { clinic: { name: '霧島の新しい医院', phone: '0995000000' }, inquiry: { receivedOn: '2026-11-24', channel: 'phone' } },
    check: (r) => {
      expect(r.clinic).toMatchObject({ name: '霧島の新しい医院', phone: '0995-00-0000' });
      expect(r.detail.inquiry).toMatchObject({ clinicId: r.clinic.id, receiptNumber: 'A-2026-0001', status: 'new' });
    },
  }),
  'inquiries.create': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    return {
      input: { clinicId: created.id, receivedOn: '2026-11-24', channel: 'phone', content: '資料がほしい' },
      check: (r) => {
        expect(r.inquiry).toMatchObject({ receiptNumber: 'A-2026-0001', status: 'new', clinicName: clinic.name });
        expect(r.history).toHaveLength(1);
      },
    };
  },
  'inquiries.get': async (t) => {
    const id = await newInquiry(t);
    return { input: { id }, check: (r) => expect(r.inquiry.id).toBe(id) };
  },
  'inquiries.update': async (t) => {
    const id = await newInquiry(t);
    return {
      input: { id, inquiry: { receivedOn: '2027-01-05', channel: 'fax', content: '追記', nextActionOn: '2027-01-08' }, expectedRevision: 1 },
      check: (r) => expect(r.inquiry).toMatchObject({ receiptNumber: 'A-2026-0001', channel: 'fax', nextActionOn: '2027-01-08' }),
    };
  },
  'inquiries.changeStatus': async (t) => {
    const id = await newInquiry(t);
    return {
      input: { id, to: 'materials_sent', nextActionOn: '2026-11-27', expectedRevision: 1 },
      check: (r) => {
        expect(r.inquiry).toMatchObject({ status: 'materials_sent', nextActionOn: '2026-11-27' });
        expect(r.history.map((h: { to: string }) => h.to)).toEqual(['new', 'materials_sent']);
      },
    };
  },
  'inquiries.markStep': async (t) => {
    const hospital = (await call(t, 'clinics.create', { name: '霧島中央病院', kind: 'hospital', bedCount: 120 })).body.result;
    const id = (await call(t, 'inquiries.create', { clinicId: hospital.id, receivedOn: '2026-11-24', channel: 'phone' })).body.result.inquiry.id;
    return {
      input: { inquiryId: id, step: 'noticeFormRequested', doneOn: '2026-11-24' },
      check: (r) => expect(r.checklist[0]).toMatchObject({ step: 'noticeFormRequested', done: true, doneOn: '2026-11-24' }),
    };
  },
  'inquiries.addFollowUp': async (t) => {
    const id = await newInquiry(t);
    return {
      input: { inquiryId: id, doneOn: '2026-11-24', how: 'phone', note: '資料の到着を確認', nextActionOn: '2026-12-01', expectedRevision: 1 },
      check: (r) => {
        expect(r.followUps).toMatchObject([{ doneOn: '2026-11-24', how: 'phone', note: '資料の到着を確認' }]);
        expect(r.inquiry.nextActionOn).toBe('2026-12-01');
      },
    };
  },
  'inquiries.list': async (t) => {
    const id = await newInquiry(t);
    return { input: { status: 'new' }, check: (r) => expect(r).toMatchObject({ total: 1, items: [expect.objectContaining({ id })] }) };
  },
  'home.summary': async (t) => {
    await newInquiry(t);
    return { input: {}, check: (r) => expect(r.counts).toMatchObject({ new: 1, declined: 0 }) };
  },
  'content.get': async () => ({
    input: {},
    check: (r) => {
      expect(r.pack.document).toMatchObject({ code: 'SJ24-13707', createdLabel: '2025年1月16日作成' });
      expect(r.rates.status).toBe('sample');
      expect(r.problems).toEqual([]);
    },
  }),
  'content.rateTemplate': async () => ({
    input: {},
    check: (r) => expect(r).toMatchObject({ name: '保険料表テンプレート.csv', mime: 'text/csv' }),
  }),
  'content.previewImport': async (t) => {
    const fileId = await uploadFile(t, 'rates.csv', officialRatesCsv);
    await chooseCurrentStaff(t);
    return {
      input: officialRatesRequest(fileId),
      check: (r) => {
        expect(r).toMatchObject({ kind: 'rates', currentStatus: 'sample', version: '2026年度 正式', problems: [] });
        expect(r.rows[0]).toEqual({ kindLabel: '無床診療所', planName: 'Aプラン', currentYen: 1111, newYen: 2100, newAnnualYen: null, liabilityLimitYen: null, responseCostLimitYen: null });
      },
    };
  },
  'content.acceptImport': async (t) => {
    const fileId = await uploadFile(t, 'rates.csv', officialRatesCsv);
    await chooseCurrentStaff(t);
    return { input: officialRatesRequest(fileId), check: (r) => expect(r).toMatchObject({ kind: 'rates', label: '2026年度 正式', revertedAt: null, source: officialSource }) };
  },
  'content.changes': async () => ({ input: {}, check: (r) => expect(r.items).toEqual([]) }),
  'content.revert': async (t) => {
    const fileId = await uploadFile(t, 'rates.csv', officialRatesCsv);
    await chooseCurrentStaff(t);
    const change = (await call(t, 'content.acceptImport', officialRatesRequest(fileId))).body.result;
    return { input: { changeId: change.id }, check: (r) => expect(r.revertedAt).not.toBeNull() };
  },
  'quotes.save': async (t) => {
    const inquiryId = await newInquiry(t);
    return {
      input: { inquiryId, clinicKind: 'clinic_no_beds', planId: 'P1' },
      check: (r) => expect(r).toMatchObject({ inquiryId, snapshot: { kind: 'figure', sample: true, planId: 'P1', tableVersion: '見本 2026-11' } }),
    };
  },
  'quotes.list': async (t) => {
    const inquiryId = await newInquiry(t);
    await call(t, 'quotes.save', { inquiryId, clinicKind: 'clinic_with_beds', planId: 'P2' });
    return { input: { inquiryId }, check: (r) => expect(r.items.map((q: { snapshot: { planId: string } }) => q.snapshot.planId)).toEqual(['P2']) };
  },
  'importantMatters.list': async (t) => {
    const inquiryId = await newInquiry(t);
    await call(t, 'importantMatters.record', { inquiryId, handedOn: tokyoToday(), docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'post' });
    return { input: { inquiryId }, check: (r) => expect(r).toMatchObject({ handedOver: true, items: [{ docCode: 'SJ26-01234', method: 'post', withdrawal: null }] }) };
  },
  'importantMatters.record': async (t) => ({
    input: { inquiryId: await newInquiry(t), handedOn: tokyoToday(), docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'hand' },
    check: (r) => expect(r).toMatchObject({ docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'hand' }),
  }),
  'importantMatters.withdraw': async (t) => {
    const inquiryId = await newInquiry(t);
    const recorded = (await call(t, 'importantMatters.record', { inquiryId, handedOn: tokyoToday(), docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'fax' })).body.result;
    return { input: { inquiryId, handoverId: recorded.id, reason: '記録の誤り' }, check: (r) => expect(r.withdrawal).toMatchObject({ reason: '記録の誤り' }) };
  },
  'inquiries.intent.record': async (t) => {
    const inquiryId = await newInquiry(t);
    const { asking } = (await call(t, 'inquiries.intent.list', { inquiryId })).body.result;
    const answers = asking.initial.questions.map((_: string, i: number) => (i === 0 ? '情報漏えい時の賠償' : ''));
    return {
      input: { inquiryId, stage: 'initial', questions: asking.initial, answers },
      check: (r) => expect(r).toMatchObject({ inquiryId, stage: 'initial', answers, confirmedOn: null, questions: { source: 'agency', version: 0 } }),
    };
  },
  'inquiries.intent.list': async (t) => {
    const inquiryId = await newInquiry(t);
    return {
      input: { inquiryId },
      check: (r) => expect(r).toMatchObject({ initial: null, final: null, history: [], asking: { initial: { source: 'agency', questions: expect.arrayContaining(['ご予算']) } } }),
    };
  },
  'documents.recordOutput': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    const file = await renderedFile(t, { documents: ['inquiryFaxSheet'], clinicIds: [created.id] });
    return { input: { fileId: file.fileId, action: 'saved' }, check: (r) => expect(r).toEqual({ recorded: 1, onTrail: true, inquiry: null }) };
  },
  'documents.history': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    const file = await renderedFile(t, { documents: ['faxCoverSheet', 'inquiryFaxSheet'], clinicIds: [created.id] });
    await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'printed' });
    return {
      input: { clinicId: created.id },
      check: (r) => expect(r.items).toMatchObject([{ clinicId: created.id, documents: ['faxCoverSheet', 'inquiryFaxSheet'], action: 'printed', batchSize: 1 }]),
    };
  },
  'documents.show': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    const file = await renderedFile(t, { documents: ['inquiryFaxSheet'], clinicIds: [created.id] });
    await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'saved', sentBy: 'hand' });
    const [output] = (await call(t, 'documents.history', { clinicId: created.id })).body.result.items;
    return {
      input: { outputId: output.id },
      check: (r) => expect(r).toMatchObject({ source: 'kept', matches: true, message: '記録と一致しました', file: { mime: 'application/pdf' } }),
    };
  },
  'documents.exportTrail': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    const file = await renderedFile(t, { documents: ['inquiryFaxSheet'], clinicIds: [created.id] });
    await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'printed', sentBy: 'fax', faxNumber: '099-254-8128' });
    return { input: { clinicId: created.id, format: 'csv' }, check: (r) => expect(r).toMatchObject({ rows: 1, file: { mime: 'text/csv' } }) };
  },
  'backups.list': async (t) => {
    await call(t, 'backups.create', {});
    return { input: {}, check: (r) => expect(r.items).toMatchObject([{ reason: 'manual' }]) };
  },
  'backups.create': async (t) => {
    await call(t, 'clinics.create', clinic);
    return { input: {}, check: (r) => expect(r).toMatchObject({ reason: 'manual', counts: { clinics: 1, inquiries: 0 } }) };
  },
  'backups.export': async (t) => {
    const backup = (await call(t, 'backups.create', {})).body.result;
    return { input: { fileName: backup.fileName, password: 'correct horse' }, check: (r) => expect(r.name).toMatch(/（暗号化）\.ccbak$/) };
  },
  'backups.addFromFile': async (t) => {
    const backup = (await call(t, 'backups.create', {})).body.result;
    const exported = (await call(t, 'backups.export', { fileName: backup.fileName })).body.result;
    const bytes = (await rawRequest(t.host.port, { path: `/api/files/${exported.fileId}`, headers: authHeader(t) })).body;
    const fileId = await uploadFile(t, 'copy.sqlite3', bytes, 'backupFile');
    return { input: { fileId }, check: (r) => expect(r).toMatchObject({ reason: 'imported' }) };
  },
  'backups.restore': async (t) => {
    const backup = (await call(t, 'backups.create', {})).body.result;
    await call(t, 'clinics.create', clinic);
    return {
      input: { fileName: backup.fileName },
      check: (r) => expect(r).toMatchObject({ restored: { fileName: backup.fileName }, safetyBackup: { reason: 'before-restore', counts: { clinics: 1 } } }),
    };
  },
  'records.purgePreview': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    await call(t, 'clinics.archive', { id: created.id });
    return { input: {}, check: (r) => expect(r).toEqual({ clinics: 1, inquiries: 0, keptClinics: 0, retained: { count: 0, earliestEndsOn: null, years: 5 } }) };
  },
  'records.purgeArchived': async (t) => {
    const created = (await call(t, 'clinics.create', clinic)).body.result;
    await call(t, 'clinics.archive', { id: created.id });
    return { input: { confirm: true }, check: (r) => expect(r).toMatchObject({ clinics: 1, inquiries: 0, backup: { reason: 'before-purge' } }) };
  },
  'retention.get': async () => ({ input: {}, check: (r) => expect(r).toEqual({ years: 5, updatedAt: null }) }),
  'retention.update': async () => ({ input: { years: 7 }, check: (r) => expect(r).toMatchObject({ years: 7 }) }),
  'retention.expired': async (t) => {
    const { inquiryId } = await contractedLongAgo(t);
    return { input: {}, check: (r) => expect(r).toEqual({ items: [expect.objectContaining({ inquiryId, startedOn: '2015-04-01', endedOn: '2020-04-01', contracted: true })] }) };
  },
  'retention.purgeExpired': async (t) => {
    const { inquiryId } = await contractedLongAgo(t);
    return { input: { confirm: true, inquiryIds: [inquiryId] }, check: (r) => expect(r).toMatchObject({ inquiries: 1, clinics: 0, backup: { reason: 'before-purge' } }) };
  },
  'sync.status': async () => ({ input: {}, check: (r) => expect(r).toMatchObject({ state: 'off', hubUrl: null, unsent: 0, openNotices: 0 }) }),
  'sync.checkHub': async () => {
    const hub = await sharedHub();
    return { input: hubAccess(hub), check: (r) => expect(r).toMatchObject({ ok: true, fingerprint: null }) };
  },
  'sync.joinPreview': async () => {
    const hub = await sharedHub();
    return { input: hubAccess(hub), check: (r) => expect(r).toMatchObject({ matched: [], uncertain: [], localOnly: { count: 0 } }) };
  },
  'sync.join': async () => {
    const hub = await sharedHub();
    return { input: { ...hubAccess(hub), receiptPrefix: 'J' }, check: (r) => expect(r).toMatchObject({ hubUrl: hub.dbUrl, user: hubUser.name, state: expect.stringMatching(/^(synced|sending)$/) }) };
  },
  'sync.leave': async (t) => {
    const hub = await sharedHub();
    await call(t, 'sync.join', { ...hubAccess(hub), receiptPrefix: 'L' });
    return { input: {}, check: (r) => expect(r).toMatchObject({ state: 'off', hubUrl: null }) };
  },
  'sync.now': async (t) => {
    const hub = await sharedHub();
    await call(t, 'sync.join', { ...hubAccess(hub), receiptPrefix: 'N' });
    return { input: {}, check: (r) => expect(r).toMatchObject({ state: expect.stringMatching(/^(synced|sending)$/), hubUrl: hub.dbUrl, lastSyncedAt: expect.any(String) }) };
  },
  'sync.unsentChanges': async () => ({ input: {}, check: (r) => expect(r).toEqual({ count: 0, items: [] }) }),
  'sync.notices': async (t) => {
    const { clinicId } = await clinicWithNotice(t);
    return { input: { recordId: clinicId }, check: (r) => expect(r.items).toMatchObject([{ recordKind: 'clinic', recordId: clinicId, field: 'phone', resolvedAt: null }]) };
  },
  'sync.putBack': async (t) => {
    const { noticeId } = await clinicWithNotice(t);
    return { input: { noticeId }, check: (r) => expect(r).toMatchObject({ id: noticeId, replacedValue: '099-000-0000', resolvedAt: expect.any(String) }) };
  },
  'sync.dismissNotice': async (t) => {
    const { noticeId } = await clinicWithNotice(t);
    return { input: { noticeId }, check: (r) => expect(r).toMatchObject({ id: noticeId, resolvedAt: expect.any(String) }) };
  },
  'jobs.start': async () => ({
    input: { kind: 'clinics.exportCsv', input: {} },
    check: (r) => expect(r).toMatchObject({ kind: 'clinics.exportCsv', state: 'running' }),
  }),
  'jobs.get': async (t) => {
    const started = (await call(t, 'jobs.start', { kind: 'clinics.exportCsv', input: {} })).body.result;
    return { input: { jobId: started.jobId }, check: (r) => expect(r.jobId).toBe(started.jobId) };
  },
  'jobs.cancel': async (t) => {
    // An export of more than its first 1,000 rows, held there (the loop below gives this host a pause point).
    const db = openDatabase(t.core.dbPath);
    createClinics(db, generateClinics(1001).map((fields) => ({ fields })), { machineId: 'seed' });
    db.close();
    const started = (await call(t, 'jobs.start', { kind: 'clinics.exportCsv', input: {} })).body.result;
    await t.pauseJobs!.reached(started.jobId);
    return { input: { jobId: started.jobId }, check: (r) => expect(r).toMatchObject({ jobId: started.jobId, state: 'cancelled', error: { code: 'CANCELLED' } }) };
  },
};

describe('HTTP host: every channel', () => {
  it('has a valid-call test for every channel of the contract', () => {
    expect(Object.keys(validCalls).sort()).toEqual([...channelNames].sort());
  });

  for (const channel of channelNames) {
    it(`answers a valid ${channel} call with ok and a result of the contract's shape`, async () => {
      const t = await startTestHost(channel === 'jobs.cancel' ? { pauseJobs: new JobPausePoint() } : {});
      const { input, check } = await validCalls[channel](t);
      const res = await call(t, channel, input);
      expect(res.status).toBe(200);
      expect(res.body.ok).toBe(true);
      check(res.body.result);
    });
  }
});

describe('HTTP host: refusals', () => {
  it('refuses an invalid argument with a Japanese message next to the field and saves nothing', async () => {
    const t = await startTestHost();
    const res = await call(t, 'clinics.create', { ...clinic, name: '   ' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { name: '医療機関名を入力してください' } } });
    expect(await total(t)).toBe(0);
  });

  it('refuses arguments of the wrong type without running the handler', async () => {
    const t = await startTestHost();
    for (const bad of [null, [], 'text', 42, { ...clinic, kind: 'pharmacy' }, { ...clinic, name: 123 }]) {
      const res = await call(t, 'clinics.create', bad);
      expect(res.status).toBe(422);
      expect(res.body.error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    expect(await total(t)).toBe(0);
  });

  it('refuses to save a premium figure for a hospital, whose premium depends on the 告知', async () => {
    const t = await startTestHost();
    const inquiryId = await newInquiry(t);
    const res = await call(t, 'quotes.save', { inquiryId, clinicKind: 'hospital', planId: 'P1' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ clinicKind: '取扱代理店にお問い合わせください' });
    expect((await call(t, 'quotes.list', { inquiryId })).body.result.items).toEqual([]);
  });

  it('answers an unknown channel with 404 and a Japanese message', async () => {
    const t = await startTestHost();
    const res = await call(t, 'clinics.dropAll', {});
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: expect.stringContaining('使えません') } });
  });

  it('refuses a call without the token, or with a wrong one, with 401', async () => {
    const t = await startTestHost();
    const none = await rawRequest(t.host.port, { method: 'POST', path: '/api/call/clinics.create', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(clinic) });
    expect(none.status).toBe(401);
    expect(none.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await call(t, 'clinics.create', clinic, 'x'.repeat(t.host.token.length));
    expect(wrong.status).toBe(401);
    expect(await total(t)).toBe(0);
  });

  it('refuses calls from another origin and from another host name (DNS rebinding)', async () => {
    const t = await startTestHost();
    const body = JSON.stringify(clinic);
    const otherOrigin = await rawRequest(t.host.port, {
      method: 'POST', path: '/api/call/clinics.create', body,
      headers: { ...authHeader(t), 'Content-Type': 'application/json', Origin: 'http://evil.example' },
    });
    expect(otherOrigin.status).toBe(403);
    const otherHost = await rawRequest(t.host.port, {
      method: 'POST', path: '/api/call/clinics.create', body,
      headers: { ...authHeader(t), 'Content-Type': 'application/json', Host: `evil.example:${t.host.port}` },
    });
    expect(otherHost.status).toBe(403);
    const sameOrigin = await rawRequest(t.host.port, {
      method: 'POST', path: '/api/call/clinics.create', body,
      headers: { ...authHeader(t), 'Content-Type': 'application/json', Origin: t.host.origin },
    });
    expect(sameOrigin.status).toBe(200);
    expect(await total(t)).toBe(1);
  });

  it('refuses a body over the size limit with 413 and keeps serving', async () => {
    const t = await startTestHost();
    const huge = JSON.stringify({ ...clinic, name: 'あ'.repeat(limits.maxCallBytes) });
    const res = await rawRequest(t.host.port, { method: 'POST', path: '/api/call/clinics.create', headers: { ...authHeader(t), 'Content-Type': 'application/json' }, body: huge });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(await total(t)).toBe(0);
  });

  it('answers malformed JSON with 400 and a Japanese message', async () => {
    const t = await startTestHost();
    const res = await rawRequest(t.host.port, { method: 'POST', path: '/api/call/clinics.create', headers: { ...authHeader(t), 'Content-Type': 'application/json' }, body: '{"name": "壊れた' });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('形式') } });
  });

  it('serves the page with a strict Content-Security-Policy and no API without a token', async () => {
    const t = await startTestHost();
    const page = await rawRequest(t.host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    const traversal = await rawRequest(t.host.port, { path: '/../../package.json' });
    expect(traversal.status).toBe(404);
  });

  it('cannot be reached on any address but loopback', async () => {
    const t = await startTestHost();
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    const target = external?.address ?? '0.0.0.0';
    const reached = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: target, port: t.host.port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    expect(reached).toBe(target === '0.0.0.0' ? reached : false);
    expect(t.host.origin).toBe(`http://127.0.0.1:${t.host.port}`);
  });
});

describe('HTTP host: hostile addresses', () => {
  it('answers a malformed escape in the address with 400 and keeps serving', async () => {
    const t = await startTestHost();
    const bad = await rawRequest(t.host.port, { path: '/%E0%A4%A' });
    expect(bad.status).toBe(400);
    const page = await rawRequest(t.host.port, { path: '/' });
    expect(page.status).toBe(200);
  });
});
