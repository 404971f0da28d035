import { describe, expect, it } from 'vitest';
import { receiptNumberMessages } from '../../shared/messages/receiptNumberMessages.ts';
import { call, startTestHost, type TestHost } from '../helpers/testHost.ts';

async function inquiryOn(t: TestHost, clinicName: string, receivedOn: string): Promise<{ id: string; receiptNumber: string }> {
  const clinic = (await call(t, 'clinics.create', { name: clinicName, kind: 'clinic_no_beds' })).body.result;
  return (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn, channel: 'fax' })).body.result.inquiry;
}

describe('inquiries.list by 受付番号', () => {
  it('finds the inquiry by the number typed as an IME gives it (full-width, long-vowel mark for the hyphen, lower case)', async () => {
    const t = await startTestHost();
    await inquiryOn(t, '谷山内科', '2026-11-24');
    const second = await inquiryOn(t, '伊集院眼科', '2026-11-25');
    expect(second.receiptNumber).toBe('A-2026-0002');
    const res = await call(t, 'inquiries.list', { receiptNumber: 'ａ－２０２６ー０００２' });
    expect(res.body).toMatchObject({ ok: true, result: { total: 1, items: [{ id: second.id, clinicName: '伊集院眼科', receiptNumberShared: false }] } });
    expect((await call(t, 'inquiries.list', { receiptNumber: 'A-2026-0003' })).body).toMatchObject({ ok: true, result: { total: 0, items: [] } });
  });

  it('a number no one issued alone has no other inquiry on its detail', async () => {
    const t = await startTestHost();
    const only = await inquiryOn(t, '谷山内科', '2026-11-24');
    expect((await call(t, 'inquiries.get', { id: only.id })).body).toMatchObject({ ok: true, result: { sameReceiptNumber: [] } });
  });

  it('refuses a lookup longer than any 受付番号 with a Japanese message next to the field', async () => {
    const t = await startTestHost();
    const res = await call(t, 'inquiries.list', { receiptNumber: 'A-2026-0001-0001-0001' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { receiptNumber: receiptNumberMessages.lookupTooLong } } });
  });
});
