import { describe, expect, it } from 'vitest';
import { dataAreas } from '../../shared/contract/dataAreas.ts';
import { queryKeys, queryRoots } from '../../renderer/src/query/queryKeys.ts';
import { staleRoots } from '../../renderer/src/query/staleRoots.ts';

describe('which screens a committed write makes stale', () => {
  it('a clinic edit refreshes the 医療機関 list, the inquiry lists (they show clinic names) and ホーム', () => {
    expect(staleRoots(['clinics'])).toEqual(expect.arrayContaining(['clinics', 'inquiries', 'home']));
    expect(staleRoots(['clinics'])).not.toContain('settings');
  });

  it('a renamed staff member refreshes every list that shows 担当者 names', () => {
    expect(staleRoots(['staff'])).toEqual(expect.arrayContaining(['staff', 'inquiries', 'home', 'quotes', 'documentOutputs']));
  });

  it('an archived clinic changes the 完全削除 counts too', () => {
    expect(staleRoots(['clinics'])).toContain('purgePreview');
    expect(staleRoots(['inquiries'])).toContain('purgePreview');
  });

  it('a settings change leaves the record lists alone; only the 完全削除 counts follow the retention period', () => {
    expect(staleRoots(['settings'])).toEqual(['settings', 'purgePreview']);
  });

  it('every data area the core can announce refreshes at least its own reads', () => {
    for (const area of dataAreas) expect(staleRoots([area])).toContain(area);
  });

  it('every query key starts with a root the mapping knows', () => {
    const keys = [
      queryKeys.appInfo(),
      queryKeys.clinicSearch({ query: '', limit: 1, includeArchived: false }),
      queryKeys.clinic('c1'),
      queryKeys.inquiryList({ limit: 1 }),
      queryKeys.inquiry('i1'),
      queryKeys.home(),
      queryKeys.quotes('i1'),
      queryKeys.documentHistory({ clinicId: 'c1' }),
      queryKeys.staff(),
      queryKeys.settings(),
      queryKeys.content(),
      queryKeys.contentChanges(),
      queryKeys.backups(),
      queryKeys.purgePreview(),
      queryKeys.postalAddress('8900053'),
    ];
    for (const key of keys) expect(queryRoots).toContain(key[0]);
  });
});
