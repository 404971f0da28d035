import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/contract/jobs.ts';
import { importantMattersPdf, packNamingImportantMatters, sha256Of } from '../helpers/importantMattersPack.ts';
import { connectionTo, differences, machineUsers, openMachine, startHub, syncUntilConverged, waitUntil, type ClinicView, type Machine } from './machines.ts';

/** A one-page stand-in for the insurer's own flyer. */
async function insurerFlyerPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595.28, 841.89]).drawText('INSURER FLYER', { x: 60, y: 700, size: 24, font: await doc.embedFont(StandardFonts.Helvetica) });
  doc.setCreationDate(new Date('2026-04-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-04-01T00:00:00Z'));
  return Buffer.from(await doc.save());
}

/** The PDF made for these documents on this machine, as bytes. */
async function printed(machine: Machine, documents: string[]): Promise<Buffer> {
  let job = await machine.call<JobState>('jobs.start', { kind: 'documents.render', input: { documents } });
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = await machine.call<JobState>('jobs.get', { jobId: job.jobId });
  }
  expect(job).toMatchObject({ state: 'succeeded' });
  return fs.readFileSync(machine.core.files.get((job.result as { file: { fileId: string } }).file.fileId)!.path);
}

describe("the insurer's PDFs of a content pack, shared between machines", () => {
  it('a pack installed with its important-matters PDF and flyer on one PC prints the same PDF bytes on the other', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    await pc2.call('settings.update', { receiptPrefix: 'B' });
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));

    const matters = await importantMattersPdf();
    const flyer = await insurerFlyerPdf();
    const pack = { ...JSON.parse(packNamingImportantMatters(matters)), insurerFlyerPdf: { file: 'SJ24-13707.pdf', sha256: sha256Of(flyer) } };
    const packFile = await pc1.core.files.addBytes(Buffer.from(JSON.stringify(pack)), 'パック.json', 'application/json');
    const pdfIds = await Promise.all([matters, flyer].map(async (bytes, i) => (await pc1.core.files.addBytes(bytes, `insurer-${i}.pdf`, 'application/pdf')).fileId));
    await pc1.call('content.acceptImport', { kind: 'pack', fileId: packFile.fileId, pdfFileIds: pdfIds });

    await syncUntilConverged(hub, [pc1, pc2]);
    await waitUntil(async () => (await pc2.call<{ importantMatters: unknown }>('content.get', {})).importantMatters !== null);
    expect(await pc2.call<{ importantMatters: unknown; insurerFlyer: boolean }>('content.get', {})).toMatchObject({
      importantMatters: { code: 'SJ26-01234', date: '2026-04-01' },
      insurerFlyer: true,
    });
    const onPc2 = await printed(pc2, ['importantMatters']);
    expect(onPc2.equals(await printed(pc1, ['importantMatters']))).toBe(true);
    expect(onPc2.equals(matters)).toBe(true);
    expect((await printed(pc2, ['flyer'])).equals(flyer)).toBe(true);
    expect(fs.readdirSync(path.join(pc2.dataDir, 'content', 'pdfs')).sort()).toEqual([`${sha256Of(matters)}.pdf`, `${sha256Of(flyer)}.pdf`].sort());
  });

  it('a handover recorded on one PC is listed on the other, with who handed it over', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    await pc2.call('settings.update', { receiptPrefix: 'B' });
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const staff = await pc1.call<{ id: string }>('staff.create', { name: '窓口 花子' });
    await pc1.call('settings.update', { currentStaffId: staff.id });
    const clinic = await pc1.call<ClinicView>('clinics.create', { name: '霧島中央クリニック' });
    const { inquiry } = await pc1.call<{ inquiry: { id: string } }>('inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'phone' });
    await pc1.call('importantMatters.record', { inquiryId: inquiry.id, handedOn: '2026-11-25', docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'post' });

    await syncUntilConverged(hub, [pc1, pc2]);
    expect(await pc2.call('importantMatters.list', { inquiryId: inquiry.id })).toMatchObject({
      handedOver: true,
      items: [{ handedOn: '2026-11-25', method: 'post', actor: { name: '窓口 花子' } }],
    });
    expect(await differences(hub, pc2)).toEqual([]);
  });
});
