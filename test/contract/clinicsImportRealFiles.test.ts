import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { call, startTestHost, uploadFile } from '../helpers/testHost.ts';
import { clinicRows, importCsv, previewImport, runJob } from '../helpers/importJobs.ts';

const sjis = (text: string) => iconv.encode(text, 'cp932');
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

describe('名簿の取り込み: CSV files as they really are', () => {
  it('reads a file with an LF header over CRLF rows like any other', async () => {
    const t = await startTestHost();
    // Someone added the header in a text editor: its line ends in LF, the rows Excel wrote in CRLF.
    const csv = '医療機関名,電話番号,所在地\n' + 'さくら医院,099-201-1111,鹿児島市山下町1-1\r\n' + 'つばき内科,099-201-2222,鹿児島市東千石町2-2\r\n';
    const fileId = await uploadFile(t, 'mixed.csv', sjis(csv));
    expect(await previewImport(t, fileId)).toMatchObject({ rowCount: 2, willImport: 2, rejected: 0, problems: [] });
    await importCsv(t, fileId);
    expect(clinicRows(t).map((c) => c.address)).toEqual(['鹿児島市山下町1-1', '鹿児島市東千石町2-2']);
  });

  it('reads CRLF header over LF rows, and old Mac CR-only line ends, too', async () => {
    const t = await startTestHost();
    const csv = '医療機関名,所在地\r\nA医院,鹿児島市1-1\nB医院,鹿児島市2-2\rC医院,鹿児島市3-3';
    const fileId = await uploadFile(t, 'mixed2.csv', Buffer.from(csv, 'utf8'));
    expect(await previewImport(t, fileId)).toMatchObject({ rowCount: 3, willImport: 3, rejected: 0 });
  });

  it('joins the lines of an Alt+Enter cell in a one-line field with a space and lists the change', async () => {
    const t = await startTestHost();
    const csv =
      '医療機関名,所在地,メモ\r\n' +
      '"医療法人さくら会\nさくら病院","鹿児島市山下町11-1\nさくらビル3階","午前のみ\n土曜休診"\r\n' +
      'つばき内科,鹿児島市東千石町2-2,\r\n';
    const fileId = await uploadFile(t, 'altenter.csv', utf8bom(csv));
    const seen = await previewImport(t, fileId);
    expect(seen).toMatchObject({ rowCount: 2, willImport: 2, rejected: 0, changeCount: 2 });
    expect(seen.changes).toEqual([
      { row: 2, clinic: '医療法人さくら会 さくら病院', field: '医療機関名', message: expect.stringContaining('「医療法人さくら会 さくら病院」') },
      { row: 2, clinic: '医療法人さくら会 さくら病院', field: '所在地', message: expect.stringContaining('「鹿児島市山下町11-1 さくらビル3階」') },
    ]);
    await importCsv(t, fileId);
    // A memo is many lines by nature: its line break stays.
    expect(clinicRows(t)[0]).toMatchObject({ name: '医療法人さくら会 さくら病院', address: '鹿児島市山下町11-1 さくらビル3階', memo: '午前のみ\n土曜休診' });
  });

  it('stores half-width katakana in ふりがな exactly as the clinic form stores it', async () => {
    const t = await startTestHost();
    const typed = { name: 'ｻｸﾗｼﾞﾏ医院', nameKana: ' ｻｸﾗｼﾞﾏｲｲﾝ ' };
    await call(t, 'clinics.create', typed);
    const fileId = await uploadFile(t, 'kana.csv', sjis(`医療機関名,ﾌﾘｶﾞﾅ\r\nｻｸﾗｼﾞﾏ第二医院,${typed.nameKana}\r\n`));
    expect(await previewImport(t, fileId)).toMatchObject({ mapping: ['name', 'nameKana'], willImport: 1 });
    await importCsv(t, fileId);
    const [fromForm, fromFile] = clinicRows(t);
    expect(fromFile!.name_kana).toBe(fromForm!.name_kana);
    expect(fromFile!.kana_norm).toBe(fromForm!.kana_norm);
  });

  it('names the clinic of each problem row', async () => {
    const t = await startTestHost();
    const csv = '医療機関名,電話番号,病床数\r\nつばき内科,電話なし,\r\n"医療法人さくら会\nさくら病院",099-201-1111,たくさん\r\n,099-201-2222,\r\n';
    const fileId = await uploadFile(t, 'problems.csv', utf8bom(csv));
    const seen = await previewImport(t, fileId);
    expect(seen.problems).toEqual([
      { row: 2, clinic: 'つばき内科', field: '電話番号', message: expect.any(String) },
      { row: 3, clinic: '医療法人さくら会 さくら病院', field: '病床数', message: '病床数「たくさん」は数字で入力してください' },
      { row: 4, clinic: '', field: '医療機関名', message: '医療機関名を入力してください' },
    ]);
  });

  it('refuses a file wider than the column limit with a Japanese message, not an internal error', async () => {
    const t = await startTestHost();
    const header = ['医療機関名', ...Array.from({ length: 249 }, (_, i) => `列${i + 2}`)];
    const fileId = await uploadFile(t, 'wide.csv', utf8bom(`${header.join(',')}\r\nさくら医院${','.repeat(249)}\r\n`));
    const job = await runJob(t, 'clinics.previewImport', { fileId });
    expect(job).toMatchObject({ state: 'failed', error: { code: 'INVALID_FILE', message: expect.stringContaining('列が多すぎます（見出しの行に250列、取り込めるのは200列まで）') } });
  });

  it('reads a file whose header has blank columns past the limit, as Excel saves a once-formatted sheet', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, 'trailing.csv', utf8bom(`医療機関名,所在地${','.repeat(300)}\r\nさくら医院,鹿児島市1-1${','.repeat(300)}\r\n`));
    expect(await previewImport(t, fileId)).toMatchObject({ headers: ['医療機関名', '所在地'], willImport: 1 });
  });
});
