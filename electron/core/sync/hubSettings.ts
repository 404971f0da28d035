import { statement, type Db } from '../db/connection.ts';

/**
 * How this machine reaches the hub, kept in `app_meta` (settings of this machine, never
 * replicated). The password is not here: it is in the secret store.
 */
export interface HubSettings {
  url: string;
  user: string;
  /** The hub certificate's SHA-256 fingerprint, when pinned at first connect. */
  pinnedFingerprint: string | null;
  /** The office CA certificate (PEM) chosen when joining, when the hub's certificate is signed by it. */
  caPem: string | null;
  /** When this machine joined: a machine that has never synced since is overdue from then. */
  joinedAt: string | null;
}

const keys = { url: 'hub_url', user: 'hub_user', pinnedFingerprint: 'hub_fingerprint', caPem: 'hub_ca_pem', joinedAt: 'hub_joined_at' } as const;

const read = (db: Db, key: string) => (statement(db, 'SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;

/** The hub this machine shares through, or null when it works alone. */
export function readHubSettings(db: Db): HubSettings | null {
  const url = read(db, keys.url);
  const user = read(db, keys.user);
  if (url === null || user === null) return null;
  return { url, user, pinnedFingerprint: read(db, keys.pinnedFingerprint), caPem: read(db, keys.caPem), joinedAt: read(db, keys.joinedAt) };
}

export function saveHubSettings(db: Db, settings: HubSettings): void {
  const upsert = statement(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const remove = statement(db, 'DELETE FROM app_meta WHERE key = ?');
  db.transaction(() => {
    for (const [field, key] of Object.entries(keys) as [keyof HubSettings, string][]) {
      const value = settings[field];
      if (value === null) remove.run(key);
      else upsert.run(key, value);
    }
  })();
}

export function clearHubSettings(db: Db): void {
  const remove = statement(db, 'DELETE FROM app_meta WHERE key = ?');
  db.transaction(() => {
    for (const key of Object.values(keys)) remove.run(key);
  })();
}
