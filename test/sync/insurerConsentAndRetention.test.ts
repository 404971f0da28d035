import { describe, expect, it } from 'vitest';
import { type ClinicView, differences, officeAndLaptop, syncUntilConverged } from './machines.ts';

interface InquiryView {
  inquiry: { id: string; revision: number; insurerConsent: string; receivedOn: string; channel: string; content: string };
}

describe('consent and the retention period shared between machines', () => {
  it('同意なし recorded on the laptop and a retention period set at the office reach the other machine', async () => {
    const { hub, office, laptop } = await officeAndLaptop();
    const clinic = await office.call<ClinicView>('clinics.create', { name: '鹿屋中央病院' });
    const created = await office.call<InquiryView>('inquiries.create', { clinicId: clinic.id, receivedOn: '2026-12-04', channel: 'phone' });
    await syncUntilConverged(hub, [office, laptop]);

    const onLaptop = await laptop.call<InquiryView>('inquiries.get', { id: created.inquiry.id });
    expect(onLaptop.inquiry.insurerConsent).toBe('unknown');
    const { receivedOn, channel, content } = onLaptop.inquiry;
    await laptop.call('inquiries.update', { id: created.inquiry.id, inquiry: { receivedOn, channel, content, insurerConsent: 'no' }, expectedRevision: onLaptop.inquiry.revision });
    await office.call('retention.update', { years: 10 });
    await syncUntilConverged(hub, [office, laptop]);

    expect((await office.call<InquiryView>('inquiries.get', { id: created.inquiry.id })).inquiry.insurerConsent).toBe('no');
    expect(await laptop.call<{ years: number }>('retention.get', {})).toMatchObject({ years: 10 });
    for (const machine of [office, laptop]) expect(await differences(hub, machine)).toEqual([]);
  });
});
