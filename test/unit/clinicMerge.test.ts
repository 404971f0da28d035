import { describe, expect, it } from 'vitest';
import { clinicInputSchema, type ClinicInput } from '../../shared/domain/clinic.ts';
import { differingFields, mergedClinicFields, mergedFieldsProblem, mergedMailingMark, preselectedChoices } from '../../shared/domain/clinicMerge.ts';

const record = (input: ClinicInput, updatedAt: string) => ({ ...clinicInputSchema.parse(input), updatedAt });

describe('the merged record, field by field', () => {
  const roster = record({ name: '霧島眼科', phone: '0995-00-1111', memberNumber: 'K-100', kind: 'clinic_no_beds', bedCount: 0 }, '2026-11-01T00:00:00.000Z');
  const counter = record({ name: '霧島眼科医院', phone: '0995-00-2222', contactPerson: '霧島 一郎', kind: 'unconfirmed' }, '2026-11-20T00:00:00.000Z');

  it('asks only about the fields the two hold differently, in the form’s order', () => {
    expect(differingFields(roster, counter)).toEqual(['name', 'kind', 'bedCount', 'phone', 'contactPerson', 'memberNumber']);
  });

  it('preselects the value of the record edited last, but never an empty value or 未確認 over a filled one', () => {
    expect(preselectedChoices(roster, counter)).toEqual({
      name: 'merged', phone: 'merged', contactPerson: 'merged', kind: 'kept', bedCount: 'kept', memberNumber: 'kept',
    });
    expect(preselectedChoices(counter, roster)).toMatchObject({ name: 'kept', phone: 'kept', memberNumber: 'merged', kind: 'merged' });
  });

  it('takes each field from the side chosen and the kept record’s value where nothing is chosen', () => {
    expect(mergedClinicFields(roster, counter, { phone: 'merged', contactPerson: 'merged' })).toEqual({
      ...clinicInputSchema.parse({ name: '霧島眼科', phone: '0995-00-2222', contactPerson: '霧島 一郎', memberNumber: 'K-100', kind: 'clinic_no_beds', bedCount: 0 }),
    });
  });

  it('says when 種別 and 病床数 come from records that disagree', () => {
    const hospital = record({ name: '隼人病院', kind: 'hospital', bedCount: 120 }, '2026-11-01T00:00:00.000Z');
    const clinic = record({ name: '隼人病院', kind: 'clinic_with_beds', bedCount: 19 }, '2026-11-02T00:00:00.000Z');
    expect(mergedFieldsProblem(mergedClinicFields(hospital, clinic, { bedCount: 'merged' }))).toMatch(/病院の病床数は20床以上/);
    expect(mergedFieldsProblem(mergedClinicFields(hospital, clinic, { bedCount: 'merged', kind: 'merged' }))).toBeUndefined();
  });
});

describe('送付不要 once merged', () => {
  it('cuts joined reasons at the field’s limit without splitting a character outside the basic plane', () => {
    const { noMailingReason } = mergedMailingMark({ noMailing: true, noMailingReason: 'あ'.repeat(197) }, { noMailing: true, noMailingReason: '𠮷野' });
    expect(noMailingReason).toBe(`${'あ'.repeat(197)}／…`);
    expect(noMailingReason!.length).toBeLessThanOrEqual(200);
  });
});
