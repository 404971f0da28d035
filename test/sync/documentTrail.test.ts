import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DocumentOutput } from '../../shared/documents/documentOutput.ts';
import { connectionTo, differences, machineUsers, openMachine, startHub, syncUntilConverged, type ClinicView, type Machine } from './machines.ts';

/** Runs a job as the window does (start, then its state until it ends) and returns its result. */
async function runJob<T>(machine: Machine, kind: string, input: unknown): Promise<T> {
  const { jobId } = await machine.call<{ jobId: string }>('jobs.start', { kind, input });
  for (;;) {
    const job = await machine.call<{ state: string; result?: unknown; error?: { message: string } }>('jobs.get', { jobId });
    if (job.state === 'succeeded') return job.result as T;
    if (job.state !== 'running') throw new Error(`${kind}: ${job.state} ${job.error?.message ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the trail of documents given, on machines that share', () => {
  it('an output recorded on one PC arrives on the other with how it went out, its content, its hash; a blank form with no clinic too', async () => {
    const hub = await startHub();
    const pc1 = await openMachine();
    const pc2 = await openMachine();
    pc1.core.sync.start(connectionTo(hub, machineUsers[0]));
    pc2.core.sync.start(connectionTo(hub, machineUsers[1]));
    const clinic = await pc1.call<ClinicView>('clinics.create', { name: '霧島眼科', phone: '0995-45-0000', fax: '0995-45-0001' });
    const sheet = await runJob<{ file: { fileId: string } }>(pc1, 'documents.render', { documents: ['inquiryFaxSheet'], clinicIds: [clinic.id] });
    await pc1.call('documents.recordOutput', { fileId: sheet.file.fileId, action: 'printed', sentBy: 'fax', faxNumber: '0995-45-0001' });
    const blank = await runJob<{ file: { fileId: string } }>(pc1, 'documents.render', { documents: ['inquiryFaxSheet'], clinicIds: [] });
    await pc1.call('documents.recordOutput', { fileId: blank.file.fileId, action: 'printed', sentBy: 'hand' });
    await syncUntilConverged(hub, [pc1, pc2]);

    const [here] = (await pc1.call<{ items: DocumentOutput[] }>('documents.history', { clinicId: clinic.id })).items;
    const [there] = (await pc2.call<{ items: DocumentOutput[] }>('documents.history', { clinicId: clinic.id })).items;
    expect(here).toMatchObject({ sentBy: 'fax', faxNumber: '0995-45-0001', contentCode: 'SJ24-13707', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(there).toEqual(here);
    const blankThere = new Database(pc2.core.dbPath, { readonly: true });
    try {
      expect(blankThere.prepare("SELECT clinic_id, sent_by, content_code, length(sha256) AS hash FROM document_outputs WHERE clinic_id IS NULL").all()).toEqual([
        { clinic_id: null, sent_by: 'hand', content_code: 'SJ24-13707', hash: 64 },
      ]);
    } finally {
      blankThere.close();
    }
    // The kept PDF stays on the machine that made it: the other says where it is.
    const elsewhere = await pc2.core.dispatch('documents.show', { outputId: there!.id });
    expect(elsewhere).toMatchObject({ ok: false, error: { message: 'この書類は別の端末で作られ、その端末に保存されています。作った端末で表示してください。' } });
    expect(await pc1.call('documents.show', { outputId: here!.id })).toMatchObject({ matches: true });
    // Every shared column of every row agrees with the hub.
    expect(await differences(hub, pc2)).toEqual([]);
  });
});
