import { describe, expect, it } from 'vitest';
import type { JobState } from '../../shared/contract/index.ts';
import { pdfText } from '../helpers/pdfTools.ts';
import { squeeze } from '../helpers/documentFixtures.ts';
import { call, downloadFile, startTestHost, waitForJob, type TestHost } from '../helpers/testHost.ts';

async function render(t: TestHost, input: unknown): Promise<JobState> {
  const started = (await call(t, 'jobs.start', { kind: 'documents.render', input })).body.result as JobState;
  return waitForJob(t, started.jobId);
}

const newClinic = async (t: TestHost, name: string, more: Record<string, unknown> = {}) =>
  (await call(t, 'clinics.create', { name, ...more })).body.result.id as string;

/** Four clinics: two with a FAX number, one without, one 送付不要 (which has one). */
async function fourClinics(t: TestHost) {
  return {
    withFax: await newClinic(t, '霧島の内科', { postalCode: '899-4301', fax: '0995-00-0001' }),
    alsoFax: await newClinic(t, '霧島の眼科', { postalCode: '899-4302', fax: '0995-00-0002' }),
    noFax: await newClinic(t, '鹿屋の外科', { postalCode: '893-0001' }),
    noMailing: await newClinic(t, '鹿屋の皮膚科', { postalCode: '893-0003', fax: '0994-00-0003', noMailing: true, noMailingReason: '先方より辞退' }),
  };
}

const history = async (t: TestHost, clinicId: string) =>
  (await call(t, 'documents.history', { clinicId })).body.result.items as { sentBy: string | null; faxNumber: string | null }[];

describe('a mailing and 送付不要', () => {
  it('leaves the 送付不要 clinic out of the PDF and the trail, and says how many it left out', async () => {
    const t = await startTestHost();
    const ids = await fourClinics(t);
    const finished = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: Object.values(ids), mailing: { sentBy: 'post' } });
    expect(finished.state).toBe('succeeded');
    const result = finished.result as { file: { fileId: string }; clinics: number; mailing: unknown };
    expect(result).toMatchObject({ clinics: 3, mailing: { leftOutNoMailing: 1, leftOutWithoutFax: 0, posted: 0 } });
    const text = squeeze(pdfText(await downloadFile(t, result.file.fileId)));
    expect(text).toContain('霧島の内科');
    expect(text).not.toContain('鹿屋の皮膚科');
    expect((await call(t, 'documents.recordOutput', { fileId: result.file.fileId, action: 'printed', sentBy: 'post' })).body.result).toMatchObject({ recorded: 3 });
    expect(await history(t, ids.noMailing)).toEqual([]);
    expect(await history(t, ids.noFax)).toMatchObject([{ sentBy: 'post' }]);
  });

  it('still prints a 送付不要 clinic on its own (handed over at the counter)', async () => {
    const t = await startTestHost();
    const { noMailing } = await fourClinics(t);
    const finished = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: [noMailing] });
    expect(finished).toMatchObject({ state: 'succeeded', result: { clinics: 1 } });
  });

  it('makes nothing when every clinic chosen is 送付不要, and says why', async () => {
    const t = await startTestHost();
    const { noMailing } = await fourClinics(t);
    const finished = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: [noMailing], mailing: { sentBy: null } });
    expect(finished).toMatchObject({ state: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(finished.error?.message).toContain('すべて「送付不要」のため');
  });
});

describe('a FAX mailing and clinics without a FAX number', () => {
  it('refuses until staff choose what to do with them', async () => {
    const t = await startTestHost();
    const ids = await fourClinics(t);
    expect((await call(t, 'mailing.withoutFax', { clinicIds: Object.values(ids) })).body.result.items).toEqual([{ id: ids.noFax, name: '鹿屋の外科' }]);
    const finished = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: Object.values(ids), mailing: { sentBy: 'fax' } });
    expect(finished).toMatchObject({ state: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(finished.error?.message).toContain('FAX番号のない医療機関が1件あります');
  });

  it('「除いて作成」 leaves them out and says so', async () => {
    const t = await startTestHost();
    const ids = await fourClinics(t);
    const finished = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: Object.values(ids), mailing: { sentBy: 'fax', withoutFax: 'leaveOut' } });
    const result = finished.result as { file: { fileId: string }; clinics: number };
    expect(result).toMatchObject({ clinics: 2, mailing: { leftOutNoMailing: 1, leftOutWithoutFax: 1, posted: 0 } });
    expect(squeeze(pdfText(await downloadFile(t, result.file.fileId)))).not.toContain('鹿屋の外科');
    await call(t, 'documents.recordOutput', { fileId: result.file.fileId, action: 'printed', sentBy: 'fax' });
    // Each clinic's row names the number its pages went to, as a single FAX's row does.
    expect(await history(t, ids.withFax)).toMatchObject([{ sentBy: 'fax', faxNumber: '0995-00-0001' }]);
    expect(await history(t, ids.alsoFax)).toMatchObject([{ sentBy: 'fax', faxNumber: '0995-00-0002' }]);
    expect(await history(t, ids.noFax)).toEqual([]);
  });

  it('「郵送に回す」 keeps them in the PDF and records them as 郵送, the others as FAX', async () => {
    const t = await startTestHost();
    const ids = await fourClinics(t);
    // Chosen first, yet posted: its pages come last, to be taken off the pile.
    const chosen = [ids.noFax, ids.withFax, ids.noMailing, ids.alsoFax];
    const finished = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: chosen, mailing: { sentBy: 'fax', withoutFax: 'post' } });
    const result = finished.result as { file: { fileId: string }; clinics: number };
    const text = squeeze(pdfText(await downloadFile(t, result.file.fileId)));
    expect(text.indexOf('鹿屋の外科')).toBeGreaterThan(text.indexOf('霧島の眼科'));
    expect(text.indexOf('霧島の眼科')).toBeGreaterThan(text.indexOf('霧島の内科'));
    expect(result).toMatchObject({ clinics: 3, mailing: { leftOutNoMailing: 1, leftOutWithoutFax: 0, posted: 1, postedNames: ['鹿屋の外科'] } });
    await call(t, 'documents.recordOutput', { fileId: result.file.fileId, action: 'printed', sentBy: 'fax' });
    expect(await history(t, ids.noFax)).toMatchObject([{ sentBy: 'post', faxNumber: null }]);
    expect(await history(t, ids.alsoFax)).toMatchObject([{ sentBy: 'fax', faxNumber: '0995-00-0002' }]);
  });
});

describe('a mailing is checked in the core, whatever starts it', () => {
  it('a render for several clinics without the mailing choice still leaves 送付不要 out', async () => {
    const t = await startTestHost();
    const ids = await fourClinics(t);
    const finished = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: Object.values(ids) });
    expect(finished.result).toMatchObject({ clinics: 3, mailing: { leftOutNoMailing: 1 } });
    expect(squeeze(pdfText(await downloadFile(t, (finished.result as { file: { fileId: string } }).file.fileId)))).not.toContain('鹿屋の皮膚科');
  });

  it('a mailing made for 郵送 cannot be recorded as FAX when some of its clinics have no number, and nothing is recorded', async () => {
    const t = await startTestHost();
    const ids = await fourClinics(t);
    const finished = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: Object.values(ids), mailing: { sentBy: 'post' } });
    const fileId = (finished.result as { file: { fileId: string } }).file.fileId;
    const refused = await call(t, 'documents.recordOutput', { fileId, action: 'printed', sentBy: 'fax' });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(refused.body.error.message).toContain('FAX番号のない医療機関が1件含まれるため、「FAX」として記録できません');
    expect(await history(t, ids.withFax)).toEqual([]);
    // Recorded as it was made, it goes on the trail.
    expect((await call(t, 'documents.recordOutput', { fileId, action: 'printed', sentBy: 'post' })).body.result).toMatchObject({ recorded: 3 });
  });

  it('a FAX mailing narrowed to one clinic records that clinic’s own number, not one typed for another', async () => {
    const t = await startTestHost();
    const ids = await fourClinics(t);
    const finished = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: [ids.alsoFax, ids.noMailing], mailing: { sentBy: 'fax' } });
    expect(finished.result).toMatchObject({ clinics: 1 });
    const fileId = (finished.result as { file: { fileId: string } }).file.fileId;
    await call(t, 'documents.recordOutput', { fileId, action: 'printed', sentBy: 'fax', faxNumber: '099-000-0000' });
    expect(await history(t, ids.alsoFax)).toMatchObject([{ sentBy: 'fax', faxNumber: '0995-00-0002' }]);
  });
});
