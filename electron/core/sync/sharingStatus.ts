import type { SyncState, SyncStatus } from '../../../shared/domain/sync.ts';
import { hubMessages } from '../../../shared/messages/hubMessages.ts';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../log/logger.ts';
import { connectHub } from './hubConnection.ts';
import { readHubSettings, type HubSettings } from './hubSettings.ts';
import type { EngineStatus, SecretStore, SyncEngine } from './syncPorts.ts';
import type { HubConnection } from './syncPorts.ts';
import { countOpenNotices } from './syncNotices.ts';

/** The secret store's key of the hub password. */
export const hubPasswordKey = 'hub-password';

const stateOfEngine: Record<EngineStatus['state'], SyncState> = {
  stopped: 'off',
  idle: 'synced',
  sending: 'sending',
  unreachable: 'unreachable',
  clockSkew: 'clockSkew',
  updateApp: 'updateApp',
};

/**
 * What the window shows of sharing: the engine's state with the hub's address and user. A
 * machine set up to share whose engine is not running (its password could not be read) is not
 * "off": it is told it cannot reach the hub, and why.
 */
export function sharingStatus(settings: HubSettings | null, engine: EngineStatus, openNotices: number): SyncStatus {
  if (!settings) return { state: 'off', hubUrl: null, user: null, lastSyncedAt: null, joinedAt: null, unsent: 0, clockOffsetMs: null, openNotices, message: null };
  const stopped = engine.state === 'stopped';
  return {
    state: stopped ? 'unreachable' : stateOfEngine[engine.state],
    hubUrl: settings.url,
    user: settings.user,
    lastSyncedAt: engine.lastSyncedAt,
    joinedAt: settings.joinedAt,
    unsent: engine.unsent,
    clockOffsetMs: engine.clockOffsetMs,
    openNotices,
    message: stopped ? hubMessages.passwordMissing : engine.message,
  };
}

/** The status as the window gets it, from the engine's own and this machine's settings. */
export function currentSharingStatus(db: Db, engine: EngineStatus): SyncStatus {
  return sharingStatus(readHubSettings(db), engine, countOpenNotices(db));
}

/** The connection of the hub this machine is set up for, with its password from the secret store. */
export async function configuredHub(db: Db, secrets: SecretStore): Promise<HubConnection | null> {
  const settings = readHubSettings(db);
  if (!settings) return null;
  const password = await secrets.load(hubPasswordKey);
  if (password === null) return null;
  return connectHub({ url: settings.url, user: settings.user, password }, { caPem: settings.caPem ?? undefined, pinnedFingerprint: settings.pinnedFingerprint ?? undefined });
}

/** At core open: a machine set up to share starts replicating; one that is not stays as it was. */
export async function resumeSharing(db: Db, secrets: SecretStore, engine: SyncEngine, log: Logger): Promise<void> {
  if (!readHubSettings(db)) return;
  try {
    const hub = await configuredHub(db, secrets);
    if (!hub) {
      log.warn('sharing set up but the hub password could not be read');
      return;
    }
    engine.start(hub);
    log.info('sharing resumed');
  } catch (error) {
    // The message of a failed decryption names no secret; the password itself never reaches the log.
    log.error('sharing could not resume', { error: error instanceof Error ? error.name : 'unknown' });
  }
}
