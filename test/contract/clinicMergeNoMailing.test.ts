import { describe, expect, it } from 'vitest';
import { call, startTestHost, type TestHost } from '../helpers/testHost.ts';

const create = async (t: TestHost, input: Record<string, unknown>) => (await call(t, 'clinics.create', { kind: 'clinic_no_beds', ...input })).body.result;

/** 「霧島の内科」 registered twice, the second time by a clerk who heard it wants no mail. */
async function twoRecords(t: TestHost, keptMark: Record<string, unknown>, mergedMark: Record<string, unknown>) {
  const kept = await create(t, { name: '霧島の内科', phone: '0995-00-1111', ...keptMark });
  const merged = await create(t, { name: '霧島の内科医院', phone: '0995-00-1111', ...mergedMark });
  return { kept, merged };
}

const merge = async (t: TestHost, kept: { id: string; revision: number }, merged: { id: string; revision: number }) =>
  call(t, 'clinics.merge', { keptId: kept.id, mergedId: merged.id, keptRevision: kept.revision, mergedRevision: merged.revision });

const clinicOf = async (t: TestHost, id: string) => (await call(t, 'clinics.get', { id })).body.result;
const recipients = async (t: TestHost) => (await call(t, 'mailing.recipients', { query: '霧島' })).body.result as { total: number; noMailing: number };

describe('重複をまとめる and 送付不要', () => {
  it('a clinic that asked for no mail stays 送付不要 when its unmarked duplicate is kept, and the next mailing leaves it out', async () => {
    const t = await startTestHost();
    const { kept, merged } = await twoRecords(t, {}, { noMailing: true, noMailingReason: '辞退' });
    const res = await merge(t, kept, merged);
    expect(res.body).toMatchObject({ ok: true, result: { kept: { id: kept.id, noMailing: true, noMailingReason: '辞退' } } });
    expect(res.body.result.merge.takenFields).toContain('送付不要');
    expect(await recipients(t)).toMatchObject({ total: 1, noMailing: 1 });
  });

  it('two marked records keep both reasons, joined, and one reason said twice is kept once', async () => {
    const t = await startTestHost();
    const both = await twoRecords(t, { noMailing: true, noMailingReason: '閉院予定' }, { noMailing: true, noMailingReason: '先方より辞退' });
    expect((await merge(t, both.kept, both.merged)).body.result.kept).toMatchObject({ noMailing: true, noMailingReason: '閉院予定／先方より辞退' });
    const same = await twoRecords(t, { name: '国分の内科', noMailing: true, noMailingReason: '辞退' }, { name: '国分の内科医院', noMailing: true, noMailingReason: '辞退' });
    expect((await merge(t, same.kept, same.merged)).body.result.kept).toMatchObject({ noMailing: true, noMailingReason: '辞退' });
  });

  it('joined reasons too long for the field are cut to its 200 characters, and the record can still be edited', async () => {
    const t = await startTestHost();
    const { kept, merged } = await twoRecords(t, { noMailing: true, noMailingReason: 'あ'.repeat(150) }, { noMailing: true, noMailingReason: 'い'.repeat(150) });
    const result = (await merge(t, kept, merged)).body.result.kept;
    expect(result.noMailingReason).toHaveLength(200);
    expect(result.noMailingReason.startsWith(`${'あ'.repeat(150)}／い`)).toBe(true);
    const { id, revision, name, kind, phone, noMailing, noMailingReason } = result;
    const edit = await call(t, 'clinics.update', { id, expectedRevision: revision, clinic: { name, kind, phone, noMailing, noMailingReason, memo: '電話あり' } });
    expect(edit.body).toMatchObject({ ok: true });
  });

  it('undoing the merge gives both records back their own 送付不要 as they were', async () => {
    const t = await startTestHost();
    const { kept, merged } = await twoRecords(t, {}, { noMailing: true, noMailingReason: '辞退' });
    const done = (await merge(t, kept, merged)).body.result;
    const undone = await call(t, 'clinics.undoMerge', { mergeId: done.merge.id });
    expect(undone.body).toMatchObject({ ok: true, result: { kept: { id: kept.id, noMailing: false, noMailingReason: '' } } });
    expect(await clinicOf(t, merged.id)).toMatchObject({ archivedAt: null, mergedInto: null, noMailing: true, noMailingReason: '辞退' });
    expect(await recipients(t)).toMatchObject({ total: 2, noMailing: 1 });
  });
});
