import { describe, expect, it } from 'vitest';
import { recordMessages } from '../../shared/messages/recordMessages.ts';
import { call, startTestHost, type TestHost } from '../helpers/testHost.ts';

const caller = { name: '霧島はじめ内科', nameKana: 'きりしまはじめないか', kind: 'clinic_no_beds', phone: '0995-11-2233' };

async function clinicsOnFile(t: TestHost): Promise<string[]> {
  const found = (await call(t, 'clinics.search', { query: '', includeArchived: true })).body.result;
  return found.items.map((c: { name: string }) => c.name);
}

async function inquiriesOnFile(t: TestHost): Promise<number> {
  return (await call(t, 'inquiries.list', {})).body.result.total;
}

describe('問い合わせを登録 for a caller not yet on file', () => {
  it('registers the clinic and its inquiry together, and the clinic’s summary lists the inquiry as open', async () => {
    const t = await startTestHost();
    const res = await call(t, 'inquiries.createWithClinic', { clinic: caller, inquiry: { receivedOn: '2026-11-24', channel: 'phone', content: '資料がほしい', nextActionOn: '2026-11-27' } });
    expect(res.body).toMatchObject({ ok: true, result: { clinic: { name: caller.name, phone: '0995-11-2233' }, detail: { inquiry: { status: 'new', clinicName: caller.name } } } });
    const { clinic, detail } = res.body.result;
    const summary = (await call(t, 'clinics.summary', { clinicId: clinic.id })).body.result;
    expect(summary).toMatchObject({ openTotal: 1, openInquiries: [{ id: detail.inquiry.id, nextActionOn: '2026-11-27' }], lastOutput: null });
  });

  it('an inquiry the core refuses (次回対応日 before 受付日) leaves no clinic behind', async () => {
    const t = await startTestHost();
    const res = await call(t, 'inquiries.createWithClinic', { clinic: caller, inquiry: { receivedOn: '2026-11-24', channel: 'phone', nextActionOn: '2026-11-20' } });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: recordMessages.nextActionBeforeReceived } });
    expect(await clinicsOnFile(t)).toEqual([]);
    expect(await inquiriesOnFile(t)).toBe(0);
  });

  it('a 担当者 who is not on file leaves no clinic and no inquiry', async () => {
    const t = await startTestHost();
    const res = await call(t, 'inquiries.createWithClinic', { clinic: caller, inquiry: { receivedOn: '2026-11-24', channel: 'phone', staffId: 'no-such-staff' } });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { staffId: recordMessages.staffNotFoundField } } });
    expect(await clinicsOnFile(t)).toEqual([]);
    expect(await inquiriesOnFile(t)).toBe(0);
  });

  it('a clinic without a name is refused next to the field, in Japanese, and nothing is saved', async () => {
    const t = await startTestHost();
    const res = await call(t, 'inquiries.createWithClinic', { clinic: { ...caller, name: '  ' }, inquiry: { receivedOn: '2026-11-24', channel: 'phone' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_INPUT');
    expect(res.body.error.fields['clinic.name']).toMatch(/医療機関名/);
    expect(await clinicsOnFile(t)).toEqual([]);
    expect(await inquiriesOnFile(t)).toBe(0);
  });
});
