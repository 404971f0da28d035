import { describe, expect, it } from 'vitest';
import { fieldChanges, reapplyEdits } from '../../renderer/src/components/fieldChanges.ts';

const fields = ['name', 'phone', 'memo'] as const;
const opened = { name: '霧島クリニック', phone: '0995-00-0000', memo: '' };
// Someone else changed the phone number while the form was open.
const current = { name: '霧島クリニック', phone: '0995-11-1111', memo: '' };

describe('a save refused because the record changed', () => {
  it('lists the fields someone else changed, with the user’s own input beside them', () => {
    const mine = { ...opened, memo: '午後に再訪' };
    expect(fieldChanges(fields, opened, current, mine)).toEqual([
      { field: 'phone', opened: '0995-00-0000', current: '0995-11-1111', mine: '0995-00-0000', mineChanged: false },
    ]);
  });

  it('says when both changed the same field', () => {
    const mine = { ...opened, phone: '0995-22-2222' };
    expect(fieldChanges(fields, opened, current, mine)[0]).toMatchObject({ field: 'phone', mine: '0995-22-2222', mineChanged: true });
  });

  it('re-applying keeps the other edit and the user’s edit both', () => {
    const mine = { ...opened, memo: '午後に再訪' };
    expect(reapplyEdits(fields, opened, current, mine)).toEqual({ name: '霧島クリニック', phone: '0995-11-1111', memo: '午後に再訪' });
  });

  it('where both changed a field, the user’s input is what they save (they saw both)', () => {
    const mine = { ...opened, phone: '0995-22-2222' };
    expect(reapplyEdits(fields, opened, current, mine).phone).toBe('0995-22-2222');
  });
});
