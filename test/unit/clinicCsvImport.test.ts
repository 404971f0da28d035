import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ClinicFields } from '../../shared/domain/clinic.ts';
import { escapeCsvFormula, unescapeCsvFormula } from '../../shared/domain/clinicCsv.ts';
import { excelColumnName, mergeForUpdate, readClinicRow, suggestMapping } from '../../shared/domain/clinicCsvImport.ts';
import { findClinicMatch, matchKeys, type ClinicMatchLookup, type MatchCandidate } from '../../shared/domain/clinicMatch.ts';
import { isCp932Encodable, replaceUnencodable, unencodableInCp932 } from '../../electron/core/text/cp932.ts';
import { decodeCsvBytes, detectDelimiter, parseCsvRecords, UnreadableCsv } from '../../electron/core/text/csvText.ts';

describe('column suggestions from the header row', () => {
  it('recognises the words staff lists use for each field', () => {
    expect(suggestMapping(['施設名', 'TEL', '住所', 'ＦＡＸ', '〒', '備考'])).toEqual(['name', 'phone', 'address', 'fax', 'postalCode', 'memo']);
    expect(suggestMapping(['名称', '電話', 'ご担当者', '会員No.', '病床'])).toEqual(['name', 'phone', 'contactPerson', 'memberNumber', 'bedCount']);
    expect(suggestMapping(['医療機関名', 'フリガナ', '電話番号', 'FAX番号'])).toEqual(['name', 'nameKana', 'phone', 'fax']);
  });

  it('does not take a kana or FAX column for the name or the phone', () => {
    expect(suggestMapping(['施設名カナ', '施設名', 'FAX（代表）', '電話（代表）'])).toEqual(['nameKana', 'name', 'fax', 'phone']);
  });

  it('leaves columns it does not know, and a second column for the same field, unmapped', () => {
    expect(suggestMapping(['理事長名', '医療機関名', '電話番号', '電話番号2', ''])).toEqual(['', 'name', 'phone', '', '']);
    expect(suggestMapping(['施設の呼び名', '電話'])).toEqual(['', 'phone']);
  });

  it('names columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(excelColumnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('reading the bytes Excel wrote', () => {
  it('tells UTF-8 with and without BOM, UTF-16 and Shift_JIS apart', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFF医療機関名\r\n', 'utf8'))).toEqual({ text: '医療機関名\r\n', encoding: 'utf8bom' });
    expect(decodeCsvBytes(Buffer.from('医療機関名\r\n', 'utf8')).encoding).toBe('utf8');
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('名称\t電話', 'utf-16le')]))).toEqual({ text: '名称\t電話', encoding: 'utf16le' });
    expect(decodeCsvBytes(iconv.encode('ｶﾀｶﾅ医院,０９９', 'cp932'))).toEqual({ text: 'ｶﾀｶﾅ医院,０９９', encoding: 'shift_jis' });
  });

  it('refuses an empty file, an image and a workbook with a reason', () => {
    const reason = (bytes: Buffer) => {
      try {
        decodeCsvBytes(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(UnreadableCsv);
        return (error as Error).message;
      }
      return 'read';
    };
    expect(reason(Buffer.alloc(0))).toMatch(/ファイルが空です/);
    expect(reason(Buffer.from('\r\n\r\n'))).toMatch(/空のファイル/);
    expect(reason(Buffer.from('89504e470d0a1a0a', 'hex'))).toMatch(/PNG/);
    expect(reason(Buffer.from('504b030414000000', 'hex'))).toMatch(/xlsx/);
    expect(reason(Buffer.from([0x41, 0x00, 0x42]))).toMatch(/文字以外のデータ/);
  });

  it('finds the delimiter: tab when a tab file has commas inside its cells', () => {
    expect(detectDelimiter('医療機関名,電話番号\r\nA医院,099-000-0000\r\n')).toBe('comma');
    expect(detectDelimiter('名称\tメモ\r\nA医院\t内科, 小児科\r\nB医院\t眼科, 耳鼻科\r\n')).toBe('tab');
    expect(detectDelimiter('医療機関名\r\nA医院\r\n')).toBe('comma');
  });

  it('keeps quoted line breaks in one record and blank lines as empty records', () => {
    expect(parseCsvRecords('名称,メモ\r\n"A医院","1行目\r\n2行目"\r\n\r\nB医院,\r\n', 'comma')).toEqual([
      ['名称', 'メモ'],
      ['A医院', '1行目\r\n2行目'],
      [''],
      ['B医院', ''],
    ]);
  });

  it('ends records at any line break outside quotes, as Excel does, and keeps doubled quotes and delimiters inside quotes', () => {
    expect(parseCsvRecords('a,"b,""c"""\rd,\re,f', 'comma')).toEqual([['a', 'b,"c"'], ['d', ''], ['e', 'f']]);
    // A hand-edited file: an LF header over CRLF rows. No CR is left in a row's last cell.
    expect(parseCsvRecords('名称,所在地\nA医院,鹿児島市\r\nB医院,霧島市\r\n', 'comma')).toEqual([['名称', '所在地'], ['A医院', '鹿児島市'], ['B医院', '霧島市']]);
    // An unquoted LF in a CRLF file starts a new row in Excel too; a quoted one stays in its cell.
    expect(parseCsvRecords('名称,メモ\r\nA医院,1行目\n2行目\r\nB医院,"1行目\n2行目"\r\n', 'comma')).toEqual([
      ['名称', 'メモ'],
      ['A医院', '1行目'],
      ['2行目'],
      ['B医院', '1行目\n2行目'],
    ]);
  });

  it('refuses a quote out of place, naming the line', () => {
    for (const text of ['名称\r\nA"医院', '名称\r\n"A医院" ,x']) {
      expect(() => parseCsvRecords(text, 'comma')).toThrow(/2行目付近/);
    }
    // A quote never closed runs to the end of the file, which is where it is noticed.
    expect(() => parseCsvRecords('名称\r\n"A医院\r\n', 'comma')).toThrow(/3行目付近/);
  });
});

describe('a row through the clinic form rules', () => {
  const mapping = ['name', 'kind', 'bedCount', 'phone', 'postalCode', 'memberNumber'] as const;

  it('normalises full-width digits and hyphen variants, keeps the name as typed', () => {
    const read = readClinicRow(['ｻｸﾗ医院', '', '１９床', '０９９－２２２ー１１１１', '８９０‐００５３', 'Ｋ－１'], [...mapping]);
    expect(read).toMatchObject({ ok: true, fields: { name: 'ｻｸﾗ医院', kind: 'unconfirmed', bedCount: 19, phone: '099-222-1111', postalCode: '890-0053', memberNumber: 'K-1' } });
  });

  it('stores an unknown 種別 as 未確認 with a question, and explains a bed count that is not a number', () => {
    expect(readClinicRow(['A医院', '歯医者', '', '', '', ''], [...mapping])).toMatchObject({ ok: true, fields: { kind: 'unconfirmed' }, kindQuestion: expect.stringContaining('種別「歯医者」') });
    expect(readClinicRow(['A医院', '病院', '多数', '', '', ''], [...mapping])).toMatchObject({ ok: false, problems: [{ field: '病床数', message: '病床数「多数」は数字で入力してください' }] });
  });

  it('reads a cell this app escaped as text back as it was', () => {
    expect(readClinicRow(["'=A医院"], ['name'])).toMatchObject({ ok: true, fields: { name: '=A医院' } });
  });
});

describe('matching a row to a registered clinic', () => {
  const registered: (MatchCandidate & { phone: string; nameNorm: string })[] = [
    { id: 'member', memberNumber: 'K-1', address: '', phone: '0992221111', nameNorm: 'あ医院' },
    { id: 'phone', memberNumber: '', address: '鹿児島市1-1', phone: '0993334444', nameNorm: 'い医院' },
    { id: 'other-member', memberNumber: 'K-9', address: '', phone: '0995556666', nameNorm: 'う医院' },
    { id: 'named', memberNumber: '', address: '鹿児島県鹿児島市中央町１－２', phone: '', nameNorm: 'かごしまくりにっく' },
    { id: 'zeros', memberNumber: '000099', address: '', phone: '0997770099', nameNorm: 'え医院' },
  ];
  const lookup: ClinicMatchLookup = {
    byId: (id) => registered.find((c) => c.id === id),
    byMemberNumber: (m) => registered.find((c) => c.memberNumber === m),
    byPhoneDigits: (d) => registered.filter((c) => c.phone === d),
    byNameNorm: (n) => registered.filter((c) => c.nameNorm === n),
  };
  const row = (fields: Partial<ClinicFields>, id?: string) => ({ id, keys: matchKeys({ name: '', address: '', phone: '', memberNumber: '', ...fields }) });

  it('goes by 会員番号 first, then phone, then name and address', () => {
    expect(findClinicMatch(row({ memberNumber: 'K-1', phone: '099-333-4444' }), lookup)).toEqual({ clinicId: 'member', rule: 'memberNumber' });
    expect(findClinicMatch(row({ phone: '099(333)4444' }), lookup)).toEqual({ clinicId: 'phone', rule: 'phone' });
    expect(findClinicMatch(row({ name: 'カゴシマ クリニック', address: '鹿児島県鹿児島市中央町1-2' }), lookup)).toEqual({ clinicId: 'named', rule: 'nameAddress' });
    expect(findClinicMatch(row({ name: 'x' }, 'phone'), lookup)).toEqual({ clinicId: 'phone', rule: 'id' });
  });

  it('needs the address as well as the name, and respects a different 会員番号', () => {
    expect(findClinicMatch(row({ name: 'カゴシマクリニック' }), lookup)).toBeNull();
    expect(findClinicMatch(row({ memberNumber: 'K-2', phone: '099-555-6666' }), lookup)).toBeNull();
    expect(findClinicMatch(row({ memberNumber: 'K-2', phone: '099-333-4444' }), lookup)).toEqual({ clinicId: 'phone', rule: 'phone' });
  });

  it('takes a 会員番号 Excel stripped of its leading zeros for the same one', () => {
    expect(findClinicMatch(row({ memberNumber: '99', phone: '099-777-0099' }), lookup)).toEqual({ clinicId: 'zeros', rule: 'phone' });
    expect(findClinicMatch(row({ memberNumber: '98', phone: '099-777-0099' }), lookup)).toBeNull();
  });

  it('updates only the fields the row filled', () => {
    const current: ClinicFields = { name: 'A医院', nameKana: 'えーいいん', kind: 'clinic_no_beds', bedCount: 0, postalCode: '', address: '鹿児島市', phone: '099-222-1111', fax: '', contactPerson: '山田', memberNumber: '', memo: '大事なメモ' };
    const incoming: ClinicFields = { ...current, name: 'A医院（新）', contactPerson: '', memo: '' };
    expect(mergeForUpdate(current, incoming, new Set(['name']))).toEqual({ ...current, name: 'A医院（新）' });
  });
});

describe('cells Excel would run as formulas', () => {
  it('get a leading apostrophe, and lose it again on import', () => {
    // Full-width ＝＋－＠ as a Japanese IME types them, and a formula after a space, an
    // ideographic space or a line break, which Excel skips before it looks for one.
    for (const cell of ['=SUM(A1)', '+81 99', '-1', '@cmd', '\tx', '＝SUM(A1)', '＋1', '－1', '＠cmd', ' =1+1', '\u3000=1+1', '\n=1+1', '\r\n=1+1']) {
      expect(escapeCsvFormula(cell)).toBe(`'${cell}`);
      expect(unescapeCsvFormula(escapeCsvFormula(cell))).toBe(cell);
    }
    expect(escapeCsvFormula('099-222-1111')).toBe('099-222-1111');
    expect(escapeCsvFormula('霧島=クリニック')).toBe('霧島=クリニック');
    // A list's own apostrophe before ordinary text is kept.
    expect(unescapeCsvFormula("'90年開院")).toBe("'90年開院");
  });
});

describe("characters Windows' Shift_JIS cannot write", () => {
  it('finds 𠮷 and 鷗 but not 髙, 﨑, ① or ㈱', () => {
    expect(unencodableInCp932('𠮷田 森鷗外 髙﨑 ①㈱ ABC')).toEqual(['𠮷', '鷗']);
    expect(isCp932Encodable('髙')).toBe(true);
  });

  it('writes the wave dash and minus sign as Windows spells them instead of refusing them', () => {
    expect(unencodableInCp932('9時〜12時 −5')).toEqual([]);
    expect(iconv.decode(iconv.encode(replaceUnencodable('9時〜12時', '〓'), 'cp932'), 'cp932')).toBe('9時～12時');
  });

  it('replaces what it cannot write with the mark', () => {
    expect(replaceUnencodable('𠮷田内科', '〓')).toBe('〓田内科');
    expect(replaceUnencodable('plain ascii', '〓')).toBe('plain ascii');
  });
});
