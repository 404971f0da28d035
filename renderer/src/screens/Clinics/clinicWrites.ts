import type { z } from 'zod';
import type { ChannelResult } from '../../../../shared/contract/channels.ts';
import type { Clinic, clinicInputSchema } from '../../../../shared/domain/clinic.ts';
import { call } from '../../api/client.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { queryKeys } from '../../query/queryKeys.ts';
import { useClinicsStore } from '../../stores/clinicsStore.ts';

/** A clinic form's input after the shared schema has checked and canonicalised it. */
export type CheckedClinicInput = z.output<typeof clinicInputSchema>;
export type DuplicateMatch = ChannelResult<'clinics.duplicates'>['matches'][number];

const notify = (text: string, kind: 'success' | 'error' = 'success', undoArchive?: Pick<Clinic, 'id' | 'name'>) =>
  useClinicsStore
    .getState()
    .showNotice({ text, kind, ...(undoArchive ? { undoArchive: { id: undoArchive.id, name: undoArchive.name } } : {}) });

/**
 * The stored record shows at once in the open panel; lists follow when the core announces the
 * write (`changed`), as they do for writes made anywhere else.
 */
function showStored(clinic: Clinic): Clinic {
  queryClient.setQueryData(queryKeys.clinic(clinic.id), clinic);
  return clinic;
}

/** Saves a new clinic and opens it; throws ApiError for the form's field errors. */
export async function createClinic(input: CheckedClinicInput): Promise<Clinic> {
  const clinic = showStored(await call('clinics.create', input));
  useClinicsStore.getState().open(clinic.id);
  notify(`${clinic.name}を登録しました`);
  return clinic;
}

/** Saves an edit of the record as the form opened it; throws ApiError (CONFLICT when it changed since). */
export async function updateClinic(opened: Clinic, input: CheckedClinicInput): Promise<Clinic> {
  const clinic = showStored(await call('clinics.update', { id: opened.id, clinic: input, expectedRevision: opened.revision }));
  notify(`${clinic.name}を保存しました`);
  return clinic;
}

/** アーカイブ: the clinic leaves the list and the panel closes; 「元に戻す」 brings both back. */
export async function archiveClinic(clinic: Clinic): Promise<boolean> {
  try {
    showStored(await call('clinics.archive', { id: clinic.id }));
  } catch (error) {
    notify(errorMessageOf(error, `${clinic.name}をアーカイブできませんでした。もう一度お試しください。`), 'error');
    return false;
  }
  const clinics = useClinicsStore.getState();
  if (clinics.openId === clinic.id) clinics.close();
  notify(`${clinic.name}をアーカイブしました。検索には表示されなくなります。`, 'success', clinic);
  return true;
}

/** 復元 of an archived clinic. */
export async function restoreClinic(clinic: Pick<Clinic, 'id' | 'name'>): Promise<boolean> {
  let restored: Clinic;
  try {
    restored = showStored(await call('clinics.restore', { id: clinic.id }));
  } catch (error) {
    notify(errorMessageOf(error, `${clinic.name}を復元できませんでした。もう一度お試しください。`), 'error');
    return false;
  }
  notify(`${restored.name}を復元しました`);
  return true;
}

/** Clinics that may be the one being saved (same 会員番号, phone or name). */
export async function findDuplicates(input: CheckedClinicInput, exceptId: string | undefined): Promise<DuplicateMatch[]> {
  const { matches } = await call('clinics.duplicates', {
    name: input.name,
    phone: input.phone,
    memberNumber: input.memberNumber,
    ...(exceptId ? { exceptId } : {}),
  });
  return matches;
}
