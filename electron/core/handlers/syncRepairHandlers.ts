import { syncCheckKinds, type SyncCheckKind } from '../../../shared/domain/syncCheck.ts';
import { syncRepairMessages } from '../../../shared/messages/syncRepairMessages.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import { checkSharedRecords, describeDifference, listedDifferences } from '../sync/checkAndRepair.ts';
import { repairFromHub } from '../sync/checkAndRepairFix.ts';
import { readHubSettings } from '../sync/hubSettings.ts';
import type { SyncEngine } from '../sync/syncPorts.ts';
import { unsentChanges } from '../sync/unsentChanges.ts';
import type { HandlerMap } from './handlerMap.ts';

export interface SyncRepairHandlerDeps {
  db: Db;
  engine: SyncEngine;
  backupsDir: string;
  now: () => Date;
  log: Logger;
}

/** The handlers of 設定 → 同期 → 点検と修復. */
export function syncRepairHandlers(deps: SyncRepairHandlerDeps) {
  const { db, engine } = deps;
  const stores = () => {
    const databases = engine.databases();
    if (!databases) throw new AppError('INVALID_INPUT', readHubSettings(db) ? syncRepairMessages.hubNeeded : syncRepairMessages.notSharing);
    return databases;
  };
  /** A hub that does not answer is told as such, not as a crash. */
  const reachingHub = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) throw error;
      deps.log.warn('sync: check and repair could not reach the hub', { status: (error as { status?: number }).status });
      throw new AppError('INVALID_INPUT', syncRepairMessages.hubNeeded);
    }
  };

  return {
    'sync.check': async () => {
      const databases = stores();
      const outcome = await reachingHub(() => checkSharedRecords(db, databases));
      const counts = Object.fromEntries(syncCheckKinds.map((kind) => [kind, 0])) as Record<SyncCheckKind, number>;
      for (const d of outcome.differences) counts[d.kind]++;
      const message = [
        syncRepairMessages.checked(outcome.checked, outcome.differences.length),
        ...(outcome.unsentLeftAlone > 0 ? [syncRepairMessages.unsentLeftAlone(outcome.unsentLeftAlone)] : []),
      ].join('');
      deps.log.info('sync: records checked', { checked: outcome.checked, differences: outcome.differences.length });
      return {
        checkedAt: deps.now().toISOString(),
        checked: outcome.checked,
        counts,
        items: outcome.differences.slice(0, listedDifferences).map(describeDifference),
        unsentLeftAlone: outcome.unsentLeftAlone,
        message,
      };
    },
    'sync.unsentChanges': () => unsentChanges(db),
    'sync.repair': async () => {
      const databases = stores();
      const outcome = await reachingHub(() => repairFromHub(db, databases, { backupsDir: deps.backupsDir, now: deps.now }));
      deps.log.info('sync: records repaired from the hub', { repaired: outcome.repaired, queued: outcome.queued, left: outcome.left });
      const unsent = outcome.unsentLeftAlone > 0 ? syncRepairMessages.unsentLeftAlone(outcome.unsentLeftAlone) : '';
      return { ...outcome, message: outcome.message + unsent };
    },
  } satisfies Partial<HandlerMap>;
}
