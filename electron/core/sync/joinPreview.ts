import type { JoinPreview, JoinPreviewClinic } from '../../../shared/domain/joinPreview.ts';
import { planJoinMatches } from '../../../shared/domain/joinMatch.ts';
import { statement, type Db } from '../db/connection.ts';
import { hubRequest } from './hubRequest.ts';
import { recordDocId } from './sharedFields.ts';
import type { Store } from './localStore.ts';
import type { HubConnection } from './syncPorts.ts';

/** How many clinics of each side alone the preview names; the rest are counted. */
export const aloneShown = 50;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** This machine's clinics, archived ones too: a 会員番号 stays taken by an archived clinic. */
export function localJoinClinics(db: Db): JoinPreviewClinic[] {
  const rows = statement(db, 'SELECT id, name, phone, member_number, address FROM clinics ORDER BY seq').all() as {
    id: string; name: string; phone: string; member_number: string; address: string;
  }[];
  return rows.map((row) => ({ id: row.id, name: row.name, phone: row.phone, memberNumber: row.member_number, address: row.address }));
}

/** The clinics among `_all_docs` rows (with their documents), with the fields matching needs. */
function clinicsOfRows(rows: readonly unknown[]): JoinPreviewClinic[] {
  const clinics: JoinPreviewClinic[] = [];
  for (const row of rows) {
    if (!isObject(row) || !isObject(row.doc) || !isObject(row.doc.fields)) continue;
    const fields = row.doc.fields;
    if (typeof fields.id !== 'string') continue;
    clinics.push({ id: fields.id, name: text(fields.name), phone: text(fields.phone), memberNumber: text(fields.member_number), address: text(fields.address) });
  }
  return clinics;
}

const clinicRange = { startkey: recordDocId('clinics', ''), endkey: recordDocId('clinics', '\ufff0'), include_docs: true } as const;

/** The hub's clinic documents, read once, with the fields matching needs. */
export async function hubJoinClinics(hub: HubConnection): Promise<JoinPreviewClinic[]> {
  const range = `startkey=${encodeURIComponent(JSON.stringify(clinicRange.startkey))}&endkey=${encodeURIComponent(JSON.stringify(clinicRange.endkey))}&include_docs=true`;
  const response = await hubRequest(hub, 'GET', `_all_docs?${range}`);
  if (response.status !== 200 || !isObject(response.body) || !Array.isArray(response.body.rows)) throw new Error(`hub _all_docs answered ${response.status}`);
  return clinicsOfRows(response.body.rows as unknown[]);
}

/** The same, from a store that has pulled the hub (what a join merges against). */
export async function storeJoinClinics(store: Store): Promise<JoinPreviewClinic[]> {
  return clinicsOfRows((await store.allDocs(clinicRange)).rows);
}

/** The preview of joining with records on both sides. */
export function joinPreviewOf(local: readonly JoinPreviewClinic[], hub: readonly JoinPreviewClinic[]): JoinPreview {
  const plan = planJoinMatches(local, hub);
  const localById = new Map(local.map((clinic) => [clinic.id, clinic]));
  const hubById = new Map(hub.map((clinic) => [clinic.id, clinic]));
  const alone = (ids: readonly string[], byId: Map<string, JoinPreviewClinic>) => ({ count: ids.length, first: ids.slice(0, aloneShown).map((id) => byId.get(id)!) });
  return {
    matched: plan.matched.map((pair) => ({ hub: hubById.get(pair.hubId)!, local: localById.get(pair.localId)!, rule: pair.rule })),
    uncertain: plan.uncertain.map((pair) => ({ hub: hubById.get(pair.hubId)!, local: localById.get(pair.localId)!, reason: pair.reason })),
    hubOnly: alone(plan.hubOnly, hubById),
    localOnly: alone(plan.localOnly, localById),
  };
}
