import { mergedClinicFields, mergedFieldsProblem, preselectedChoices, type MergeChoices } from '../../../shared/domain/clinicMerge.ts';
import type { Clinic } from '../../../shared/domain/clinic.ts';
import type { JoinCombineResult, JoinPair, JoinPreviewClinic } from '../../../shared/domain/joinPreview.ts';
import { hubMessages } from '../../../shared/messages/hubMessages.ts';
import { statement, type Db } from '../db/connection.ts';
import { mergeClinics } from '../db/repos/clinicMerge.ts';
import { getClinic, reindexStoredClinic } from '../db/repos/clinicRecords.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { AppError } from '../errors.ts';

/**
 * Joining a hub with records on both sides (issue 21 §2), the SQLite half: each pair staff
 * confirmed is merged as 重複をまとめる merges, the hub's record kept (every other machine
 * already holds its id) and this machine's archived with a pointer to it. Inquiries only move
 * with their clinic: never merged with each other, never renumbered.
 */

/** How many merges share one transaction: a failing pair rolls back only its own savepoint. */
const pairsPerTransaction = 500;

/**
 * Before the hub's records are written here: this machine's record of a pair gives up the
 * 会員番号 the hub's record holds too, as the merge would, so the hub's record is not held back
 * by the one-record-per-number rule. Undoing the merge later leaves the number with the hub's record.
 */
export function releaseSharedMemberNumbers(db: Db, pairs: readonly JoinPair[], hubClinics: readonly JoinPreviewClinic[], ctx: WriteContext): number {
  const hubNumber = new Map(hubClinics.map((clinic) => [clinic.id, clinic.memberNumber]));
  const release = statement(
    db,
    `UPDATE clinics SET member_number = '', updated_at = @now, updated_by = @machineId, updated_by_staff = @staffId, revision = revision + 1
     WHERE id = @id AND member_number = @memberNumber AND member_number <> ''`,
  );
  const now = (ctx.now?.() ?? new Date()).toISOString();
  return db.transaction(() => {
    let released = 0;
    for (const pair of pairs) {
      const memberNumber = hubNumber.get(pair.hubId);
      if (!memberNumber) continue;
      if (release.run({ id: pair.localId, memberNumber, now, machineId: ctx.machineId, staffId: ctx.staffId ?? null }).changes === 0) continue;
      released++;
      reindexStoredClinic(db, pair.localId);
    }
    return released;
  })();
}

/**
 * The values the kept record takes: the newer record's for each field (an empty value never
 * replacing a filled one), with 種別 and 病床数 from the same record when mixing them would
 * make a record the form refuses.
 */
export function joinChoices(kept: Clinic, merged: Clinic): MergeChoices {
  const choices = preselectedChoices(kept, merged);
  if (mergedFieldsProblem(mergedClinicFields(kept, merged, choices))) choices.bedCount = choices.kind ?? 'kept';
  return choices;
}

const asJoinClinic = (clinic: Clinic): JoinPreviewClinic => ({
  id: clinic.id, name: clinic.name, phone: clinic.phone, memberNumber: clinic.memberNumber, address: clinic.address,
});

/** Merges every pair it can; a pair that cannot be merged is left as two records and said why. */
export function mergeJoinedPairs(db: Db, pairs: readonly JoinPair[], ctx: WriteContext, onProgress?: (done: number) => void): Omit<JoinCombineResult, 'backupFile'> {
  const result: Omit<JoinCombineResult, 'backupFile'> = { merged: 0, notMerged: [] };
  const mergeOne = (pair: JoinPair) => {
    const kept = getClinic(db, pair.hubId);
    const merged = getClinic(db, pair.localId);
    const refuse = (reason: string) => {
      const stand = (clinic: Clinic | undefined, id: string) => (clinic ? asJoinClinic(clinic) : { id, name: '', phone: '', memberNumber: '', address: '' });
      result.notMerged.push({ hub: stand(kept, pair.hubId), local: stand(merged, pair.localId), reason });
    };
    if (!kept) return refuse(hubMessages.combineHubRecordNotHere);
    if (!merged) return refuse(hubMessages.combineLocalRecordGone);
    try {
      mergeClinics(db, { keptId: kept.id, mergedId: merged.id, choices: joinChoices(kept, merged), keptRevision: kept.revision, mergedRevision: merged.revision }, ctx);
      result.merged++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refuse(error.message);
    }
  };
  for (let start = 0; start < pairs.length; start += pairsPerTransaction) {
    db.transaction(() => pairs.slice(start, start + pairsPerTransaction).forEach(mergeOne))();
    onProgress?.(Math.min(start + pairsPerTransaction, pairs.length));
  }
  return result;
}
