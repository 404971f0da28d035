import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import type { JobState } from '../../shared/contract/index.ts';
import { call, downloadFile, startTestHost, waitForJob, type TestHost } from '../helpers/testHost.ts';
import { squeeze } from '../helpers/documentFixtures.ts';

async function render(t: TestHost, input: unknown): Promise<{ file: { fileId: string; name: string } }> {
  const started = (await call(t, 'jobs.start', { kind: 'documents.render', input })).body.result as JobState;
  const finished = await waitForJob(t, started.jobId);
  expect(finished.state).toBe('succeeded');
  return finished.result as { file: { fileId: string; name: string } };
}

const pdfText = (pdf: Buffer) => squeeze(execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8'));

describe("the agency's own texts", () => {
  it('start with the solicitation statement unset (nothing assumed) and the notices at their initial wording', async () => {
    const t = await startTestHost();
    const texts = (await call(t, 'settings.agencyTexts', {})).body.result;
    expect(texts.solicitationCapacity).toEqual({ key: 'solicitationCapacity', value: null, version: 0, updatedAt: null });
    expect(texts.formNumber).toMatchObject({ value: null, version: 0 });
    expect(texts.faxSheetWishes.value).toBe('資料がほしい\n保険料を知りたい\n説明を聞きたい');
  });

  it('keep every version: each save is the next version, and a save from a screen that saw an older one is refused', async () => {
    const t = await startTestHost();
    const first = (await call(t, 'settings.updateAgencyText', { key: 'formNumber', value: ' KMC-FAX-01 ', expectedVersion: 0 })).body.result;
    expect(first.formNumber).toMatchObject({ value: 'KMC-FAX-01', version: 1 });
    const second = (await call(t, 'settings.updateAgencyText', { key: 'formNumber', value: 'KMC-FAX-02', expectedVersion: 1 })).body.result;
    expect(second.formNumber).toMatchObject({ value: 'KMC-FAX-02', version: 2 });
    const stale = await call(t, 'settings.updateAgencyText', { key: 'formNumber', value: 'KMC-FAX-03', expectedVersion: 1 });
    expect(stale.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('ほかの窓口でこの文言が変更されました') } });
    const db = openDatabase(t.core.dbPath);
    expect(db.prepare("SELECT version, value FROM agency_text_versions WHERE key = 'formNumber' ORDER BY version").all()).toEqual([
      { version: 1, value: 'KMC-FAX-01' },
      { version: 2, value: 'KMC-FAX-02' },
    ]);
    db.close();
  });

  it('refuse a bad text with a Japanese message on the field and change nothing', async () => {
    const t = await startTestHost();
    const noRole = await call(t, 'settings.updateAgencyText', { key: 'solicitationCapacity', value: '損害保険ジャパン株式会社', expectedVersion: 0 });
    expect(noRole.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { value: expect.stringContaining('代理（代理店）か媒介か') } } });
    const brandOnly = await call(t, 'settings.updateAgencyText', { key: 'solicitationCapacity', value: '当組合は損保ジャパンの代理店です。', expectedVersion: 0 });
    expect(brandOnly.body.error.fields.value).toBe('保険会社は正式な名称「損害保険ジャパン株式会社」で書いてください（チラシの「損保ジャパン」は略称です）。');
    const empty = await call(t, 'settings.updateAgencyText', { key: 'solicitationCapacity', value: '  ', expectedVersion: 0 });
    expect(empty.body.error.fields.value).toBe('募集の立場（保険会社名と代理・媒介の別）を入力してください。');
    const fiveWishes = await call(t, 'settings.updateAgencyText', { key: 'faxSheetWishes', value: 'a\nb\nc\nd\ne', expectedVersion: 0 });
    expect(fiveWishes.body.error.fields.value).toContain('2〜4行');
    expect((await call(t, 'settings.agencyTexts', {})).body.result.solicitationCapacity).toMatchObject({ value: null, version: 0 });
  });

  it('print on the FAX問い合わせ票 as saved, and the printed output records which version it used', async () => {
    const t = await startTestHost();
    await call(t, 'settings.updateAgencyText', { key: 'formNumber', value: 'KMC-FAX-01', expectedVersion: 0 });
    await call(t, 'settings.updateAgencyText', { key: 'faxSheetWishes', value: 'パンフレット希望\n訪問説明希望', expectedVersion: 0 });
    const clinic = (await call(t, 'clinics.create', { name: '霧島中央クリニック', fax: '0995-12-3457' })).body.result;
    const { file } = await render(t, { documents: ['inquiryFaxSheet'], clinicIds: [clinic.id] });
    const text = pdfText(await downloadFile(t, file.fileId));
    expect(text).toContain('様式番号：KMC-FAX-01');
    expect(text).toContain('パンフレット希望');
    expect(text).not.toContain('資料がほしい');
    expect(text).not.toContain('SJ24-13707');
    await call(t, 'documents.recordOutput', { fileId: file.fileId, action: 'printed' });
    const db = openDatabase(t.core.dbPath);
    const row = db.prepare('SELECT agency_texts FROM document_outputs WHERE clinic_id = ?').get(clinic.id) as { agency_texts: string };
    db.close();
    // The purpose of use is printed at its initial text (version 0) until staff edit it.
    expect(JSON.parse(row.agency_texts)).toEqual({ formNumber: 1, faxSheetWishes: 1, purposeOfUse: 0 });
  });
});

describe('the チラシ while the rate table is a sample', () => {
  it('is made as a specimen: 見本 in the file name, refused for a mailing, and not recorded as sent', async () => {
    const t = await startTestHost();
    const alone = await render(t, { documents: ['flyer'] });
    expect(alone.file.name).toMatch(/^チラシ（見本）_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdfText(await downloadFile(t, alone.file.fileId))).toContain('見本');

    const a = (await call(t, 'clinics.create', { name: '霧島中央クリニック', fax: '0995-12-3457' })).body.result;
    const b = (await call(t, 'clinics.create', { name: '国分南医院', fax: '0995-12-0000' })).body.result;
    const mailing = (await call(t, 'jobs.start', { kind: 'documents.render', input: { documents: ['faxCoverSheet', 'flyer'], clinicIds: [a.id, b.id] } })).body.result as JobState;
    expect(await waitForJob(t, mailing.jobId)).toMatchObject({ state: 'failed', error: { code: 'INVALID_INPUT', message: expect.stringContaining('チラシは見本しか作れず') } });

    const set = await render(t, { documents: ['faxCoverSheet', 'flyer'], clinicIds: [a.id] });
    expect((await call(t, 'documents.recordOutput', { fileId: set.file.fileId, action: 'printed' })).body.result.recorded).toBe(1);
    expect((await call(t, 'documents.history', { clinicId: a.id })).body.result.items).toMatchObject([{ documents: ['faxCoverSheet'] }]);
  });
});
