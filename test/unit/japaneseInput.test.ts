import { describe, expect, it } from 'vitest';
import { parsePhoneNumber } from '../../shared/text/phoneNumber.ts';
import { parsePostalCode } from '../../shared/text/postalCode.ts';
import { bedCountProblem, clinicInputSchema } from '../../shared/domain/clinic.ts';

describe('phone and FAX numbers', () => {
  it('store any typing of one number in one hyphenated form', () => {
    for (const typed of ['099-254-8126', '０９９－２５４－８１２６', '(099)254-8126', '（０９９）２５４ー８１２６', '099‐254‐8126', '0992548126']) {
      expect(parsePhoneNumber(typed)).toEqual({ ok: true, value: '099-254-8126' });
    }
  });

  it('hyphenate by the area code of the numbering plan, mobile numbers included', () => {
    expect(parsePhoneNumber('0995212345')).toEqual({ ok: true, value: '0995-21-2345' });
    expect(parsePhoneNumber('09012345678')).toEqual({ ok: true, value: '090-1234-5678' });
  });

  it('refuse numbers that cannot be Japanese, naming the field', () => {
    expect(parsePhoneNumber('099254812', 'FAX番号')).toEqual({ ok: false, message: expect.stringContaining('FAX番号の桁数') });
    expect(parsePhoneNumber('でんわ')).toEqual({ ok: false, message: expect.stringContaining('数字') });
  });

  it('leave an empty number empty', () => {
    expect(parsePhoneNumber('  ')).toEqual({ ok: true, value: '' });
  });
});

describe('postal codes', () => {
  it('read 8900053, 890-0053 and ８９０－００５３ as 890-0053', () => {
    for (const typed of ['8900053', '890-0053', '８９０－００５３', '〒890-0053', '890ー0053']) {
      expect(parsePostalCode(typed)).toEqual({ ok: true, value: '890-0053' });
    }
  });

  it('refuse anything but seven digits', () => {
    expect(parsePostalCode('890-005')).toMatchObject({ ok: false });
    expect(parsePostalCode('abc')).toMatchObject({ ok: false });
  });
});

describe('bed counts by 種別 (Medical Care Act)', () => {
  it('allow 0 for 無床, 1–19 for 有床, 20 or more for 病院', () => {
    expect(bedCountProblem('clinic_no_beds', 0)).toBeUndefined();
    expect(bedCountProblem('clinic_with_beds', 1)).toBeUndefined();
    expect(bedCountProblem('clinic_with_beds', 19)).toBeUndefined();
    expect(bedCountProblem('hospital', 20)).toBeUndefined();
    expect(bedCountProblem('geriatric_facility', 100)).toBeUndefined();
  });

  it('explain a mismatch in Japanese', () => {
    expect(bedCountProblem('clinic_no_beds', 3)).toContain('無床診療所の病床数は0');
    expect(bedCountProblem('clinic_with_beds', 25)).toContain('20床以上は「病院」');
    expect(bedCountProblem('clinic_with_beds', 0)).toContain('1〜19床');
    expect(bedCountProblem('hospital', 19)).toContain('病院の病床数は20床以上');
  });

  it('show the mismatch on the 病床数 field of the form', () => {
    const result = clinicInputSchema.safeParse({ name: '中央医院', kind: 'clinic_with_beds', bedCount: 25 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['bedCount'], message: expect.stringContaining('有床診療所') });
  });
});
