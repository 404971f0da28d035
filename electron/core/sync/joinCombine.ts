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
 * Before the hub's records are written here: a record of this machine that holds a 会員番号 the
 * hub's records hold too gives it up, so the hub's record is not held back by the
 * one-record-per-number rule (it would wait unseen on this machine). For a pair staff confirmed
 * the merge would take it anyway; a record staff kept apart is named in the result, the number
 * staying with the hub's record, which every other machine already has. Undoing a merge later
 * leaves the number with the hub's record.
 */
export function releaseSharedMemberNumbers(
  db: Db, pairs: readonly JoinPair[], hubClinics: readonly JoinPreviewClinic[], ctx: WriteContext,
): JoinCombineResult['numbersLeftWithHub'] {
  const hubByNumber = new Map(hubClinics.filter((clinic) => clinic.memberNumber !== '').map((clinic) => [clinic.memberNumber, clinic]));
  const paired = new Set(pairs.map((pair) => pair.localId));
  const holders = statement(db, "SELECT id, member_number FROM clinics WHERE member_number <> ''").all() as { id: string; member_number: string }[];
  const release = statement(
    db,
    `UPDATE clinics SET member_number = '', updated_at = @now, updated_by = @machineId, updated_by_staff = @staffId, revision = revision + 1 WHERE id = @id`,
  );
  const now = (ctx.now?.() ?? new Date()).toISOString();
  return db.transaction(() => {
    const apart: JoinCombineResult['numbersLeftWithHub'] = [];
    for (const holder of holders) {
      const hub = hubByNumber.get(holder.member_number);
      if (!hub) continue;
      if (!paired.has(holder.id)) apart.push({ hub, local: asJoinClinic(getClinic(db, holder.id)!) });
      release.run({ id: holder.id, now, machineId: ctx.machineId, staffId: ctx.staffId ?? null });
      reindexStoredClinic(db, holder.id);
    }
    return apart;
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
export function mergeJoinedPairs(db: Db, pairs: readonly JoinPair[], ctx: WriteContext): Pick<JoinCombineResult, 'merged' | 'notMerged'> {
  const result: Pick<JoinCombineResult, 'merged' | 'notMerged'> = { merged: 0, notMerged: [] };
  const mergeOne = (pair: JoinPair) => {
    const kept = getClinic(db, pair.hubId);
    const merged = getClinic(db, pair.localId);
    const refuse = (reason: string) => {
      const stand = (clinic: Clinic | undefined, id: string) => (clinic ? asJoinClinic(clinic) : { id, name: '', phone: '', memberNumber: '', address: '' });
      result.notMerged.push({ hub: stand(kept, pair.hubId), local: stand(merged, pair.localId), reason });
    };
    if (!kept) return refuse(hubMessages.combineHubRecordNotHere);
    if (!merged) return refuse(hubMessages.combineLocalRecordGone);
    if (kept.archivedAt !== null) return refuse(hubMessages.combineHubArchived);
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
  }
  return result;
}
