import type { Staff, StaffSolicitorInput } from '../../../../shared/domain/staff.ts';
import { call } from '../../api/client.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { queryKeys } from '../../query/queryKeys.ts';

/** Shows a saved staff member in the list at once; the core's `changed` event reads it again anyway. */
function showSaved(staff: Staff): Staff {
  queryClient.setQueryData<Staff[]>(queryKeys.staff(), (items) =>
    items && (items.some((s) => s.id === staff.id) ? items.map((s) => (s.id === staff.id ? staff : s)) : [...items, staff]),
  );
  return staff;
}

/** Adds a staff member; throws ApiError so the form can show the message next to the field. */
export async function createStaff(name: string): Promise<Staff> {
  return showSaved(await call('staff.create', { name }));
}

/** Renames the staff member as the form opened them; throws ApiError. */
export async function renameStaff(opened: Staff, name: string): Promise<Staff> {
  return showSaved(await call('staff.update', { id: opened.id, name, expectedRevision: opened.revision }));
}

/** 無効にする / 有効にする; throws ApiError. */
export async function setStaffActive(opened: Staff, active: boolean): Promise<Staff> {
  return showSaved(await call('staff.update', { id: opened.id, active, expectedRevision: opened.revision }));
}

/** 募集人の登録 (all four fields together); throws ApiError. */
export async function saveStaffSolicitor(opened: Staff, solicitor: StaffSolicitorInput): Promise<Staff> {
  return showSaved(await call('staff.update', { id: opened.id, solicitor, expectedRevision: opened.revision }));
}
