import { call, type TestHost } from './testHost.ts';

/** The insurer's document staff type when confirming an official table (dated before any test clock). */
export const officialSource = { document: '医サ第26-118号', date: '2026-07-28' } as const;

/** An official rate table's import request as 設定 sends it: 版 and the insurer's document. */
export const officialRatesRequest = (fileId: string, version = '2026年度 正式') => ({ kind: 'rates', fileId, version, source: officialSource }) as const;

/** A content pack's import request: a pack carries its own document code and date. */
export const packRequest = (fileId: string) => ({ kind: 'pack', fileId }) as const;

/** Chooses a staff member for this machine, as an official table is confirmed by someone. */
export async function chooseCurrentStaff(t: TestHost, name = '窓口 花子'): Promise<{ id: string; name: string }> {
  const staff = (await call(t, 'staff.create', { name })).body.result as { id: string; name: string };
  await call(t, 'settings.update', { currentStaffId: staff.id });
  return staff;
}
