import { hubRequest } from './hubRequest.ts';
import type { HubConnection } from './syncPorts.ts';

/** A 受付番号 prefix claimed on the hub: the `prefix:<P>` document names the machine holding it. */
export interface PrefixClaim {
  prefix: string;
  machineId: string;
}

const claimDocId = (prefix: string) => `prefix:${prefix}`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Every prefix claimed on the hub, and by which machine. */
export async function takenPrefixes(hub: HubConnection): Promise<PrefixClaim[]> {
  const range = `startkey=${encodeURIComponent('"prefix:"')}&endkey=${encodeURIComponent('"prefix:\ufff0"')}&include_docs=true`;
  const response = await hubRequest(hub, 'GET', `_all_docs?${range}`);
  if (response.status !== 200 || !isObject(response.body) || !Array.isArray(response.body.rows)) {
    throw new Error(`hub _all_docs answered ${response.status}`);
  }
  const claims: PrefixClaim[] = [];
  for (const row of response.body.rows as unknown[]) {
    if (!isObject(row) || typeof row.id !== 'string' || !isObject(row.doc)) continue;
    const machineId = row.doc.machineId;
    if (typeof machineId === 'string') claims.push({ prefix: row.id.slice('prefix:'.length), machineId });
  }
  return claims;
}

/**
 * Claims a 受付番号 prefix for this machine. The document's id is the prefix, so of two machines
 * claiming the same one at once CouchDB accepts one PUT and answers the other 409: that one is
 * told who holds it. Claiming again a prefix this machine already holds succeeds.
 */
export async function claimReceiptPrefix(
  hub: HubConnection,
  prefix: string,
  machineId: string,
  now: Date = new Date(),
): Promise<{ claimed: true } | { claimed: false; heldBy: string }> {
  const id = encodeURIComponent(claimDocId(prefix));
  const put = await hubRequest(hub, 'PUT', id, { body: { machineId, claimedAt: now.toISOString() } });
  if (put.status === 201 || put.status === 202) return { claimed: true };
  if (put.status !== 409) throw new Error(`hub answered ${put.status} to a prefix claim`);
  const existing = await hubRequest(hub, 'GET', id);
  const holder = isObject(existing.body) && typeof existing.body.machineId === 'string' ? existing.body.machineId : null;
  if (holder === machineId) return { claimed: true };
  return { claimed: false, heldBy: holder ?? 'unknown' };
}
