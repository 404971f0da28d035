import { describe, expect, it } from 'vitest';
import { clinicCsvColumns, clinicToCsvRow } from '../../shared/domain/clinicCsv.ts';
import { readClinicRow, suggestMapping } from '../../shared/domain/clinicCsvImport.ts';
import { readNoMailingCell } from '../../shared/domain/noMailingCell.ts';
import { kirishimaRecord } from '../helpers/documentFixtures.ts';

const marked = (cell: string) => {
  const read = readNoMailingCell(cell);
  return read.ok ? read.noMailing : read.message;
};

describe('送付不要 in the clinic list', () => {
  it('reads the mark as offices type it, in any width and case', () => {
    for (const cell of ['送付不要', ' 送付不要 ', '不要', 'はい', '○', '〇', '◯', '1', '１', 'TRUE', 'true', 'True', 'ＴＲＵＥ']) expect(marked(cell), cell).toBe(true);
  });

  it('reads a blank cell and an explicit no as not marked', () => {
    for (const cell of ['', '  ', '\u3000', 'いいえ', '0', '０', 'FALSE', 'false']) expect(marked(cell), JSON.stringify(cell)).toBe(false);
  });

  it('refuses any other value with a message naming it and the values it reads', () => {
    expect(marked('要確認')).toBe('「要確認」は送付不要の印として読めません。送付しない医療機関は「送付不要」（または「はい」「○」「1」「TRUE」）、送付する医療機関は空欄にしてください');
    expect(marked('×')).toMatch(/^「×」は送付不要の印として読めません/);
    expect(marked('送付する')).toMatch(/読めません/);
  });

  it('takes the export\'s headers and the usual variants for the mark and its reason', () => {
    expect(suggestMapping(['医療機関名', '送付不要', '送付不要の理由', 'メモ'])).toEqual(['name', 'noMailing', 'noMailingReason', 'memo']);
    // Partial matches: the reason's header holds the mark's word and must not be taken for it.
    expect(suggestMapping(['施設名', '送付不要理由（備考）', '郵送不要フラグ'])).toEqual(['name', 'noMailingReason', 'noMailing']);
    expect(suggestMapping(['施設名', '送付先住所'])).toEqual(['name', 'address']);
  });

  it('exports the mark as 送付不要 and the reason, before メモ, and nothing for a clinic that gets mail', () => {
    const headers = clinicCsvColumns.map((c) => c.header);
    expect(headers.slice(headers.indexOf('会員番号'), headers.indexOf('メモ') + 1)).toEqual(['会員番号', '送付不要', '送付不要の理由', 'メモ']);
    const row = (noMailing: boolean, noMailingReason: string) => {
      const cells = clinicToCsvRow({ ...kirishimaRecord, noMailing, noMailingReason });
      return [cells[headers.indexOf('送付不要')], cells[headers.indexOf('送付不要の理由')]];
    };
    expect(row(true, '先方より辞退の連絡あり')).toEqual(['送付不要', '先方より辞退の連絡あり']);
    expect(row(false, '')).toEqual(['', '']);
  });

  it('reads a row: a blank mark cell is a value (not marked), a missing column is none, an unreadable mark a problem', () => {
    const withColumns = ['name', 'noMailing', 'noMailingReason'] as const;
    const blank = readClinicRow(['霧島いずみ医院', '', ''], [...withColumns]);
    expect(blank.ok && { noMailing: blank.fields.noMailing, given: [...blank.given] }).toEqual({ noMailing: false, given: ['name', 'noMailing'] });
    const mark = readClinicRow(['霧島いずみ医院', '○', ' 先方より辞退 '], [...withColumns]);
    expect(mark.ok && [mark.fields.noMailing, mark.fields.noMailingReason]).toEqual([true, '先方より辞退']);
    const without = readClinicRow(['霧島いずみ医院'], ['name']);
    expect(without.ok && [without.fields.noMailing, without.given.has('noMailing')]).toEqual([undefined, false]);
    expect(readClinicRow(['霧島いずみ医院', '要確認', ''], [...withColumns])).toEqual({
      ok: false,
      problems: [{ field: '送付不要', message: expect.stringMatching(/^「要確認」は送付不要の印として読めません/) }],
    });
  });
});
