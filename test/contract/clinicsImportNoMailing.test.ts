import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { call, downloadFile, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';
import { clinicRows, exportCsv, importCsv, previewImport } from '../helpers/importJobs.ts';

const reason = '先方より辞退の連絡あり（2026年12月）';

/** A clinic that asked for no mail and one that gets it, as staff register them on the form. */
async function withMarkedClinic() {
  const t = await startTestHost();
  const marked = (await call(t, 'clinics.create', { name: '霧島いずみ医院', phone: '0995-45-1111', noMailing: true, noMailingReason: reason })).body.result;
  const plain = (await call(t, 'clinics.create', { name: '国分さくら医院', phone: '0995-45-2222' })).body.result;
  return { t, marked, plain };
}

/** The exported list as Excel shows it: its header and one record per clinic, keyed by header. */
async function exportedList(t: TestHost) {
  const done = await exportCsv(t, 'clinics.exportCsv', { encoding: 'utf8bom' });
  const [header, ...rows] = parse((await downloadFile(t, done.file!.fileId)).toString('utf8'), { bom: true }) as string[][];
  return { header: header!, records: rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!]))) };
}

const asCsv = (header: string[], records: Record<string, string>[]) => `\uFEFF${stringify([header, ...records.map((r) => header.map((h) => r[h] ?? ''))], { record_delimiter: '\r\n' })}`;

const mailing = (t: TestHost) => clinicRows(t).map((c) => ({ name: c.name, no_mailing: c.no_mailing, no_mailing_reason: c.no_mailing_reason }));

describe('名簿の取り込みと書き出し: 送付不要', () => {
  it('a marked clinic exported and imported keeps its mark and reason, here and on another machine', async () => {
    const { t } = await withMarkedClinic();
    const before = clinicRows(t);
    const { header, records } = await exportedList(t);
    expect(header.slice(header.indexOf('会員番号') + 1, header.indexOf('メモ'))).toEqual(['送付不要', '送付不要の理由']);
    expect(records.map((r) => [r['送付不要'], r['送付不要の理由']])).toEqual([['送付不要', reason], ['', '']]);
    const file = asCsv(header, records);

    const here = await uploadFile(t, '医療機関一覧.csv', file);
    expect(await previewImport(t, here, { onMatch: 'update' })).toMatchObject({ unchanged: 2, willUpdate: 0, noMailingChangeCount: 0, rejected: 0 });
    expect(await importCsv(t, here, { onMatch: 'update' })).toMatchObject({ updated: 0, unchanged: 2, rejected: 0 });
    expect(clinicRows(t)).toEqual(before);

    const other = await startTestHost();
    const there = await uploadFile(other, '医療機関一覧.csv', file);
    const seen = await previewImport(other, there);
    expect(seen).toMatchObject({ willImport: 2, noMailingChangeCount: 1 });
    expect(seen.noMailingChanges).toEqual([{ row: 2, clinic: '霧島いずみ医院', field: '送付不要', message: `送付不要にします（理由：${reason}）` }]);
    expect(await importCsv(other, there)).toMatchObject({ imported: 2, rejected: 0 });
    expect(mailing(other)).toEqual([
      { name: '霧島いずみ医院', no_mailing: 1, no_mailing_reason: reason },
      { name: '国分さくら医院', no_mailing: 0, no_mailing_reason: '' },
    ]);
  });

  it('marks typed into the exported list in Excel are taken on update, and the preview lists each change', async () => {
    const { t } = await withMarkedClinic();
    const { header, records } = await exportedList(t);
    // Staff mark the clinic that called, and clear the mark of the one that wants mail again (its reason left in the cell).
    const [was, now] = records as [Record<string, string>, Record<string, string>];
    was['送付不要'] = '';
    Object.assign(now, { 送付不要: '○', 送付不要の理由: '院長より電話で辞退' });
    const fileId = await uploadFile(t, '送付不要を付けた一覧.csv', asCsv(header, records));

    const seen = await previewImport(t, fileId, { onMatch: 'update' });
    expect(seen).toMatchObject({ willUpdate: 2, rejected: 0, noMailingChangeCount: 2 });
    expect(seen.noMailingChanges).toEqual([
      { row: 2, clinic: '霧島いずみ医院', field: '送付不要', message: '送付不要を外します（一括作成で除かれなくなります）' },
      { row: 3, clinic: '国分さくら医院', field: '送付不要', message: '送付不要にします（理由：院長より電話で辞退）' },
    ]);
    expect(seen.changes).toEqual([{ row: 2, clinic: '霧島いずみ医院', field: '送付不要の理由', message: expect.stringMatching(/^「送付不要」の印がないため、この理由は取り込みません/) }]);
    expect(await importCsv(t, fileId, { onMatch: 'update' })).toMatchObject({ updated: 2, rejected: 0 });
    expect(mailing(t)).toEqual([
      { name: '霧島いずみ医院', no_mailing: 0, no_mailing_reason: '' },
      { name: '国分さくら医院', no_mailing: 1, no_mailing_reason: '院長より電話で辞退' },
    ]);
  });

  it('a list without the 送付不要 columns leaves a marked clinic marked, and a new clinic unmarked', async () => {
    const { t, marked } = await withMarkedClinic();
    const list = '医療機関名,電話番号,メモ\r\n霧島いずみ医院,0995-45-1111,12月から院長交代\r\n隼人みなみ医院,0995-45-3333,\r\n';
    const fileId = await uploadFile(t, '手作りの名簿.csv', list);
    expect(await previewImport(t, fileId, { onMatch: 'update' })).toMatchObject({ willUpdate: 1, willImport: 1, noMailingChangeCount: 0, changeCount: 0 });
    expect(await importCsv(t, fileId, { onMatch: 'update' })).toMatchObject({ updated: 1, imported: 1, rejected: 0 });
    const stored = (await call(t, 'clinics.get', { id: marked.id })).body.result;
    expect(stored).toMatchObject({ memo: '12月から院長交代', noMailing: true, noMailingReason: reason });
    expect(mailing(t).at(-1)).toEqual({ name: '隼人みなみ医院', no_mailing: 0, no_mailing_reason: '' });
  });

  it('an unreadable 送付不要 refuses its row with the values it reads, and changes nothing', async () => {
    const { t } = await withMarkedClinic();
    const before = clinicRows(t);
    const list = '医療機関名,電話番号,送付不要,メモ\r\n霧島いずみ医院,0995-45-1111,要確認,書き換えてはいけないメモ\r\n';
    const fileId = await uploadFile(t, '名簿.csv', list);
    const unreadable = '「要確認」は送付不要の印として読めません。送付しない医療機関は「送付不要」（または「はい」「○」「1」「TRUE」）、送付する医療機関は空欄にしてください';
    const seen = await previewImport(t, fileId, { onMatch: 'update' });
    expect(seen).toMatchObject({ rejected: 1, willUpdate: 0, problems: [{ row: 2, clinic: '霧島いずみ医院', field: '送付不要', message: unreadable }] });
    const done = await importCsv(t, fileId, { onMatch: 'update' });
    expect(done).toMatchObject({ updated: 0, rejected: 1 });
    expect(clinicRows(t)).toEqual(before);
    const errors = (await downloadFile(t, done.errorsFile!.fileId)).toString('utf8');
    expect(errors).toContain(`2,送付不要：${unreadable}`);
  });

  it('a new mark needs a reason unless the clinic has one; a reason without the mark is not stored', async () => {
    const { t, marked } = await withMarkedClinic();
    const list =
      '医療機関名,電話番号,送付不要,送付不要の理由\r\n' +
      '霧島いずみ医院,0995-45-1111,はい,\r\n' +
      '国分さくら医院,0995-45-2222,TRUE,\r\n' +
      '隼人みなみ医院,0995-45-3333,,FAXのみ希望\r\n';
    const fileId = await uploadFile(t, '名簿.csv', list);
    const seen = await previewImport(t, fileId, { onMatch: 'update' });
    expect(seen).toMatchObject({ unchanged: 1, willImport: 1, rejected: 1, noMailingChangeCount: 0 });
    expect(seen.problems).toEqual([{ row: 3, clinic: '国分さくら医院', field: '送付不要の理由', message: '送付不要の理由を入力してください（例：先方より辞退の連絡あり）' }]);
    expect(seen.changes).toEqual([{ row: 4, clinic: '隼人みなみ医院', field: '送付不要の理由', message: expect.stringContaining('この理由は取り込みません') }]);
    await importCsv(t, fileId, { onMatch: 'update' });
    expect((await call(t, 'clinics.get', { id: marked.id })).body.result).toMatchObject({ noMailing: true, noMailingReason: reason });
    expect(mailing(t).slice(1)).toEqual([
      { name: '国分さくら医院', no_mailing: 0, no_mailing_reason: '' },
      { name: '隼人みなみ医院', no_mailing: 0, no_mailing_reason: '' },
    ]);
  });
});
