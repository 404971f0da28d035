import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { officialSource } from '../helpers/officialRateTable.ts';
import { officialTable, putAsNewerApp } from '../helpers/sharedContent.ts';
import { connectionTo, differences, machineUsers, openMachine, startHub, syncUntilConverged, waitUntil, type ClinicView, type Machine } from './machines.ts';

interface ContentView {
  rates: { version: string; status: string };
  problems: { file: string; kind: string; setAside?: { version: string; official: boolean }; messages: string[] }[];
}
interface ChangeView {
  id: string;
  label: string;
  revertedAt: string | null;
  staffName: string | null;
  notUsedHere?: true;
}
interface QuoteView {
  snapshot: { monthlyYen: number; planName: string; tableVersion: string; sample: boolean };
}

/** An official table as the insurer's figures are typed into it (JSON, as 設定 also takes one). */
/** Installs an official table through 設定's channel, confirmed by the staff member chosen on that PC. */
async function installOfficialTable(machine: Machine, table: ReturnType<typeof officialTable>): Promise<ChangeView> {
  const file = await machine.core.files.addBytes(Buffer.from(JSON.stringify(table)), '保険料表.json', 'application/json');
  return machine.call<ChangeView>('content.acceptImport', { kind: 'rates', fileId: file.fileId, version: table.version, source: officialSource });
}

async function chooseStaff(machine: Machine, name: string): Promise<void> {
  const staff = await machine.call<{ id: string }>('staff.create', { name });
  await machine.call('settings.update', { currentStaffId: staff.id });
}

/** A quote saved on an inquiry of this PC: the figure its counter would give a clinic without beds, plan P2. */
async function quoteHere(machine: Machine): Promise<QuoteView['snapshot']> {
  const clinic = await machine.call<ClinicView>('clinics.create', { name: `試算用クリニック${Math.random().toString(36).slice(2, 6)}` });
  const detail = await machine.call<{ inquiry: { id: string } }>('inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'counter', content: '保険料を知りたい' });
  return (await machine.call<QuoteView>('quotes.save', { inquiryId: detail.inquiry.id, clinicKind: 'clinic_no_beds', planId: 'P2' })).snapshot;
}

const content = (machine: Machine) => machine.call<ContentView>('content.get', {});
const installedRateFiles = (machine: Machine) => {
  const dir = path.join(machine.dataDir, 'content', 'rates');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
};

describe('official rate tables and content packs shared between machines', () => {
  it('an official table installed on one PC quotes the same figures on the other; taking it back there takes it back on both', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    await pc2.call('settings.update', { receiptPrefix: 'B' });
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const sampleQuote = await quoteHere(pc2);
    expect(sampleQuote.sample).toBe(true);

    await chooseStaff(pc1, '窓口 花子');
    const change = await installOfficialTable(pc1, officialTable('2027年度 正式', 3200));
    await syncUntilConverged(hub, [pc1, pc2]);
    await waitUntil(async () => (await content(pc2)).rates.version === '2027年度 正式');

    const [quoted1, quoted2] = [await quoteHere(pc1), await quoteHere(pc2)];
    expect(quoted2).toEqual(quoted1);
    expect(quoted2).toMatchObject({ monthlyYen: 4200, planName: 'スタンダード', tableVersion: '2027年度 正式', sample: false });
    // The same bytes on both PCs, under the name the installing PC gave them; the history names who confirmed it.
    expect(installedRateFiles(pc2)).toEqual(installedRateFiles(pc1));
    const [file] = installedRateFiles(pc1);
    expect(fs.readFileSync(path.join(pc2.dataDir, 'content', 'rates', file!), 'utf8')).toBe(fs.readFileSync(path.join(pc1.dataDir, 'content', 'rates', file!), 'utf8'));
    expect(await pc2.call<{ items: ChangeView[] }>('content.changes', {})).toEqual({ items: [expect.objectContaining({ id: change.id, label: '2027年度 正式', staffName: '窓口 花子', revertedAt: null })] });

    await pc2.call('content.revert', { changeId: change.id });
    await syncUntilConverged(hub, [pc1, pc2]);
    await waitUntil(async () => (await content(pc1)).rates.status === 'sample');
    expect(await quoteHere(pc1)).toMatchObject({ monthlyYen: sampleQuote.monthlyYen, sample: true });
    await syncUntilConverged(hub, [pc1, pc2]);
    // Taken back, never deleted: the file waits aside on both.
    for (const machine of [pc1, pc2]) {
      expect(installedRateFiles(machine)).toEqual([]);
      expect(fs.readdirSync(path.join(machine.dataDir, 'content', 'reverted'))).toEqual([file]);
      expect((await machine.call<{ items: ChangeView[] }>('content.changes', {})).items[0]?.revertedAt).not.toBeNull();
      expect(await differences(hub, machine)).toEqual([]);
    }
  });

  it('a content pack installed on one PC is the flyer text on the other', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const bundled = JSON.parse(fs.readFileSync(path.resolve('resources/content/SJ24-13707.json'), 'utf8')) as { document: Record<string, string> };
    const pack = { ...bundled, productName: '医療機関向けサイバー保険（改訂）', document: { ...bundled.document, code: 'SJ26-00001', createdOn: '2026-11-01', createdLabel: '2026年11月1日作成' } };
    const file = await pc1.core.files.addBytes(Buffer.from(JSON.stringify(pack)), 'パック.json', 'application/json');
    await pc1.call('content.acceptImport', { kind: 'pack', fileId: file.fileId });
    await syncUntilConverged(hub, [pc1, pc2]);
    await waitUntil(async () => (await pc2.call<{ pack: { document: { code: string } } }>('content.get', {})).pack.document.code === 'SJ26-00001');
    expect((await pc2.call<{ pack: { productName: string } }>('content.get', {})).pack.productName).toBe('医療機関向けサイバー保険（改訂）');
  });

  it('a table a newer app installed that this app cannot read leaves the previous one in force here, and says so', async () => {
    const hub = await startHub();
    const pc = await openMachine();
    pc.core.sync.start(connectionTo(hub, machineUsers[0]));
    const id = await putAsNewerApp(hub, officialTable('2028年度 正式', 5100, 2), '0193f000-0000-7000-8000-0000000000aa');
    await syncUntilConverged(hub, [pc]);

    const shown = await content(pc);
    expect(shown.rates.status).toBe('sample');
    const refused = shown.problems.find((p) => p.messages[0]?.includes('2028年度 正式'));
    expect(refused).toMatchObject({ kind: 'rates', setAside: { version: '2028年度 正式', official: true } });
    expect(refused!.messages[0]).toContain('アプリを最新版に更新すると使えるようになります');
    expect(refused!.messages.slice(1).join()).toContain('保険料表の形式（schemaVersion）が対応していません');
    expect(await quoteHere(pc)).toMatchObject({ sample: true });
    expect(installedRateFiles(pc)).toEqual([]);
    // The office's history is the same everywhere: the row is here, only its file is not used.
    expect((await pc.call<{ items: ChangeView[] }>('content.changes', {})).items).toEqual([expect.objectContaining({ id, notUsedHere: true })]);
  });

  it('a table installed on a PC before it shared reaches the others when it joins, even by taking the hub’s records', async () => {
    const hub = await startHub();
    const office = await openMachine();
    await office.call('clinics.create', { name: '以前からの取引先' });
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    office.core.sync.shareLocalRecords();
    await syncUntilConverged(hub, [office]);

    const laptop = await openMachine();
    await laptop.call('settings.update', { receiptPrefix: 'B' });
    await chooseStaff(laptop, '外回り 太郎');
    await installOfficialTable(laptop, officialTable('2027年度 正式', 2800));
    await laptop.core.sync.takeHubRecords(connectionTo(hub, machineUsers[2]));
    await syncUntilConverged(hub, [office, laptop]);
    await waitUntil(async () => (await content(office)).rates.version === '2027年度 正式');

    // Its clinics gave way to the hub's; its table and the staff member who confirmed it did not.
    expect((await laptop.call<{ items: { name: string }[] }>('clinics.search', { query: '' })).items.map((c) => c.name)).toEqual(['以前からの取引先']);
    expect((await office.call<{ items: ChangeView[] }>('content.changes', {})).items).toEqual([expect.objectContaining({ staffName: '外回り 太郎', revertedAt: null })]);
    expect((await quoteHere(office)).monthlyYen).toBe(3800);
  });
});
