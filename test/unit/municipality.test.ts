import { describe, expect, it } from 'vitest';
import { municipalityOf } from '../../electron/core/postal/municipalityOf.ts';
import { municipalityLabels, type OfficialMunicipality } from '../../shared/domain/municipality.ts';

const of = (postalCode: string, address: string) => municipalityOf({ postalCode, address });

describe('市町村 from the postal code and the address', () => {
  it('takes the municipality of the postal code, whatever the address says', () => {
    expect(of('892-0816', '')).toBe('鹿児島市');
    expect(of('899-4332', '')).toBe('霧島市');
    expect(of('8996201', '')).toBe('湧水町');
    // The form keeps the address as typed; a typo in it does not move the clinic.
    expect(of('899-4332', '鹿児島県鹿屋市')).toBe('霧島市');
  });

  it('reads the start of the address when there is no postal code, with or without 県 and 郡', () => {
    expect(of('', '鹿児島県鹿児島市山下町11-1')).toBe('鹿児島市');
    expect(of('', '霧島市国分中央3-1')).toBe('霧島市');
    expect(of('', '鹿児島県姶良郡湧水町栗野1')).toBe('湧水町');
    expect(of('', '姶良郡湧水町栗野1')).toBe('湧水町');
    expect(of('', '湧水町栗野1')).toBe('湧水町');
    expect(of('', '鹿児島県　いちき串木野市 三井28')).toBe('いちき串木野市');
    // 鹿児島郡三島村 starts with 鹿児島 too: the longest name wins.
    expect(of('', '鹿児島郡三島村竹島')).toBe('三島村');
  });

  it('shows a ward of a 政令指定都市 as its city, so that filtering by the city finds every ward', () => {
    expect(of('810-0001', '')).toBe('福岡市');
    expect(of('', '福岡県福岡市中央区天神1-1')).toBe('福岡市');
    expect(of('', '北九州市小倉北区城内1')).toBe('北九州市');
  });

  it('names the prefecture only for a name several prefectures share', () => {
    expect(of('', '北海道伊達市鹿島町')).toBe('北海道伊達市');
    expect(of('', '福島県伊達市保原町')).toBe('福島県伊達市');
    // Without a prefecture or postal code the address cannot say which 伊達市.
    expect(of('', '伊達市鹿島町')).toBe('');
  });

  it('leaves it empty when nothing names a municipality of today', () => {
    expect(of('', '')).toBe('');
    expect(of('', '国分市中央1')).toBe('');
    expect(of('000-0000', '本町1-1')).toBe('');
  });

  it('keeps the 郡 only where two towns of one prefecture would read the same', () => {
    const towns: OfficialMunicipality[] = [
      { code: '99301', prefecture: '架空県', name: '北郡本町' },
      { code: '99302', prefecture: '架空県', name: '南郡本町' },
      { code: '99303', prefecture: '架空県', name: '南郡海町' },
      { code: '99201', prefecture: '架空県', name: '架空市' },
    ];
    expect([...municipalityLabels(towns).values()]).toEqual(['北郡本町', '南郡本町', '海町', '架空市']);
  });
});
