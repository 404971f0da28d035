import { callPreview, type RunningPreview } from './startPreview.ts';

/** The insurer's document staff type in 設定 when confirming an official rate table. */
export const officialSource = { document: '医サ第26-118号', date: '2026-07-28' } as const;

/** The request 設定 sends: an official table with its 版 and source, or (no 版) a content pack. */
export const contentRequest = (fileId: string, version: string) =>
  version === '' ? { kind: 'pack', fileId } : { kind: 'rates', fileId, version, source: officialSource };

/** Chooses a staff member for this machine, as an official table is confirmed by someone. */
export async function chooseStaffInPreview(preview: RunningPreview, name = '窓口 花子'): Promise<{ id: string; name: string }> {
  // A name is taken once: the same person chosen again is the one already there.
  const { items } = await callPreview<{ items: { id: string; name: string }[] }>(preview, 'staff.list', { includeInactive: true });
  const staff = items.find((s) => s.name === name) ?? (await callPreview<{ id: string; name: string }>(preview, 'staff.create', { name }));
  await callPreview(preview, 'settings.update', { currentStaffId: staff.id });
  return staff;
}
