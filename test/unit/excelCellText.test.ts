import { describe, expect, it } from 'vitest';
import { excelCellText } from '../../electron/core/text/excelCellText.ts';

describe('a cell reads as Excel on Japanese Windows shows it', () => {
  it.each([
    [99, '000000', '000099'],
    [1234567, '000000', '1234567'],
    [8920001, '000-0000', '892-0001'],
    [992931234, '0##-###-####', '099-293-1234'],
    [1234.5, '0', '1235'],
    [1234567, '#,##0', '1,234,567'],
    [-1234.567, '#,##0.00', '-1,234.57'],
    [0.125, '0.0%', '12.5%'],
    [12, '@', '12'],
    [12.5, 'General', '12.5'],
    [0.1 + 0.2, undefined, '0.3'],
    [1800, '[<=999]000;[<=9999]000-00;000-0000', '018-00'],
    [8920001, '[<=999]000;[<=9999]000-00;000-0000', '892-0001'],
    [5, '"第"0"号"', '第5号'],
    [-5, '0;(0)', '(5)'],
  ])('%s formatted %s is %s', (value, format, shown) => {
    expect(excelCellText(value, format)).toBe(shown);
  });

  it('dates: the system short date is 2026/12/3, and custom and 和暦 formats are followed', () => {
    const serial = 46359; // 2026-12-03
    expect(excelCellText(serial, 'mm-dd-yy')).toBe('2026/12/3');
    expect(excelCellText(serial, 'yyyy"年"m"月"d"日"')).toBe('2026年12月3日');
    expect(excelCellText(serial, '[$-411]ggge"年"m"月"d"日"')).toBe('令和8年12月3日');
    expect(excelCellText(serial + 0.5, 'yyyy/mm/dd hh:mm')).toBe('2026/12/03 12:00');
    expect(excelCellText(new Date(Date.UTC(2026, 11, 3)), 'yyyy/m/d')).toBe('2026/12/3');
  });

  it('a formula gives its cached result in the cell format; an error value and a failed formula are empty', () => {
    expect(excelCellText({ formula: 'A1*1', result: 99 }, '000000')).toBe('000099');
    expect(excelCellText({ formula: '"鹿児島県"&E3', result: '鹿児島県霧島市' }, undefined)).toBe('鹿児島県霧島市');
    expect(excelCellText({ formula: 'VLOOKUP(A1,B:C,2,0)', result: Number.NaN }, undefined)).toBe('');
    expect(excelCellText({ error: '#N/A' }, undefined)).toBe('');
  });

  it('rich text is its runs joined; booleans read TRUE and FALSE', () => {
    expect(excelCellText({ richText: [{ text: '霧島' }, { text: 'ひかり眼科' }] }, undefined)).toBe('霧島ひかり眼科');
    expect(excelCellText(true, undefined)).toBe('TRUE');
  });
});
