import { describe, expect, it } from 'vitest';
import { type ClinicView, differences, officeAndLaptop, syncUntilConverged } from './machines.ts';

interface NoMailingView extends ClinicView {
  revision: number;
  noMailing: boolean;
  noMailingReason: string;
}

describe('送付不要 shared between machines', () => {
  it('marked on the laptop, it reaches the office; an edit of another field there keeps it', async () => {
    const { hub, office, laptop } = await officeAndLaptop();
    const clinic = await office.call<NoMailingView>('clinics.create', { name: '鹿屋中央病院' });
    await syncUntilConverged(hub, [office, laptop]);

    const onLaptop = await laptop.call<NoMailingView>('clinics.get', { id: clinic.id });
    await laptop.call('clinics.update', {
      id: clinic.id,
      clinic: { name: '鹿屋中央病院', noMailing: true, noMailingReason: '先方より辞退' },
      expectedRevision: onLaptop.revision,
    });
    await syncUntilConverged(hub, [office, laptop]);
    const onOffice = await office.call<NoMailingView>('clinics.get', { id: clinic.id });
    expect(onOffice).toMatchObject({ noMailing: true, noMailingReason: '先方より辞退' });

    // An edit that does not carry the mark (a form of an older app, an import) leaves it as it is everywhere.
    await office.call('clinics.update', { id: clinic.id, clinic: { name: '鹿屋中央病院', memo: '電話あり' }, expectedRevision: onOffice.revision });
    await syncUntilConverged(hub, [office, laptop]);
    expect(await laptop.call<NoMailingView>('clinics.get', { id: clinic.id })).toMatchObject({ memo: '電話あり', noMailing: true, noMailingReason: '先方より辞退' });
    for (const machine of [office, laptop]) expect(await differences(hub, machine)).toEqual([]);
  });
});
