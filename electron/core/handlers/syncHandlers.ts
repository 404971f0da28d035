import fs from 'node:fs';
import type { HubAccess, HubFailure } from '../../../shared/domain/sync.ts';
import { hubMessages } from '../../../shared/messages/hubMessages.ts';
import { createBackup } from '../backup/backups.ts';
import { readSettings, updateSettings } from '../db/repos/settings.ts';
import { getStaff } from '../db/repos/staff.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/fileStore.ts';
import type { Logger } from '../log/logger.ts';
import { checkHub, connectHub } from '../sync/hubConnection.ts';
import { clearHubSettings, readHubSettings, saveHubSettings } from '../sync/hubSettings.ts';
import { isCertificatePem, type HubTrust } from '../sync/hubTls.ts';
import { claimReceiptPrefix } from '../sync/receiptPrefixClaim.ts';
import { configuredHub, currentSharingStatus, hubPasswordKey } from '../sync/sharingStatus.ts';
import { sharedRecordCount } from '../sync/applyRemote.ts';
import { dismissNotice, listNotices, putBackNotice } from '../sync/syncNotices.ts';
import { hubJoinClinics, joinPreviewOf, localJoinClinics } from '../sync/joinPreview.ts';
import { mergeJoinedPairs, releaseSharedMemberNumbers } from '../sync/joinCombine.ts';
import { queueAllSharedRecords } from '../sync/outbox.ts';
import type { JoinCombineResult, JoinPair } from '../../../shared/domain/joinPreview.ts';
import { statement, type Db } from '../db/connection.ts';
import type { HubConnection, SecretStore, SyncEngine } from '../sync/syncPorts.ts';
import type { ChannelArgs, ChannelResult } from '../../../shared/contract/channels.ts';
import type { HandlerMap } from './handlerMap.ts';

export interface SyncHandlerDeps {
  db: Db;
  engine: SyncEngine;
  secrets: SecretStore;
  files: FileStore;
  machineId: string;
  writeContext: () => WriteContext;
  now: () => Date;
  backupsDir: string;
  log: Logger;
}

/** Which field of 複数の端末で使う a failed check points at, so the message shows next to it. */
const fieldOfFailure: Record<HubFailure, keyof HubAccess> = {
  unreachable: 'url',
  certificate: 'pinnedFingerprint',
  unauthorized: 'password',
  forbidden: 'user',
  notCouchDb: 'url',
  noDatabase: 'url',
};

/**
 * The handlers of 設定 → 複数の端末で使う and 同期 (joining, leaving, the status and conflict
 * notices), and 設定's save, which claims a new 受付番号 prefix on the hub while sharing.
 */
export function syncHandlers(deps: SyncHandlerDeps) {
  const { db, engine, secrets } = deps;
  const status = () => currentSharingStatus(db, engine.status());
  const machines = () => ({ self: deps.machineId, prefixes: engine.machinePrefixes() });

  /** The CA certificate the user chose for this check or join, read as PEM. */
  const caPemOf = (access: HubAccess): string | undefined => {
    if (!access.caCertificateFileId) return undefined;
    const pem = fs.readFileSync(deps.files.require(access.caCertificateFileId).path, 'utf8');
    if (!isCertificatePem(pem)) throw new AppError('INVALID_INPUT', hubMessages.caFileInvalid, { caCertificateFileId: hubMessages.caFileInvalid });
    return pem;
  };
  const trustOf = (access: HubAccess): HubTrust => ({ caPem: caPemOf(access), pinnedFingerprint: access.pinnedFingerprint });

  /** A sharing machine changing its 受付番号 prefix claims the new one on the hub first. */
  const claimPrefixChange = async (prefix: string) => {
    if (!readHubSettings(db) || readSettings(db).receiptPrefix === prefix) return;
    const refuse = (message: string) => new AppError('INVALID_INPUT', message, { receiptPrefix: message });
    const hub = await configuredHub(db, secrets);
    if (!hub) throw refuse(hubMessages.passwordMissing);
    let claim: Awaited<ReturnType<typeof claimReceiptPrefix>>;
    try {
      claim = await claimReceiptPrefix(hub, prefix, deps.machineId, deps.now());
    } catch {
      throw refuse(hubMessages.prefixNeedsHub);
    }
    if (!claim.claimed) throw refuse(hubMessages.prefixTaken(prefix));
  };

  /** Every pair names a clinic of this machine (not merged already) and one the hub holds: the preview's, not a stale one. */
  const assertPairsKnown = async (pairs: readonly JoinPair[], hub: HubConnection) => {
    const local = new Set(statement(db, 'SELECT id FROM clinics WHERE merged_into IS NULL').pluck().all() as string[]);
    const onHub = new Set((await hubJoinClinics(hub)).map((clinic) => clinic.id));
    if (pairs.some((pair) => !local.has(pair.localId) || !onHub.has(pair.hubId))) {
      throw new AppError('INVALID_INPUT', hubMessages.combineUnknownPair);
    }
  };

  /**
   * Joins keeping both sides' records: a verified backup, the hub pulled, this machine's records
   * queued to send, the hub's applied, the confirmed pairs merged. A pull that breaks off leaves
   * this machine as it was, not sharing.
   */
  const combineWithHub = async (hub: HubConnection, pairs: readonly JoinPair[], remember: () => Promise<void>): Promise<JoinCombineResult> => {
    const backup = await createBackup(db, deps.backupsDir, 'before-join', deps.now());
    try {
      let numbersLeftWithHub: JoinCombineResult['numbersLeftWithHub'] = [];
      const result = await engine.combineWithHub(hub, {
        async beforeApply(hubClinics) {
          await remember();
          numbersLeftWithHub = releaseSharedMemberNumbers(db, pairs, hubClinics, deps.writeContext());
          queueAllSharedRecords(db);
        },
        afterApply: () => mergeJoinedPairs(db, pairs, deps.writeContext()),
      });
      return { ...result, numbersLeftWithHub, backupFile: backup.fileName };
    } catch (error) {
      if (readHubSettings(db)) throw error;
      deps.log.warn('sync: the pull of the hub broke off while joining, nothing was changed', { error: error instanceof Error ? error.name : String(error) });
      throw new AppError('INVALID_INPUT', hubMessages.combinePullBrokeOff);
    }
  };

  let joining = false;
  const join = async ({ receiptPrefix, replaceLocal, combine, ...access }: ChannelArgs<'sync.join'>): Promise<ChannelResult<'sync.join'>> => {
    if (readHubSettings(db)) throw new AppError('INVALID_INPUT', hubMessages.alreadySharing);
    if (!(await secrets.available())) throw new AppError('INVALID_INPUT', hubMessages.secretsUnavailable);
    const trust = trustOf(access);
    const check = await checkHub(access, trust, deps.machineId);
    if (!check.ok) throw new AppError('INVALID_INPUT', check.message, { [fieldOfFailure[check.failure]]: check.message });
    const hasLocal = sharedRecordCount(db) > 0;
    const bothHave = hasLocal && check.hubHasRecords;
    if (bothHave && !replaceLocal && !combine) throw new AppError('INVALID_INPUT', hubMessages.bothHaveRecords, { replaceLocal: hubMessages.bothHaveRecords });
    const hub = connectHub(access, trust);
    if (bothHave && combine) await assertPairsKnown(combine.pairs, hub);
    const claim = await claimReceiptPrefix(hub, receiptPrefix, deps.machineId, deps.now());
    if (!claim.claimed) throw new AppError('INVALID_INPUT', hubMessages.prefixTaken(receiptPrefix), { receiptPrefix: hubMessages.prefixTaken(receiptPrefix) });
    const remember = async () => {
      await secrets.save(hubPasswordKey, access.password);
      db.transaction(() => {
        saveHubSettings(db, { url: hub.dbUrl, user: access.user, pinnedFingerprint: access.pinnedFingerprint ?? null, caPem: trust.caPem ?? null, joinedAt: deps.now().toISOString() });
        updateSettings(db, { receiptPrefix });
      })();
    };
    if (bothHave && combine) {
      const combined = await combineWithHub(hub, combine.pairs, remember);
      deps.log.info('joined sharing', { records: 'combined', pairs: combine.pairs.length, merged: combined.merged, notMerged: combined.notMerged.length });
      return { ...status(), combined };
    }
    await remember();
    if (bothHave) {
      // Never give records up without a verified copy of them as they were.
      await createBackup(db, deps.backupsDir, 'before-restore', deps.now());
      await engine.takeHubRecords(hub);
    } else if (hasLocal) {
      engine.shareLocalRecords();
    }
    engine.start(hub);
    deps.log.info('joined sharing', { records: hasLocal ? 'local' : 'none', hubHasRecords: check.hubHasRecords });
    return status();
  };

  return {
    'settings.update': async (patch) => {
      if (patch.currentStaffId && !getStaff(db, patch.currentStaffId)) throw new AppError('NOT_FOUND');
      if (patch.receiptPrefix !== undefined) await claimPrefixChange(patch.receiptPrefix);
      return updateSettings(db, patch);
    },
    'sync.status': () => status(),
    'sync.checkHub': (access) => checkHub(access, trustOf(access), deps.machineId),
    'sync.joinPreview': async (access) => {
      const trust = trustOf(access);
      const check = await checkHub(access, trust, deps.machineId);
      if (!check.ok) throw new AppError('INVALID_INPUT', check.message, { [fieldOfFailure[check.failure]]: check.message });
      return joinPreviewOf(localJoinClinics(db), await hubJoinClinics(connectHub(access, trust)));
    },
    'sync.join': async (input) => {
      // One join at a time: a second (a double click, two windows) would take a second backup and pull again.
      if (joining) throw new AppError('INVALID_INPUT', hubMessages.joinInProgress);
      joining = true;
      try {
        return await join(input);
      } finally {
        joining = false;
      }
    },
    'sync.leave': async () => {
      if (readHubSettings(db)) {
        await engine.leave();
        await secrets.remove(hubPasswordKey);
        clearHubSettings(db);
        deps.log.info('left sharing');
      }
      return status();
    },
    'sync.now': async () => {
      if (!readHubSettings(db)) throw new AppError('INVALID_INPUT', hubMessages.notSharing);
      // A machine whose engine did not start (no password at open) gets one more try here.
      if (engine.status().state === 'stopped') {
        const hub = await configuredHub(db, secrets);
        if (hub) engine.start(hub);
      }
      await engine.syncNow();
      return status();
    },
    'sync.notices': (query) => ({ items: listNotices(db, query, machines()) }),
    'sync.putBack': ({ noticeId }) => putBackNotice(db, noticeId, deps.writeContext(), machines()),
    'sync.dismissNotice': ({ noticeId }) => dismissNotice(db, noticeId, deps.writeContext(), machines()),
  } satisfies Partial<HandlerMap>;
}
