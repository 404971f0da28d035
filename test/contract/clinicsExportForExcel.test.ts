import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { call, downloadFile, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';
import { clinicRows, exportCsv, importCsv, previewImport } from '../helpers/importJobs.ts';

const table = (text: string) => parse(text, { bom: true, relax_column_count: true }) as string[][];

async function exportedText(t: TestHost, kind: 'clinics.exportCsv' | 'inquiries.exportCsv', encoding: 'utf8bom' | 'shift_jis') {
  const result = await exportCsv(t, kind, { encoding, unencodable: 'replace' });
  const bytes = await downloadFile(t, result.file!.fileId);
  return { bytes, text: encoding === 'shift_jis' ? iconv.decode(bytes, 'cp932') : bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

/** Japan time of a stored ISO timestamp, written out by hand: 2026-12-03T07:49:47Z is 16:49. */
function tokyo(iso: string): string {
  const at = new Date(Date.parse(iso) + 9 * 3600_000).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}

describe('CSVの書き出し as Excel opens it', () => {
  it('writes dates in Japan time in one format in both exports, and the internal IDs last, labelled', async () => {
    const t = await startTestHost();
    const clinic = (await call(t, 'clinics.create', { name: 'さくら医院' })).body.result;
    await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'phone', content: '資料請求' });

    const [clinicHeader, clinicRow] = table((await exportedText(t, 'clinics.exportCsv', 'utf8bom')).text);
    const clinicRecord = Object.fromEntries(clinicHeader!.map((h, i) => [h, clinicRow![i]]));
    expect(clinicRecord['登録日時']).toBe(tokyo(clinic.createdAt));
    expect(clinicRecord['更新日時']).toBe(tokyo(clinic.updatedAt));
    expect(clinicHeader!.at(-1)).toBe('管理用ID（変更しないでください）');
    expect(clinicRow!.at(-1)).toBe(clinic.id);

    const [inquiryHeader, inquiryRow] = table((await exportedText(t, 'inquiries.exportCsv', 'utf8bom')).text);
    const inquiryRecord = Object.fromEntries(inquiryHeader!.map((h, i) => [h, inquiryRow![i]]));
    expect(inquiryRecord['登録日時']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(inquiryRecord['医療機関の管理用ID']).toBe(clinic.id);
    expect(inquiryHeader!.slice(-2)).toEqual(['医療機関の管理用ID', '管理用ID（変更しないでください）']);
  });

  it('never starts a file with the letters ID, which Excel takes for a SYLK file', async () => {
    const t = await startTestHost();
    const clinic = (await call(t, 'clinics.create', { name: 'ID整形外科' })).body.result;
    await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'phone', content: 'ID' });
    for (const kind of ['clinics.exportCsv', 'inquiries.exportCsv'] as const) {
      for (const encoding of ['shift_jis', 'utf8bom'] as const) {
        const { bytes } = await exportedText(t, kind, encoding);
        const start = encoding === 'utf8bom' ? bytes.subarray(3, 5) : bytes.subarray(0, 2);
        expect(start.toString('latin1'), `${kind} ${encoding}`).not.toMatch(/^ID/i);
      }
    }
  });

  it('escapes every cell Excel would run as a formula and reads each back as it was', async () => {
    const t = await startTestHost();
    const hostile = [
      { name: '＝HYPERLINK("http://example.invalid")', memo: ' =1+1' },
      { name: '＋81医院', memo: '\u3000=1+1' },
      { name: '－1医院', memo: '\n=1+1 と2行目' },
      { name: '＠医院', memo: '@SUM(A1)' },
      { name: '-2+3医院', memo: '\t=1' },
    ];
    for (const clinic of hostile) expect((await call(t, 'clinics.create', clinic)).status).toBe(200);
    const before = clinicRows(t);

    for (const encoding of ['utf8bom', 'shift_jis'] as const) {
      const { bytes, text } = await exportedText(t, 'clinics.exportCsv', encoding);
      const [header, ...body] = table(text);
      const memo = header!.indexOf('メモ');
      // Every cell that could run starts with the apostrophe that makes it text.
      expect(body.map((r) => r[0])).toEqual(hostile.map((c) => `'${c.name}`));
      expect(body.map((r) => r[memo])).toEqual(hostile.map((c) => `'${c.memo}`));

      const fileId = await uploadFile(t, `export-${encoding}.csv`, bytes);
      expect(await previewImport(t, fileId, { onMatch: 'update' })).toMatchObject({ willImport: 0, willUpdate: 0, unchanged: hostile.length, rejected: 0 });
      expect(await importCsv(t, fileId, { onMatch: 'update' })).toMatchObject({ imported: 0, updated: 0, unchanged: hostile.length });
      expect(clinicRows(t)).toEqual(before);
    }
  });

  it('escapes the header of the rejected-rows CSV like every other cell', async () => {
    const t = await startTestHost();
    const csv = '医療機関名,電話番号,"=HYPERLINK(""http://example.invalid"")",＠メモ\r\nつばき内科,電話なし,x,y\r\n';
    const fileId = await uploadFile(t, 'hostile.csv', Buffer.from(`\uFEFF${csv}`, 'utf8'));
    const done = await importCsv(t, fileId);
    expect(done).toMatchObject({ imported: 0, rejected: 1 });
    const [header, row] = table((await downloadFile(t, done.errorsFile!.fileId)).toString('utf8'));
    expect(header).toEqual(['医療機関名', '電話番号', `'=HYPERLINK("http://example.invalid")`, "'＠メモ", '行番号', '理由']);
    expect(row!.slice(0, 2)).toEqual(['つばき内科', '電話なし']);
  });
});
