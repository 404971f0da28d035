import { normalizeForSearch } from '../text/normalizeForSearch.ts';
import { findClinicMatch, matchKeys, type ClinicMatchLookup, type MatchCandidate } from './clinicMatch.ts';
import type { joinMatchRules, uncertainReasons } from './joinPreview.ts';

/**
 * Joining a hub with records on both sides (issue 21 §2): which of this machine's clinics are the
 * hub's, by the roster import's rules (会員番号, then phone, then name and address). Pure, so the
 * preview staff confirm and the merge that follows read the same plan.
 */

/** A clinic on either side, as far as matching and the preview need it. */
export interface JoinClinic {
  id: string;
  name: string;
  phone: string;
  memberNumber: string;
  address: string;
}

export type JoinMatchRule = (typeof joinMatchRules)[number];

/**
 * Why a pair is shown for staff to decide rather than merged on their confirmation of the whole
 * list: the same phone under other names (a group's clinics often share a switchboard), or the
 * same name where one side has no address to compare.
 */
export type UncertainReason = (typeof uncertainReasons)[number];

export interface JoinMatchPlan {
  /** Pairs the import's rules call the same clinic: merged once staff confirm the list. */
  matched: { hubId: string; localId: string; rule: JoinMatchRule }[];
  /** Pairs that may be one clinic: staff say yes or no to each. */
  uncertain: { hubId: string; localId: string; reason: UncertainReason }[];
  /** Only on the hub (or matching a clinic of this machine another hub clinic matched first): they arrive here as they are. */
  hubOnly: string[];
  /** Only on this machine: they go to the hub as they are. */
  localOnly: string[];
}

function lookupOver(clinics: readonly JoinClinic[]): ClinicMatchLookup {
  const byId = new Map<string, MatchCandidate>();
  const byMember = new Map<string, MatchCandidate>();
  const byPhone = new Map<string, MatchCandidate[]>();
  const byName = new Map<string, MatchCandidate[]>();
  const push = (map: Map<string, MatchCandidate[]>, key: string, candidate: MatchCandidate) => {
    if (key !== '') map.set(key, [...(map.get(key) ?? []), candidate]);
  };
  for (const clinic of clinics) {
    const candidate: MatchCandidate = { id: clinic.id, memberNumber: clinic.memberNumber, address: clinic.address };
    byId.set(clinic.id, candidate);
    if (clinic.memberNumber !== '' && !byMember.has(clinic.memberNumber)) byMember.set(clinic.memberNumber, candidate);
    push(byPhone, normalizeForSearch(clinic.phone), candidate);
    push(byName, normalizeForSearch(clinic.name), candidate);
  }
  return {
    byId: (id) => byId.get(id),
    byMemberNumber: (memberNumber) => byMember.get(memberNumber),
    byPhoneDigits: (digits) => byPhone.get(digits) ?? [],
    byNameNorm: (name) => byName.get(name) ?? [],
  };
}

const sameName = (a: JoinClinic, b: JoinClinic) => normalizeForSearch(a.name) === normalizeForSearch(b.name);

/**
 * Matches the hub's clinics against this machine's. Ids are never compared: two machines that
 * imported the same roster gave the same clinic different ids. Each clinic is in exactly one
 * place of the plan (a local clinic in at most one pair).
 */
export function planJoinMatches(local: readonly JoinClinic[], hub: readonly JoinClinic[]): JoinMatchPlan {
  const lookup = lookupOver(local);
  const localById = new Map(local.map((clinic) => [clinic.id, clinic]));
  const paired = new Set<string>();
  const plan: JoinMatchPlan = { matched: [], uncertain: [], hubOnly: [], localOnly: [] };
  for (const clinic of hub) {
    const keys = matchKeys(clinic);
    const match = findClinicMatch({ keys }, lookup);
    const mine = match && localById.get(match.clinicId)!;
    if (match && mine && !paired.has(mine.id)) {
      if (match.rule === 'phone' && !sameName(clinic, mine)) plan.uncertain.push({ hubId: clinic.id, localId: mine.id, reason: 'phoneOnlyNamesDiffer' });
      else plan.matched.push({ hubId: clinic.id, localId: mine.id, rule: match.rule as JoinMatchRule });
      paired.add(mine.id);
      continue;
    }
    // Two different 会員番号 are two institutions, whatever their names.
    const namesake = keys.name === '' ? undefined : lookup.byNameNorm(keys.name).map((c) => localById.get(c.id)!).find((c) => !paired.has(c.id) && (c.address === '' || clinic.address === '') && (c.memberNumber === '' || clinic.memberNumber === ''));
    if (namesake) {
      plan.uncertain.push({ hubId: clinic.id, localId: namesake.id, reason: 'nameWithoutAddress' });
      paired.add(namesake.id);
    } else plan.hubOnly.push(clinic.id);
  }
  plan.localOnly = local.filter((clinic) => !paired.has(clinic.id)).map((clinic) => clinic.id);
  return plan;
}
