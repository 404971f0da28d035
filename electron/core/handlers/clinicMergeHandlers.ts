import type { Db } from '../db/connection.ts';
import { getClinic } from '../db/repos/clinicRecords.ts';
import { mergeClinics, mergeMovesOf, undoClinicMerge } from '../db/repos/clinicMerge.ts';
import { clinicMergesOf, toClinicMerge } from '../db/repos/clinicMergeHistory.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { AppError } from '../errors.ts';
import type { HandlerMap } from './handlerMap.ts';

type ClinicMergeChannels = 'clinics.mergePreview' | 'clinics.merge' | 'clinics.merges' | 'clinics.undoMerge';

/** 重複をまとめる: what a merge would move, the merge itself, a clinic's merges, and undoing one. */
export function clinicMergeHandlers(db: Db, writeContext: () => WriteContext): Pick<HandlerMap, ClinicMergeChannels> {
  const clinic = (id: string) => {
    const found = getClinic(db, id);
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  };
  return {
    'clinics.mergePreview': ({ keptId, mergedId }) => ({ kept: clinic(keptId), merged: clinic(mergedId), moves: mergeMovesOf(db, mergedId) }),
    'clinics.merge': (input) => {
      const row = mergeClinics(db, input, writeContext());
      return { merge: toClinicMerge(db, row), kept: clinic(row.kept_id) };
    },
    'clinics.merges': ({ clinicId }) => ({ items: clinicMergesOf(db, clinicId) }),
    'clinics.undoMerge': ({ mergeId }) => {
      const row = undoClinicMerge(db, mergeId, writeContext());
      return { merge: toClinicMerge(db, row), kept: clinic(row.kept_id) };
    },
  };
}
