import https from 'node:https';
import type { HubCheckResult, HubFailure } from '../../../shared/domain/sync.ts';
import { hubMessages } from '../../../shared/messages/hubMessages.ts';
import { fingerprintMismatchCode, hubAgent, readPeerCertificate, type HubTrust } from './hubTls.ts';
import { sharedTables, type HubConnection } from './syncPorts.ts';
import { takenPrefixes } from './receiptPrefixClaim.ts';
import { hubRequest, requestTimeoutMs } from './hubRequest.ts';

/** What reaching the hub needs: the shared database's address, the machine's user and password. */
export interface HubCredentials {
  url: string;
  user: string;
  password: string;
}


/** The database's address as typed, without any user:password someone put in it. */
function cleanDbUrl(url: string): URL {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  parsed.search = '';
  parsed.pathname = parsed.pathname.replace(/\/+$/, '');
  return parsed;
}

/** How the PouchDB side and the handlers reach the hub: address, authorization, TLS agent. */
export function connectHub(credentials: HubCredentials, trust: HubTrust = {}): HubConnection {
  const dbUrl = cleanDbUrl(credentials.url);
  return {
    dbUrl: dbUrl.toString(),
    authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`,
    agent: dbUrl.protocol === 'https:' ? hubAgent(trust) : undefined,
  };
}

const certificateCodes = new Set([
  fingerprintMismatchCode,
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

/** Which kind of failure a thrown network error is: the certificate, or the hub not answering. */
export function failureOfError(error: unknown): { failure: HubFailure; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === fingerprintMismatchCode) return { failure: 'certificate', message: hubMessages.fingerprintMismatch };
  if (typeof code === 'string' && (certificateCodes.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('CERT_'))) {
    return { failure: 'certificate', message: hubMessages.certificate };
  }
  return { failure: 'unreachable', message: hubMessages.unreachable };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** CouchDB answers its root with `{"couchdb":"Welcome","version":…}`; pouchdb-server (the tests' hub) with `express-pouchdb`. */
function serverVersionOf(body: unknown): string | null {
  if (!isObject(body) || typeof body.version !== 'string') return null;
  if (body.couchdb === 'Welcome') return `CouchDB ${body.version}`;
  if (typeof body['express-pouchdb'] === 'string') return `pouchdb-server ${body.version}`;
  return null;
}

/** True when any shared record (not a prefix claim or the minimum schema) is on the hub. */
export async function hubHasRecords(hub: HubConnection): Promise<boolean> {
  for (const table of sharedTables) {
    const range = `startkey=${encodeURIComponent(JSON.stringify(`${table}:`))}&endkey=${encodeURIComponent(JSON.stringify(`${table}:\ufff0`))}&limit=1`;
    const response = await hubRequest(hub, 'GET', `_all_docs?${range}`);
    if (response.status !== 200) throw new Error(`hub _all_docs answered ${response.status}`);
    const rows = isObject(response.body) && Array.isArray(response.body.rows) ? response.body.rows : [];
    if (rows.length > 0) return true;
  }
  return false;
}

function failed(failure: HubFailure, fingerprint: string | null, message: string = hubMessages[failure]): HubCheckResult {
  return { ok: false, failure, message, fingerprint };
}

/**
 * 接続を確認: reaches the hub as this machine would and tells apart a hub that does not answer,
 * a certificate not trusted (or not the pinned one), a wrong password (401), a user who is not a
 * member of the database (403), a server that is not CouchDB and a missing database. Over https
 * the certificate's fingerprint comes back in every case, so it can be shown and pinned.
 */
export async function checkHub(credentials: HubCredentials, trust: HubTrust = {}, machineId?: string): Promise<HubCheckResult> {
  const hub = connectHub(credentials, trust);
  const url = new URL(hub.dbUrl);
  let fingerprint: string | null = null;
  if (url.protocol === 'https:') {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const peer = await readPeerCertificate(host, Number(url.port || 443), trust.caPem, requestTimeoutMs);
    fingerprint = peer?.fingerprint ?? null;
  }
  try {
    // CouchDB answers its root to anyone unless the administrator set require_valid_user; then
    // it wants the password there too.
    let root = await hubRequest(hub, 'GET', '/', { auth: false });
    if (root.status === 401) root = await hubRequest(hub, 'GET', '/');
    if (root.status === 401) return failed('unauthorized', fingerprint);
    const serverVersion = serverVersionOf(root.body);
    if (!serverVersion) return failed('notCouchDb', fingerprint);
    // The session tells a wrong password from a user who is not a member: pouchdb-server answers
    // 401 to both on the database itself, CouchDB 3 answers 403 to the second.
    const session = await hubRequest(hub, 'GET', '/_session');
    if (session.status === 401) return failed('unauthorized', fingerprint);
    const database = await hubRequest(hub, 'GET', '');
    if (database.status === 401 || database.status === 403) return failed('forbidden', fingerprint);
    if (database.status === 404) return failed('noDatabase', fingerprint);
    if (database.status !== 200 || !isObject(database.body) || typeof database.body.db_name !== 'string') return failed('notCouchDb', fingerprint);
    const taken = await takenPrefixes(hub);
    return {
      ok: true,
      serverVersion,
      fingerprint,
      hubHasRecords: await hubHasRecords(hub),
      takenPrefixes: taken.filter((claim) => claim.machineId !== machineId).map((claim) => claim.prefix),
    };
  } catch (error) {
    const { failure, message } = failureOfError(error);
    return failed(failure, fingerprint, message);
  } finally {
    if (hub.agent instanceof https.Agent) hub.agent.destroy();
  }
}
