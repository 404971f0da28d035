import { describe, expect, it } from 'vitest';
import { readClinicKind } from '../../shared/domain/clinicKindFromText.ts';

describe('種別 as people type it', () => {
  it.each([
    ['無床', 'clinic_no_beds'],
    ['無床診療所', 'clinic_no_beds'],
    ['診療所（無床）', 'clinic_no_beds'],
    ['ﾑｼｮｳ', 'unconfirmed'],
    ['有床', 'clinic_with_beds'],
    [' 有床診療所　', 'clinic_with_beds'],
    ['診療所(有床)', 'clinic_with_beds'],
    ['病院', 'hospital'],
    ['老健', 'geriatric_facility'],
    ['介護老人保健施設', 'geriatric_facility'],
    ['老人保健施設', 'geriatric_facility'],
    ['その他', 'other'],
    ['hospital', 'hospital'],
  ] as const)('「%s」 is %s whatever the beds say', (word, kind) => {
    expect(readClinicKind(word, null, 'A医院').kind).toBe(kind);
  });

  it('reads full-width letters and spaces like any other typing', () => {
    expect(readClinicKind('Ｈｏｓｐｉｔａｌ', null, 'A').kind).toBe('hospital');
    expect(readClinicKind('無 床', null, 'A').kind).toBe('clinic_no_beds');
  });
});

describe('a bare 診療所 is decided by its beds, or asked about', () => {
  it.each([
    ['診療所', 0, 'clinic_no_beds'],
    ['診療所', 1, 'clinic_with_beds'],
    ['診療所', 19, 'clinic_with_beds'],
    ['歯科診療所', 0, 'clinic_no_beds'],
  ] as const)('「%s」 with %i beds is %s, no question', (word, beds, kind) => {
    expect(readClinicKind(word, beds, 'A医院')).toEqual({ kind, given: true });
  });

  it('without a bed count it is 未確認, with a question', () => {
    expect(readClinicKind('診療所', null, 'A医院')).toEqual({ kind: 'unconfirmed', given: false, question: expect.stringContaining('病床数がない') });
  });

  it('with 20 beds or more it is 未確認, not a hospital by arithmetic', () => {
    expect(readClinicKind('診療所', 20, 'A医院')).toEqual({ kind: 'unconfirmed', given: false, question: expect.stringContaining('病床数が20床') });
  });
});

describe('nothing is guessed', () => {
  it('a file without a 種別 column stores 未確認 and asks nothing of an ordinary name', () => {
    expect(readClinicKind(undefined, 0, 'A眼科')).toEqual({ kind: 'unconfirmed', given: false });
    expect(readClinicKind(undefined, 120, 'B内科')).toEqual({ kind: 'unconfirmed', given: false });
  });

  it('a blank cell or an unknown word is 未確認 with the reason', () => {
    expect(readClinicKind('', 0, 'A眼科')).toMatchObject({ kind: 'unconfirmed', given: false, question: expect.stringContaining('空欄') });
    expect(readClinicKind('歯医者', 0, 'A歯科')).toMatchObject({ kind: 'unconfirmed', given: false, question: expect.stringContaining('種別「歯医者」が分からない') });
  });

  it('a name containing 病院 is suggested as a hospital, not stored as one', () => {
    expect(readClinicKind(undefined, null, '医療法人 さくら病院')).toEqual({ kind: 'unconfirmed', given: false, question: expect.stringContaining('病院かもしれません'), suggestion: 'hospital' });
    expect(readClinicKind('', 120, 'ｻｸﾗ病院')).toMatchObject({ kind: 'unconfirmed', suggestion: 'hospital' });
  });

  it('a name with 病院 but fewer than 20 beds is suggested nothing: the two contradict each other', () => {
    expect(readClinicKind(undefined, 19, 'みなみ病院')).toEqual({ kind: 'unconfirmed', given: false });
    expect(readClinicKind('', 0, 'みなみ病院')).not.toHaveProperty('suggestion');
  });

  it('a 種別 the file states wins over what the name suggests', () => {
    expect(readClinicKind('有床診療所', 10, '旧さくら病院')).toEqual({ kind: 'clinic_with_beds', given: true });
  });

  it('未確認 in this app\'s own export stays 未確認 and does not overwrite a kind on update', () => {
    expect(readClinicKind('未確認', null, 'A医院')).toEqual({ kind: 'unconfirmed', given: false });
  });
});
