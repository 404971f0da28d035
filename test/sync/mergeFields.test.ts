import { describe, expect, it } from 'vitest';
import type { SyncNotice } from '../../shared/domain/sync.ts';
import { claimReceiptPrefix } from '../../electron/core/sync/receiptPrefixClaim.ts';
import { machineLabel } from '../../shared/messages/syncMessages.ts';
import { connectionTo, differences, editClinic, machineIdOf, machineUsers, notices, openMachine, startHub, syncUntilConverged, type ClinicView } from './machines.ts';

describe('two office PCs and a laptop sharing one clinic', () => {
  it('different fields edited on two PCs both survive, with no notice', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const clinic = await pc1.call<ClinicView>('clinics.create', { name: '桜島クリニック', phone: '099-293-1234' });
    await syncUntilConverged(hub, [pc1, pc2]);
    expect((await pc2.call<ClinicView>('clinics.get', { id: clinic.id })).name).toBe('桜島クリニック');

    // Both edit while apart: neither has seen the other's change.
    await pc1.core.sync.stop();
    await pc2.core.sync.stop();
    await editClinic(pc1, clinic.id, { phone: '099-293-9999' });
    await editClinic(pc2, clinic.id, { memo: '院長は火曜午後在席' });
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    await syncUntilConverged(hub, [pc1, pc2]);

    for (const machine of [pc1, pc2]) {
      const merged = await machine.call<ClinicView>('clinics.get', { id: clinic.id });
      expect(merged).toMatchObject({ phone: '099-293-9999', memo: '院長は火曜午後在席' });
      expect(notices(machine)).toEqual([]);
      expect(await differences(hub, machine)).toEqual([]);
    }
  });

  it('the same field edited on three machines at once ends identical everywhere, each replaced value kept once as a notice', async () => {
    const hub = await startHub();
    // Clocks a few seconds apart, well within the two minutes: each machine's edit time is its own.
    const machines = [await openMachine(), await openMachine({ clockOffsetMs: 5_000 }), await openMachine({ clockOffsetMs: 10_000 })];
    // Each claimed its 受付番号 prefix on joining: that is how the notices name them to staff.
    const prefixes = ['A', 'B', 'L'];
    for (const [i, machine] of machines.entries()) await claimReceiptPrefix(connectionTo(hub, machineUsers[i]), prefixes[i]!, machineIdOf(machine));
    machines.forEach((machine, i) => machine.core.sync.start(connectionTo(hub, machineUsers[i])));
    const clinic = await machines[0]!.call<ClinicView>('clinics.create', { name: '霧島眼科', phone: '0995-45-0000' });
    await syncUntilConverged(hub, machines);

    for (const machine of machines) await machine.core.sync.stop();
    const phones = ['0995-45-1111', '0995-45-2222', '0995-45-3333'];
    for (const [i, machine] of machines.entries()) await editClinic(machine, clinic.id, { phone: phones[i] });
    machines.forEach((machine, i) => machine.core.sync.start(connectionTo(hub, machineUsers[i])));
    await syncUntilConverged(hub, machines);

    const kept = (await machines[0]!.call<ClinicView>('clinics.get', { id: clinic.id })).phone;
    expect(phones).toContain(kept);
    const expected = notices(machines[0]!);
    const phoneNotices = expected.filter((notice) => notice.field === 'phone');
    expect(phoneNotices.map((notice) => notice.replaced).sort()).toEqual(phones.filter((phone) => phone !== kept).sort());
    for (const notice of phoneNotices) {
      // The kept value is the one with the later (edit time, machine): the same choice on every machine.
      expect(notice.kept).toBe(kept);
      const { keptStamp: k, replacedStamp: r } = notice;
      expect(k.t > r.t || (k.t === r.t && k.m > r.m)).toBe(true);
    }
    for (const machine of machines) {
      expect((await machine.call<ClinicView>('clinics.get', { id: clinic.id })).phone).toBe(kept);
      expect(notices(machine)).toEqual(expected);
      expect(await differences(hub, machine)).toEqual([]);
    }
    // On the first office PC, the list in 設定 → 同期 names who replaced what by their prefixes.
    const shown = (await machines[0]!.call<{ items: SyncNotice[] }>('sync.notices', { includeResolved: false })).items.filter((n) => n.field === 'phone');
    const writerOf = (phone: string) => phones.indexOf(phone);
    expect(shown.map((n) => machineLabel(n.replaced)).sort()).toEqual(
      shown.map((n) => (writerOf(n.replacedValue) === 0 ? 'この端末' : `受付番号「${prefixes[writerOf(n.replacedValue)]}」の端末`)).sort(),
    );
    expect(shown.map((n) => n.replaced.machinePrefix).sort()).toEqual(phones.filter((p) => p !== kept).map((p) => prefixes[writerOf(p)]).sort());
  });

  it('edits of one field made one after the other, each having seen the last, leave no notice', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    const laptop = await openMachine();
    const machines = [pc1, pc2, laptop];
    machines.forEach((machine, i) => machine.core.sync.start(connectionTo(hub, machineUsers[i])));
    const clinic = await pc1.call<ClinicView>('clinics.create', { name: '指宿内科', memo: '初回訪問' });
    for (const [i, machine] of [pc2, laptop, pc1].entries()) {
      await syncUntilConverged(hub, machines);
      await editClinic(machine, clinic.id, { memo: `訪問${i + 2}回目` });
    }
    await syncUntilConverged(hub, machines);
    for (const machine of machines) {
      expect((await machine.call<ClinicView>('clinics.get', { id: clinic.id })).memo).toBe('訪問4回目');
      expect(notices(machine)).toEqual([]);
      expect(await differences(hub, machine)).toEqual([]);
    }
  });
});
