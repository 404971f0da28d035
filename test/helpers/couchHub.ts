/**
 * A CouchDB-compatible hub for tests: `pouchdb-server` in memory, in a process of its own, on
 * 127.0.0.1 (CouchDB itself is not installable on the build machines). With `users`, the hub
 * leaves admin party: an admin, one user per machine, and a database whose `_security` admits
 * only the listed members, as the README tells an office administrator to set up CouchDB 3.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface HubUser {
  name: string;
  password: string;
  /** Listed in the database's `_security` members; false makes a user who may log in but not read it. */
  member?: boolean;
}

export interface CouchHub {
  /** The server's root, e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  /** The shared database's address. */
  readonly dbUrl: string;
  readonly admin: { name: string; password: string };
  /** Calls the hub as its admin (or as `as`), returning status and parsed body. */
  request(method: string, pathname: string, body?: unknown, as?: { name: string; password: string } | null): Promise<{ status: number; body: unknown }>;
  /** SIGKILLs the hub: machines then find it unreachable. */
  kill(): void;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const serverScript = () => path.join(path.dirname(createRequire(import.meta.url).resolve('pouchdb-server/package.json')), 'bin', 'pouchdb-server');

const basic = (user: { name: string; password: string }) => `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;

async function waitUntilAnswering(origin: string, child: ChildProcess, output: () => string) {
  // pouchdb-server takes a few seconds to start on a loaded machine; it has no ready signal.
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode}): ${output()}`);
    try {
      const response = await fetch(`${origin}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pouchdb-server did not answer: ${output()}`);
}

export async function startCouchHub(options: { dbName?: string; users?: HubUser[] } = {}): Promise<CouchHub> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'couch-hub-'));
  // pouchdb-server reads and writes config.json and log.txt in its working directory, whatever --dir says.
  const child = spawn(process.execPath, [serverScript(), '--in-memory', '--no-stdout-logs', '--port', String(port), '--host', '127.0.0.1', '--dir', dir], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const admin = { name: 'admin', password: 'hub-admin-password' };
  const dbName = options.dbName ?? 'cyber-counter';
  let auth: { name: string; password: string } | null = null;
  const request: CouchHub['request'] = async (method, pathname, body, as) => {
    const user = as === undefined ? auth : as;
    const response = await fetch(`${origin}${pathname}`, {
      method,
      headers: { 'content-type': 'application/json', ...(user ? { authorization: basic(user) } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntilAnswering(origin, child, () => stderr);
    if (options.users) {
      await request('PUT', `/_config/admins/${admin.name}`, admin.password);
      auth = admin;
      for (const user of options.users) {
        await request('PUT', `/_users/org.couchdb.user:${user.name}`, { name: user.name, password: user.password, roles: [], type: 'user' });
      }
    }
    await request('PUT', `/${dbName}`);
    if (options.users) {
      const members = options.users.filter((user) => user.member !== false).map((user) => user.name);
      await request('PUT', `/${dbName}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles: [] } });
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    origin,
    dbUrl: `${origin}/${dbName}`,
    admin,
    request,
    kill: () => child.kill('SIGKILL'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await stopped;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
