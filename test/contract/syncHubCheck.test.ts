import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHub, connectHub } from '../../electron/core/sync/hubConnection.ts';
import { claimReceiptPrefix, takenPrefixes } from '../../electron/core/sync/receiptPrefixClaim.ts';
import { hubMessages } from '../../shared/messages/hubMessages.ts';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { selfSignedCertificate, startHubTlsProxy } from '../helpers/hubTlsProxy.ts';

const pc1 = { name: 'pc1', password: 'pc1-password' };
const outsider = { name: 'visitor', password: 'visitor-password' };

let hub: CouchHub;
beforeAll(async () => {
  hub = await startCouchHub({ users: [pc1, { ...outsider, member: false }] });
});
afterAll(() => hub?.stop());

const access = (user = pc1, url = hub.dbUrl) => ({ url, user: user.name, password: user.password });

describe('接続を確認 against a CouchDB-compatible hub', () => {
  it('the right user and password reach the database, which holds no records yet', async () => {
    const result = await checkHub(access());
    expect(result).toMatchObject({ ok: true, fingerprint: null, hubHasRecords: false, takenPrefixes: [] });
    if (result.ok) expect(result.serverVersion).toMatch(/pouchdb-server/);
  });

  it('a wrong password is told as such (401)', async () => {
    expect(await checkHub(access({ ...pc1, password: 'wrong' }))).toEqual({ ok: false, failure: 'unauthorized', message: hubMessages.unauthorized, fingerprint: null });
  });

  it('a user who may log in but is not a member of the database is told so, not "wrong password"', async () => {
    expect(await checkHub(access(outsider))).toMatchObject({ ok: false, failure: 'forbidden', message: hubMessages.forbidden });
  });

  it('a database name the hub does not have is told apart from a wrong password', async () => {
    expect(await checkHub(access(pc1, `${hub.origin}/no-such-db`))).toMatchObject({ ok: false, failure: 'noDatabase' });
  });

  it('nothing listening at the address is "unreachable"', async () => {
    const port = await closedPort();
    expect(await checkHub(access(pc1, `http://127.0.0.1:${port}/cyber-counter`))).toMatchObject({ ok: false, failure: 'unreachable', message: hubMessages.unreachable });
  });

  it('a web server that is not CouchDB is told apart', async () => {
    const server = await listen(http.createServer as typeof https.createServer, undefined, (_req, res) => res.end('<html>router</html>'));
    try {
      expect(await checkHub(access(pc1, `http://127.0.0.1:${server.port}/cyber-counter`))).toMatchObject({ ok: false, failure: 'notCouchDb', message: hubMessages.notCouchDb });
    } finally {
      server.close();
    }
  });

  it('prefixes claimed on the hub are listed as taken, except by the machine holding them', async () => {
    const conn = connectHub(access());
    expect(await claimReceiptPrefix(conn, 'B', 'machine-b')).toEqual({ claimed: true });
    expect(await claimReceiptPrefix(conn, 'B', 'machine-c')).toEqual({ claimed: false, heldBy: 'machine-b' });
    // Claiming again what this machine holds (a second join after leaving) succeeds.
    expect(await claimReceiptPrefix(conn, 'B', 'machine-b')).toEqual({ claimed: true });
    expect(await takenPrefixes(conn)).toEqual([{ prefix: 'B', machineId: 'machine-b' }]);
    expect(await checkHub(access(), {}, 'machine-c')).toMatchObject({ ok: true, takenPrefixes: ['B'] });
    expect(await checkHub(access(), {}, 'machine-b')).toMatchObject({ ok: true, takenPrefixes: [] });
  });

  it('a hub holding a shared record says so, so joining takes the hub’s records', async () => {
    await hub.request('PUT', '/cyber-counter/clinics:c1', { table: 'clinics', schema: 11, fields: {}, stamps: {}, seen: {} });
    expect(await checkHub(access())).toMatchObject({ ok: true, hubHasRecords: true });
  });
});

describe('接続を確認 over https in front of the hub', () => {
  it('the pinned fingerprint reaches the real hub through TLS; the wrong password is still told apart', async () => {
    const certificate = selfSignedCertificate();
    const proxy = await startHubTlsProxy(hub.origin, certificate);
    try {
      const url = `${proxy.origin}/cyber-counter`;
      expect(await checkHub(access(pc1, url))).toMatchObject({ ok: false, failure: 'certificate', fingerprint: certificate.fingerprint });
      expect(await checkHub(access(pc1, url), { pinnedFingerprint: certificate.fingerprint })).toMatchObject({ ok: true, fingerprint: certificate.fingerprint });
      expect(await checkHub(access({ ...pc1, password: 'wrong' }, url), { pinnedFingerprint: certificate.fingerprint })).toMatchObject({ ok: false, failure: 'unauthorized' });
    } finally {
      proxy.close();
    }
  });
});

describe('接続を確認 over https with the office’s own certificate', () => {
  let tls: { key: string; cert: string; fingerprint: string };
  let server: Awaited<ReturnType<typeof listen>>;
  const authorizations: string[] = [];
  beforeAll(async () => {
    tls = selfSignedCertificate();
    // Answers as CouchDB does, so only the TLS layer differs from the pouchdb-server tests above.
    server = await listen(https.createServer, { key: tls.key, cert: tls.cert }, (req, res) => {
      if (req.headers.authorization) authorizations.push(req.headers.authorization);
      res.setHeader('content-type', 'application/json');
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      // As CouchDB with require_valid_user: even the root wants the password.
      if (!req.headers.authorization) {
        res.statusCode = 401;
        res.end(JSON.stringify({ error: 'unauthorized', reason: 'Authentication required.' }));
      } else if (url.pathname === '/') res.end(JSON.stringify({ couchdb: 'Welcome', version: '3.4.2' }));
      else if (url.pathname === '/_session') res.end(JSON.stringify({ ok: true, userCtx: { name: 'pc1', roles: [] } }));
      else if (url.pathname === '/cyber-counter') res.end(JSON.stringify({ db_name: 'cyber-counter' }));
      else res.end(JSON.stringify({ rows: [] }));
    });
  });
  afterAll(() => server?.close());
  const url = () => `https://127.0.0.1:${server.port}/cyber-counter`;

  it('an untrusted certificate is a certificate failure that shows its fingerprint, and no password is sent', async () => {
    authorizations.length = 0;
    expect(await checkHub(access(pc1, url()))).toEqual({ ok: false, failure: 'certificate', message: hubMessages.certificate, fingerprint: tls.fingerprint });
    expect(authorizations).toEqual([]);
  });

  it('the office CA file makes the certificate trusted', async () => {
    expect(await checkHub(access(pc1, url()), { caPem: tls.cert })).toMatchObject({ ok: true, serverVersion: 'CouchDB 3.4.2', fingerprint: tls.fingerprint });
  });

  it('the pinned fingerprint is accepted without a CA file', async () => {
    expect(await checkHub(access(pc1, url()), { pinnedFingerprint: tls.fingerprint.toLowerCase() })).toMatchObject({ ok: true, fingerprint: tls.fingerprint });
  });

  it('another certificate than the pinned one is refused before the password leaves this machine', async () => {
    authorizations.length = 0;
    const other = `${'AB:'.repeat(31)}AB`;
    const result = await checkHub(access(pc1, url()), { pinnedFingerprint: other });
    expect(result).toEqual({ ok: false, failure: 'certificate', message: hubMessages.fingerprintMismatch, fingerprint: tls.fingerprint });
    expect(authorizations).toEqual([]);
  });

  it('a CA that did not sign the hub’s certificate does not make it trusted', async () => {
    const stranger = selfSignedCertificate();
    expect(await checkHub(access(pc1, url()), { caPem: stranger.cert })).toMatchObject({ ok: false, failure: 'certificate' });
  });
});

async function listen(
  create: typeof https.createServer,
  options: https.ServerOptions | undefined,
  handler: Parameters<typeof https.createServer>[1],
): Promise<{ port: number; close: () => void }> {
  const server = options ? create(options, handler) : create(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
