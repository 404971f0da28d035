/**
 * Machines for the sharing tests: real cores on their own data folders, each with its own clock
 * (real time plus an offset, so the hub's Date header agrees or not, on purpose), replicating
 * through a pouchdb-server hub over plain http.
 */
import { afterEach } from 'vitest';
import { startCouchHub, type CouchHub, type HubUser } from '../helpers/couchHub.ts';
import { openCore, type SharingCore } from '../../electron/core/openCore.ts';
import { silentLogger } from '../../electron/core/log/logger.ts';
import { tempDir } from '../helpers/tempDir.ts';
import type { HubConnection } from '../../electron/core/sync/syncPorts.ts';

const hubs: CouchHub[] = [];
const cores: SharingCore[] = [];

/** One CouchDB user per machine, members of the shared database, as the README sets up an office. */
export const machineUsers = ['counter-1', 'counter-2', 'laptop'].map((name) => ({ name, password: `${name}-password` }));

export async function startHub(users: HubUser[] = machineUsers): Promise<CouchHub> {
  const hub = await startCouchHub({ users });
  hubs.push(hub);
  return hub;
}

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const hub of hubs.splice(0)) await hub.stop();
});

export const connectionTo = (hub: CouchHub, user: { name: string; password: string } = machineUsers[0]!): HubConnection => ({
  dbUrl: hub.dbUrl,
  authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`,
  agent: undefined,
});

export interface Machine {
  core: SharingCore;
  dataDir: string;
  /** Calls a channel and returns its result, failing the test on an error envelope. */
  call<T>(channel: string, input: unknown): Promise<T>;
}

export async function openMachine(options: { clockOffsetMs?: number; dataDir?: string } = {}): Promise<Machine> {
  const offset = options.clockOffsetMs ?? 0;
  const dataDir = options.dataDir ?? tempDir();
  const core = await openCore({ dataDir, mode: 'preview', log: silentLogger, now: () => new Date(Date.now() + offset) });
  cores.push(core);
  return {
    core,
    dataDir,
    async call<T>(channel: string, input: unknown) {
      const envelope = await core.dispatch(channel, input);
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.result as T;
    },
  };
}

/** Polls until the condition holds; the test's timeout is the only limit. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, pollMs = 50): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, pollMs));
}
