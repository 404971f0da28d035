import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { ContractEvent } from '../../shared/contract/events.ts';
import { areasWrittenByJob } from '../../shared/contract/channelWrites.ts';
import type { DataArea } from '../../shared/contract/dataAreas.ts';
import type { JobState } from '../../shared/contract/jobs.ts';
import type { Db } from './db/connection.ts';
import { migrations } from './db/migrations/index.ts';
import { startBackupSchedule } from './backup/backupSchedule.ts';
import { backupService } from './backup/backupService.ts';
import { AppError } from './errors.ts';
import type { AppInfo } from '../../shared/contract/channels.ts';
import { newestGoodBackup, restoreAfterDamage } from './backup/damagedDatabase.ts';
import type { OutputSubject } from './db/repos/documentOutputs.ts';
import { FileStore } from './files/fileStore.ts';
import { keepDataDirPrivate } from './files/privateDataDir.ts';
import { dataDirReadOnlyError, isReadOnlyError } from './files/readOnlyDataDir.ts';
import { createHandlers } from './handlers/createHandlers.ts';
import { createDispatcher } from './dispatch.ts';
import { startSearchIndexMaintenance } from './db/searchIndexMaintenance.ts';
import { clinicsCsvJobs } from './jobs/clinicsCsvJobs.ts';
import { labelJobs } from './jobs/labelJobs.ts';
import { documentJobs, pdfFontsDir } from './jobs/documentJobs.ts';
import { ResidentWorker } from './workers/runWorker.ts';
import type { PdfJob, PdfRenderResult, PdfWorkerStart } from './workers/pdfRender.worker.ts';
import type { JobPausePoint } from './jobs/jobPausePoint.ts';
import { JobRunner } from './jobs/jobRunner.ts';
import { acquireDataDirLock } from './lock.ts';
import { createFileLogger, type Logger } from './log/logger.ts';
import { databaseFileName, resourcesDir } from './paths.ts';
import { ContentManager } from './content/contentManager.ts';
import { readMachineId, readSettings } from './db/repos/settings.ts';
import type { SecretStore, SyncEngine } from './sync/syncPorts.ts';
import type { Core, RunMode } from './types.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { fileSecretStore } from './sync/fileSecretStore.ts';
import { createSyncEngine } from './sync/syncEngine.ts';
import { syncRepairJobs } from './jobs/syncRepairJobs.ts';
import { currentSharingStatus, resumeSharing } from './sync/sharingStatus.ts';
import { databaseFiles, openCoreDatabase, openFailure } from './openCoreDatabase.ts';

export interface CoreOptions {
  dataDir: string;
  mode: RunMode;
  log?: Logger;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Folder of the bundled content packs (and rates/); defaults to resources/content. */
  bundledContentDir?: string;
  /** Timing of the background quick_check and daily backup; tests shorten it. */
  backupSchedule?: { firstRunDelayMs?: number; intervalMs?: number };
  /** Start the PDF thread this long after opening, so a first print finds it ready; off when not given. */
  warmPdfWorkerAfterMs?: number;
  /** Clinics per step of a start-up search index rebuild; tests make it small to watch the steps. */
  searchIndexChunk?: number;
  /** Test-only: holds jobs part-way (see JobPausePoint) so cancel tests never race a job's end. */
  pauseJobs?: JobPausePoint;
  /** Where the hub password is kept: the desktop app passes safeStorage; the preview and tests a 0600 file in the data folder. */
  secrets?: SecretStore;
}

/** The core with its replication engine, for the sharing tests (the transports need only Core). */
export interface SharingCore extends Core {
  readonly sync: SyncEngine;
}

/**
 * Opens the data folder for this process: lock, database, migrations, handlers, jobs. Throws an
 * AppError with DB_LOCKED, DB_TOO_NEW, DB_DAMAGED, DB_MISSING or DATA_DIR_READ_ONLY (and a
 * Japanese message) when it must not be opened.
 */
export async function openCore(options: CoreOptions): Promise<SharingCore> {
  try {
    return await openDataDir(options);
  } catch (error) {
    // Whichever step found it (the folder, the lock, the log, the database), the clerk is told
    // the one thing that helps: this folder must be writable.
    const dbPath = path.join(options.dataDir, databaseFileName);
    if (!(error instanceof AppError) && isReadOnlyError(error, options.dataDir, databaseFiles(dbPath))) {
      options.log?.error('data folder not writable', { error: String(error) });
      throw dataDirReadOnlyError(options.dataDir);
    }
    throw error;
  }
}

async function openDataDir(options: CoreOptions): Promise<SharingCore> {
  const { dataDir, mode } = options;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const log = options.log ?? createFileLogger(path.join(dataDir, 'logs'));
  // Content first: a broken bundle is reported before anything else is touched.
  const content = new ContentManager(options.bundledContentDir ?? path.join(resourcesDir(), 'content'), path.join(dataDir, 'content'), { log, now: options.now });
  for (const problem of content.current.problems) log.warn('content file skipped', { file: problem.file, reasons: problem.messages.length });
  const lock = acquireDataDirLock(dataDir);
  const backupsDir = path.join(dataDir, 'backups');
  const dbPath = path.join(dataDir, databaseFileName);
  let db: Db | undefined;
  try {
    const opened = await openCoreDatabase({ dataDir, dbPath, backupsDir, log });
    db = opened.db;
    const { to } = opened;
    const openedDb = db;
    const machineId = readMachineId(openedDb);
    const now = options.now ?? (() => new Date());
    // The staff member chosen on this machine is recorded on every change.
    const writeContext = () => ({ machineId, staffId: readSettings(openedDb).currentStaffId, now });
    const files = new FileStore(path.join(dataDir, 'tmp', 'files'), { now });
    const outputs = new Map<string, OutputSubject>();
    let databaseCheck: AppInfo['databaseCheck'] = 'pending';
    const events = new EventEmitter();
    const emit = (event: ContractEvent) => events.emit('event', event);
    // Every committed write is announced once, whoever wrote it, so open screens refetch.
    const announceOnly = (areas: readonly DataArea[]) => emit({ type: 'changed', areas: [...new Set(areas)] });
    // The replication engine: idle until a hub is set (the sync handlers start it).
    const syncEngine = createSyncEngine({ db: openedDb, dataDir, backupsDir, machineId, now, log, appSchema: migrations.length, announce: announceOnly, content });
    // The window's status adds where the hub is and how many notices are open.
    syncEngine.onStatus((status) => emit({ type: 'sync', status: currentSharingStatus(openedDb, status) }));
    // A local write (a handler's or the import worker's) is sent on in the next sync round.
    const announce = (areas: readonly DataArea[]) => {
      announceOnly(areas);
      syncEngine.localWrite();
    };
    const onJobUpdate = (job: JobState) => {
      emit({ type: 'job', job });
      const written = areasWrittenByJob(job.kind);
      if (job.state === 'succeeded' && written.length > 0) announce(written);
    };
    const pdfWorker = new ResidentWorker<PdfJob, PdfRenderResult>('pdfRender', { fontsDir: pdfFontsDir(), logDir: path.join(dataDir, 'logs') } satisfies PdfWorkerStart);
    const jobs = new JobRunner(
      {
        ...clinicsCsvJobs({ db: openedDb, dbPath, files, writeContext, backupsDir, now }),
        ...documentJobs({ db: openedDb, files, content, now, outputs, pdfWorker }),
        ...labelJobs({ db: openedDb, files, content, now, outputs, pdfWorker }),
        ...syncRepairJobs({ db: openedDb, engine: syncEngine, backupsDir, now, log }),
      },
      onJobUpdate,
      log,
      options.pauseJobs,
    );
    // Search columns built by another normalisation are rebuilt in steps after opening; writes
    // wait meanwhile, reads are answered.
    const startMaintenance = () =>
      startSearchIndexMaintenance(openedDb, {
        log,
        onState: (state) => emit({ type: 'maintenance', state }),
        onRebuilt: () => announce(['clinics']),
        ...(options.searchIndexChunk === undefined ? {} : { chunk: options.searchIndexChunk }),
      });
    let maintenance = startMaintenance();
    // Start-up maintenance holds writes (BUSY); a clock far from the hub's refuses them (CLOCK_SKEW).
    const writesHeld = () => (maintenance.state() !== null ? true : syncEngine.writesRefusal());
    // A restored backup may have been indexed by an older normalisation: it is checked like a file opened at start.
    const afterRestore = () => {
      maintenance = startMaintenance();
    };
    const secrets = options.secrets ?? fileSecretStore(dataDir);
    const handlers = createHandlers({
      db: openedDb,
      jobs,
      writeContext,
      now,
      content,
      files,
      outputs,
      backups: backupService({ db: openedDb, dbPath, backupsDir, files, now, busy: () => jobs.busy, afterRestore, pauseSharing: () => syncEngine.pauseForRestore() }),
      backupsDir,
      info: () => ({ version: packageJson.version, mode, machineId, dataDir, schemaVersion: to, databaseCheck, maintenance: maintenance.state() }),
      sync: { engine: syncEngine, secrets, log },
      trail: { db: openedDb, files, content, documentsDir: path.join(dataDir, 'documents'), fontsDir: pdfFontsDir(), pdfWorker, machineId },
    });
    // A machine set up to share starts replicating with the password it kept.
    void resumeSharing(openedDb, secrets, syncEngine, log);
    const dispatch = createDispatcher(handlers, log, { announce, writesHeld });
    const backupSchedule = startBackupSchedule({
      db: openedDb,
      backupsDir,
      now,
      log,
      onQuickCheck: (ok) => {
        databaseCheck = ok ? 'ok' : 'problem';
        emit({ type: 'databaseCheck', state: databaseCheck });
      },
      ...options.backupSchedule,
    });
    // The first print of the day should not wait for the fonts to be parsed: the PDF thread
    // starts once the first screen is up (when asked; tests open hundreds of cores).
    const warmAfter = options.warmPdfWorkerAfterMs;
    const pdfWarmUp = warmAfter === undefined ? undefined : setTimeout(() => pdfWorker.warm(), warmAfter);
    pdfWarmUp?.unref();
    keepDataDirPrivate(dataDir);
    log.info('core opened', { mode, schemaVersion: to });
    let closed = false;
    return {
      dataDir,
      dbPath,
      dispatch,
      files,
      sync: syncEngine,
      onEvent(listener) {
        events.on('event', listener);
        return () => events.off('event', listener);
      },
      async close() {
        if (closed) return;
        closed = true;
        await maintenance.stop();
        await syncEngine.close();
        await jobs.cancelAll();
        clearTimeout(pdfWarmUp);
        await pdfWorker.close();
        await backupSchedule.stop();
        openedDb.close();
        files.clear();
        lock.release();
        log.info('core closed');
      },
    };
  } catch (error) {
    db?.close();
    lock.release();
    throw openFailure(error, dataDir, dbPath, log);
  }
}

/** The backup a damaged data folder would be restored from, for the question put to the user. */
export function newestGoodBackupIn(dataDir: string) {
  return newestGoodBackup(path.join(dataDir, 'backups'));
}

/**
 * After DB_DAMAGED and the user's yes: the damaged file goes aside into `damaged/`, the newest
 * good backup takes its place. Holds the folder's lock meanwhile, so no other process opens it.
 */
export function restoreDamagedDataDir(dataDir: string, now: Date = new Date()) {
  const lock = acquireDataDirLock(dataDir);
  try {
    return restoreAfterDamage(path.join(dataDir, databaseFileName), path.join(dataDir, 'backups'), now);
  } finally {
    lock.release();
  }
}
