/**
 * The PouchDB side's two databases: this machine's store (LevelDB under `<dataDir>/sync/`), which
 * replicates with the hub, and the hub's database reached over http(s) with this machine's
 * credentials and TLS agent.
 */
import fs from 'node:fs';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import type { HubConnection } from './syncPorts.ts';

export type Store = PouchDB.Database;

/** The folder of this machine's store, inside the data folder. */
export const syncDir = (dataDir: string) => path.join(dataDir, 'sync');

export function openLocalStore(dataDir: string): Store {
  const dir = syncDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Old revisions' bodies go at once: a purged record must really leave the disk.
  return new PouchDB(path.join(dir, 'records'), { auto_compaction: true });
}

/** Removes this machine's store (leaving sharing, or taking the hub's records afresh). */
export async function destroyLocalStore(store: Store): Promise<void> {
  await store.destroy();
}

/**
 * The hub's database. Every request carries this machine's authorization and TLS agent (node-fetch
 * honours `agent`); `onAnswer` sees each answer's status and `Date` header, for the clock and the
 * reason replication stalls. The password is only ever in the header, never in the URL or a log.
 */
export function openHubDb(hub: HubConnection, onAnswer: (status: number, date: string | null) => void): Store {
  return new PouchDB(hub.dbUrl, {
    skip_setup: true,
    fetch: async (url, init) => {
      init.headers.set('Authorization', hub.authorization);
      if (hub.agent) init.agent = hub.agent;
      const response = await PouchDB.fetch(url, init);
      onAnswer(response.status, response.headers.get('date'));
      return response;
    },
  });
}
