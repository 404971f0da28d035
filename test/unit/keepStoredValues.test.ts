import { describe, expect, it } from 'vitest';
import { keepStoredValues } from '../../electron/core/text/keepStoredValues.ts';
import { clinicInputSchema, type ClinicFields } from '../../shared/domain/clinic.ts';

const stored: ClinicFields = clinicInputSchema.parse({
  name: '𠮷田内科医院',
  contactPerson: '森鷗外',
  memberNumber: '000099',
  phone: '099-222-3333',
  memo: '受付は9時〜12時',
});
const incoming = (fields: Partial<ClinicFields>): ClinicFields => ({ ...stored, ...fields });

describe('an update from a list a spreadsheet opened and saved', () => {
  it('keeps a 会員番号 whose leading zeros the spreadsheet dropped, and says so', () => {
    expect(keepStoredValues(stored, incoming({ memberNumber: '99' }))).toEqual({
      fields: stored,
      kept: [{ field: '会員番号', message: expect.stringContaining('「000099」のままにします') }],
    });
  });

  it('keeps characters Shift_JIS cannot write where the file has ?, ?? or 〓, and the look-alikes it swapped', () => {
    const read = keepStoredValues(stored, incoming({ name: '?田内科医院', contactPerson: '森〓外', memo: '受付は9時～12時' }));
    expect(read.fields).toEqual(stored);
    expect(read.kept.map((k) => k.field)).toEqual(['医療機関名', 'ご担当者名', 'メモ']);
    expect(keepStoredValues(stored, incoming({ name: '??田内科医院' })).fields).toEqual(stored);
  });

  it('treats a phone number stored before the canonical form as the same number', () => {
    const old = { ...stored, phone: '0992223333' };
    expect(keepStoredValues(old, incoming({ phone: '099-222-3333' }))).toEqual({ fields: old, kept: [] });
  });

  it('takes a real change: other digits, a ? where the record has a writable character, a longer value', () => {
    const changes = incoming({ memberNumber: '100', name: '?田内科クリニック', contactPerson: '森?太郎', memo: '受付は9時～13時' });
    expect(keepStoredValues(stored, changes)).toEqual({ fields: changes, kept: [] });
    expect(keepStoredValues({ ...stored, name: '吉田医院' }, incoming({ name: '?田医院' })).fields.name).toBe('?田医院');
  });
});
