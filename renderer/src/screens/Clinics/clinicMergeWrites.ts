import type { ClinicMerge, ClinicMergeInput } from '../../../../shared/domain/clinicMerge.ts';
import { call } from '../../api/client.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { queryKeys } from '../../query/queryKeys.ts';
import { useClinicsStore } from '../../stores/clinicsStore.ts';

/** まとめる: the kept record opens with its new values; throws ApiError for the dialog to show. */
export async function mergeClinics(input: ClinicMergeInput): Promise<ClinicMerge> {
  const { merge, kept } = await call('clinics.merge', input);
  queryClient.setQueryData(queryKeys.clinic(kept.id), kept);
  useClinicsStore.getState().open(kept.id);
  useClinicsStore.getState().showNotice({ text: `2件の記録を「${kept.name}」にまとめました（「${merge.mergedName}」はアーカイブしました）`, kind: 'success' });
  return merge;
}

/** まとめを取り消す: both records are as they were before; a refusal (the kept record changed since) shows on the status line. */
export async function undoClinicMerge(merge: ClinicMerge): Promise<boolean> {
  try {
    const { kept } = await call('clinics.undoMerge', { mergeId: merge.id });
    queryClient.setQueryData(queryKeys.clinic(kept.id), kept);
  } catch (error) {
    useClinicsStore.getState().showNotice({ text: errorMessageOf(error, 'まとめを取り消せませんでした。もう一度お試しください。'), kind: 'error' });
    return false;
  }
  useClinicsStore.getState().showNotice({ text: `「${merge.mergedName}」のまとめを取り消しました。2件の記録に戻りました。`, kind: 'success' });
  return true;
}
