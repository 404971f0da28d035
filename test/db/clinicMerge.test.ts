import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clinicInputSchema, type ClinicInput } from '../../shared/domain/clinic.ts';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic, getClinic, setClinicArchived, updateClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { mergeClinics, undoClinicMerge } from '../../electron/core/db/repos/clinicMerge.ts';
import { clinicMergesOf } from '../../electron/core/db/repos/clinicMergeHistory.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import { createInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { recordDocumentOutput } from '../../electron/core/db/repos/documentOutputs.ts';
import { purgeArchived } from '../../electron/core/db/repos/purge.ts';
import { clinicMatchLookup } from '../../electron/core/db/repos/clinicImport.ts';
import { findClinicMatch, matchKeys } from '../../shared/domain/clinicMatch.ts';
import type { MergeChoices } from '../../shared/domain/clinicMerge.ts';
import { tempDir } from '../helpers/tempDir.ts';

function freshDb(): Db {
  const db = openDatabase(path.join(tempDir(), 'merge.sqlite3'));
  migrate(db, migrations);
  return db;
}

let tick = 0;
/** Each write a moment after the one before, as at a counter: "newer" must mean something. */
const ctx = { machineId: 'machine-a', now: () => new Date(Date.UTC(2026, 11, 1, 0, 0, tick++)) };
const clinic = (input: ClinicInput) => clinicInputSchema.parse(input);
const search = (db: Db, query: string) => findClinics(db, { query, limit: 50, includeArchived: false }).items.map((c) => c.name);
const snapshot = '{"kind":"figure","clinicKind":"clinic_no_beds","planId":"P1","planName":"プラン1","monthlyYen":1500,"annualYen":18000,"conditions":[],"tableVersion":"2026-03","sample":true}';

/** The same clinic registered twice: once from the roster, once at the counter with an inquiry, a quote and a mailing. */
function duplicatePair(db: Db) {
  const kept = createClinic(db, clinic({ name: '霧島眼科', phone: '0995-00-1111', memberNumber: 'K-100', kind: 'clinic_no_beds', bedCount: 0 }), ctx);
  const merged = createClinic(db, clinic({ name: '霧島眼科医院', phone: '0995-00-2222', address: '霧島市国分中央1-1', contactPerson: '霧島 一郎' }), ctx);
  const inquiry = createInquiry(db, merged.id, { receivedOn: '2026-11-24', channel: 'phone', content: '資料がほしい', nextActionOn: null, staffId: null }, ctx);
  db.prepare("INSERT INTO inquiry_quotes (id, inquiry_id, snapshot, staff_id, created_at, machine) VALUES ('quote-1', ?, ?, NULL, '2026-11-24T00:00:00.000Z', 'machine-a')").run(inquiry.id, snapshot);
  recordDocumentOutput(db, { outputKey: 'flyer-2026-11', documents: ['flyer'], clinicIds: [merged.id], inquiryId: null }, 'saved', ctx);
  return { kept: getClinic(db, kept.id)!, merged: getClinic(db, merged.id)!, inquiry };
}

const merge = (db: Db, pair: ReturnType<typeof duplicatePair>, choices: MergeChoices = {}) =>
  mergeClinics(db, { keptId: pair.kept.id, mergedId: pair.merged.id, choices, keptRevision: pair.kept.revision, mergedRevision: pair.merged.revision }, ctx);

/** Every row that points at a clinic, with the clinic it points at. */
const pointers = (db: Db) => ({
  inquiries: db.prepare('SELECT id, clinic_id FROM inquiries ORDER BY id').all(),
  outputs: db.prepare('SELECT id, clinic_id FROM document_outputs ORDER BY id').all(),
});
/** A clinic's stored fields without the bookkeeping a write moves on (edit time, revision). */
const fieldsOf = (db: Db, id: string) =>
  db.prepare('SELECT name, name_kana, kind, bed_count, postal_code, address, phone, fax, contact_person, member_number, memo, archived_at, merged_into FROM clinics WHERE id = ?').get(id);

describe('merging two records of one clinic', () => {
  it('moves the inquiries (with their quotes) and print records to the kept record and archives the other with a pointer to it', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    merge(db, pair);
    expect(pointers(db).inquiries).toEqual([{ id: pair.inquiry.id, clinic_id: pair.kept.id }]);
    expect(pointers(db).outputs).toEqual([expect.objectContaining({ clinic_id: pair.kept.id })]);
    expect(db.prepare('SELECT i.clinic_id FROM inquiry_quotes q JOIN inquiries i ON i.id = q.inquiry_id').pluck().all()).toEqual([pair.kept.id]);
    const merged = getClinic(db, pair.merged.id)!;
    expect(merged).toMatchObject({ mergedInto: pair.kept.id, archivedAt: expect.any(String) });
    expect(search(db, '霧島')).toEqual(['霧島眼科']);
    expect(clinicMergesOf(db, pair.kept.id)).toEqual([
      expect.objectContaining({ mergedId: pair.merged.id, mergedName: '霧島眼科医院', moved: { inquiries: 1, quotes: 1, documentOutputs: 1 }, undoable: true }),
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('gives the kept record the value chosen for each field, and keeps its own where nothing was chosen', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    merge(db, pair, { phone: 'merged', address: 'merged', name: 'kept' });
    expect(getClinic(db, pair.kept.id)).toMatchObject({
      name: '霧島眼科', phone: '0995-00-2222', address: '霧島市国分中央1-1', contactPerson: '', memberNumber: 'K-100',
    });
    expect(search(db, '0995002222')).toEqual(['霧島眼科']);
  });

  it('takes the 会員番号 of the merged-away record when chosen: a 会員番号 names one record, so the archived one gives it up', () => {
    const db = freshDb();
    const kept = createClinic(db, clinic({ name: '国分内科' }), ctx);
    const merged = createClinic(db, clinic({ name: '国分内科', memberNumber: 'K-200' }), ctx);
    mergeClinics(db, { keptId: kept.id, mergedId: merged.id, choices: { memberNumber: 'merged' }, keptRevision: kept.revision, mergedRevision: merged.revision }, ctx);
    expect(getClinic(db, kept.id)!.memberNumber).toBe('K-200');
    expect(getClinic(db, merged.id)!.memberNumber).toBe('');
  });

  it('refuses 種別 and 病床数 taken from records that disagree, in Japanese, and changes nothing', () => {
    const db = freshDb();
    const kept = createClinic(db, clinic({ name: '隼人病院', kind: 'hospital', bedCount: 120 }), ctx);
    const merged = createClinic(db, clinic({ name: '隼人病院', kind: 'clinic_with_beds', bedCount: 19 }), ctx);
    const before = [fieldsOf(db, kept.id), fieldsOf(db, merged.id)];
    expect(() =>
      mergeClinics(db, { keptId: kept.id, mergedId: merged.id, choices: { bedCount: 'merged' }, keptRevision: kept.revision, mergedRevision: merged.revision }, ctx),
    ).toThrow(/種別と病床数が合いません/);
    expect([fieldsOf(db, kept.id), fieldsOf(db, merged.id)]).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM clinic_merges').pluck().get()).toBe(0);
  });

  it('refuses a record opened before someone else changed it (CONFLICT)', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    updateClinic(db, pair.merged.id, clinic({ name: '霧島眼科医院', memo: '別の窓口で追記' }), ctx, pair.merged.revision);
    expect(() => merge(db, pair)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(getClinic(db, pair.merged.id)!.mergedInto).toBeNull();
  });

  it('a merged-away record cannot be edited or brought back on its own: the message names the record kept', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    merge(db, pair);
    const merged = getClinic(db, pair.merged.id)!;
    expect(() => updateClinic(db, merged.id, clinic({ name: '霧島眼科医院2' }), ctx, merged.revision)).toThrow(/「霧島眼科」にまとめられています/);
    expect(() => setClinicArchived(db, merged.id, false, ctx)).toThrow(/まとめを取り消す/);
    expect(() => merge(db, { ...pair, merged })).toThrow(/すでに別の記録にまとめられています/);
  });

  it('a print record the kept record already holds for the same PDF stays on the merged-away one', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    recordDocumentOutput(db, { outputKey: 'flyer-2026-11', documents: ['flyer'], clinicIds: [pair.kept.id], inquiryId: null }, 'saved', ctx);
    const row = merge(db, pair);
    expect(JSON.parse(row.moved).documentOutputs).toEqual([]);
    expect(db.prepare('SELECT clinic_id FROM document_outputs ORDER BY clinic_id').pluck().all()).toEqual([pair.kept.id, pair.merged.id].sort());
  });
});

describe('undoing a merge', () => {
  it('puts everything back as it was: the kept values, the moved rows, the other record with its 会員番号, found by search again', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    const before = { kept: fieldsOf(db, pair.kept.id), merged: fieldsOf(db, pair.merged.id), pointers: pointers(db) };
    const row = merge(db, pair, { phone: 'merged', memberNumber: 'kept', contactPerson: 'merged' });
    undoClinicMerge(db, row.id, ctx);
    expect({ kept: fieldsOf(db, pair.kept.id), merged: fieldsOf(db, pair.merged.id), pointers: pointers(db) }).toEqual(before);
    expect(search(db, '霧島').sort()).toEqual(['霧島眼科', '霧島眼科医院']);
    expect(clinicMergesOf(db, pair.kept.id)).toEqual([expect.objectContaining({ undoneAt: expect.any(String), undoable: false })]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('gives back a 会員番号 the kept record had taken from the other', () => {
    const db = freshDb();
    const kept = createClinic(db, clinic({ name: '国分内科', memberNumber: 'K-201' }), ctx);
    const merged = createClinic(db, clinic({ name: '国分内科', memberNumber: 'K-200' }), ctx);
    const row = mergeClinics(db, { keptId: kept.id, mergedId: merged.id, choices: { memberNumber: 'merged' }, keptRevision: kept.revision, mergedRevision: merged.revision }, ctx);
    undoClinicMerge(db, row.id, ctx);
    expect([getClinic(db, kept.id)!.memberNumber, getClinic(db, merged.id)!.memberNumber]).toEqual(['K-201', 'K-200']);
  });

  it('is refused once the kept record has been edited since, in Japanese, and changes nothing', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    const row = merge(db, pair);
    const kept = getClinic(db, pair.kept.id)!;
    updateClinic(db, kept.id, clinic({ name: '霧島眼科', phone: '0995-00-3333', memberNumber: 'K-100', kind: 'clinic_no_beds', bedCount: 0 }), ctx, kept.revision);
    const after = { kept: fieldsOf(db, pair.kept.id), merged: fieldsOf(db, pair.merged.id), pointers: pointers(db) };
    expect(() => undoClinicMerge(db, row.id, ctx)).toThrow(/まとめた後に、残した記録が変更されています/);
    expect({ kept: fieldsOf(db, pair.kept.id), merged: fieldsOf(db, pair.merged.id), pointers: pointers(db) }).toEqual(after);
    expect(clinicMergesOf(db, pair.kept.id)[0]).toMatchObject({ undoable: false, undoneAt: null });
  });

  it('moves back only the rows the merge moved: an inquiry taken on the kept record afterwards stays there', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    const row = merge(db, pair);
    // A new inquiry taken on the kept record after the merge is the kept record's own.
    const later = createInquiry(db, pair.kept.id, { receivedOn: '2026-12-02', channel: 'counter', content: '', nextActionOn: null, staffId: null }, ctx);
    undoClinicMerge(db, row.id, ctx);
    expect(db.prepare('SELECT clinic_id FROM inquiries WHERE id = ?').pluck().get(later.id)).toBe(pair.kept.id);
    expect(db.prepare('SELECT clinic_id FROM inquiries WHERE id = ?').pluck().get(pair.inquiry.id)).toBe(pair.merged.id);
  });
});

describe('完全削除 after a merge', () => {
  it('removes the merged-away record and its merge without leaving a reference behind', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    merge(db, pair);
    expect(purgeArchived(db).clinics).toBe(1);
    expect(getClinic(db, pair.merged.id)).toBeUndefined();
    expect(db.prepare('SELECT count(*) FROM clinic_merges').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('a roster row matching a merged-away record', () => {
  it('is matched to the record it was merged into, by its old id, its phone or its name', () => {
    const db = freshDb();
    const pair = duplicatePair(db);
    merge(db, pair);
    const lookup = clinicMatchLookup(db);
    // An export made before the merge carries the duplicate's id; the roster still has its phone and name.
    const rows = [
      { id: pair.merged.id, keys: matchKeys({ memberNumber: '', phone: '', name: '', address: '' }) },
      { keys: matchKeys({ memberNumber: '', phone: '0995-00-2222', name: '別名', address: '' }) },
      { keys: matchKeys({ memberNumber: '', phone: '', name: '霧島眼科医院', address: '霧島市国分中央1-1' }) },
    ];
    expect(rows.map((row) => findClinicMatch(row, lookup)?.clinicId)).toEqual([pair.kept.id, pair.kept.id, pair.kept.id]);
  });
});
