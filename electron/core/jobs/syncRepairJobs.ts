import { syncCheckKinds, type SyncCheckKind } from '../../../shared/domain/syncCheck.ts';
import { syncRepairMessages } from '../../../shared/messages/syncRepairMessages.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log/logger.ts';
import { checkSharedRecords, describeDifference, listedDifferences, type CheckProgress } from '../sync/checkAndRepair.ts';
import { repairFromHub } from '../sync/checkAndRepairFix.ts';
import { readHubSettings } from '../sync/hubSettings.ts';
import { sharedRecordCount } from '../sync/applyRemote.ts';
import type { SyncEngine } from '../sync/syncPorts.ts';
import type { JobContext, JobImplementations } from './jobRunner.ts';

export interface SyncRepairJobDeps {
  db: Db;
  engine: SyncEngine;
  backupsDir: string;
  now: () => Date;
  log: Logger;
}

/** 設定 → 同期の点検と修復 as jobs: each reads the hub a page at a time, with progress and 中止. */
export function syncRepairJobs(deps: SyncRepairJobDeps): Pick<JobImplementations, 'sync.check' | 'sync.repair'> {
  const { db, engine } = deps;
  const stores = () => {
    const databases = engine.databases();
    if (!databases) throw new AppError('INVALID_INPUT', readHubSettings(db) ? syncRepairMessages.hubNeeded : syncRepairMessages.notSharing);
    return databases;
  };
  /** A hub that does not answer is told as such, not as a crash; 中止 stays 中止. */
  const reachingHub = async <T>(ctx: JobContext, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError || ctx.signal.aborted) throw error;
      deps.log.warn('sync: check and repair could not reach the hub', { status: (error as { status?: number }).status });
      throw new AppError('INVALID_INPUT', syncRepairMessages.hubNeeded);
    }
  };
  /** Progress against this machine's record count: the hub's may differ a little, the bar stops at its end. */
  const progressOf = (ctx: JobContext): CheckProgress => {
    const total = sharedRecordCount(db);
    const cancelled = new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
    return {
      signal: ctx.signal,
      progress: async (done) => {
        ctx.progress(Math.min(done, total), total, syncRepairMessages.progress(done, total));
        // A test's pause point may hold the job here; 中止 lets it go on to stop.
        await Promise.race([ctx.goOn?.() ?? Promise.resolve(), cancelled]);
      },
    };
  };

  return {
    'sync.check': async (_input, ctx) => {
      const databases = stores();
      const outcome = await reachingHub(ctx, () => checkSharedRecords(db, databases, progressOf(ctx)));
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
    'sync.repair': async (_input, ctx) => {
      const databases = stores();
      const outcome = await reachingHub(ctx, () => repairFromHub(db, databases, { backupsDir: deps.backupsDir, now: deps.now }, progressOf(ctx)));
      deps.log.info('sync: records repaired from the hub', { repaired: outcome.repaired, queued: outcome.queued, left: outcome.left });
      const unsent = outcome.unsentLeftAlone > 0 ? syncRepairMessages.unsentLeftAlone(outcome.unsentLeftAlone) : '';
      return { ...outcome, message: outcome.message + unsent };
    },
  };
}
