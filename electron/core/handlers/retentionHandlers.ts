import { retentionMessages } from '../../../shared/messages/retentionMessages.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';
import { createBackup } from '../backup/backups.ts';
import type { Db } from '../db/connection.ts';
import { readRetentionSetting, updateRetentionYears } from '../db/repos/agencySettings.ts';
import { purgeArchived, purgePreview, purgeExpired } from '../db/repos/purge.ts';
import { expiredRecords } from '../db/repos/retention.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { AppError } from '../errors.ts';
import { removeUnreferencedKeptFiles } from '../jobs/documentTrail.ts';
import type { HandlerMap } from './handlerMap.ts';

type RetentionChannels = 'records.purgePreview' | 'records.purgeArchived' | 'retention.get' | 'retention.update' | 'retention.expired' | 'retention.purgeExpired';

export interface RetentionHandlerDeps {
  db: Db;
  backupsDir: string;
  /** Where the PDFs kept for the trail are: those of the outputs that went, go with them. */
  documentsDir: string;
  now: () => Date;
  /** True while a job runs: nothing is purged under an import. */
  busy: () => boolean;
  writeContext: () => WriteContext;
}

/** 完全削除 and the retention period it obeys (issue 22 §6): "today" is the Japanese date at the counter. */
export function retentionHandlers(deps: RetentionHandlerDeps): Pick<HandlerMap, RetentionChannels> {
  const { db } = deps;
  const today = () => tokyoToday(deps.now());
  const backupFirst = () => {
    if (deps.busy()) throw new AppError('BUSY');
    return createBackup(db, deps.backupsDir, 'before-purge', deps.now());
  };
  return {
    'records.purgePreview': () => purgePreview(db, today()),
    'records.purgeArchived': async () => {
      const backup = await backupFirst();
      const counts = purgeArchived(db, today());
      removeUnreferencedKeptFiles(db, deps.documentsDir);
      return { ...counts, backup };
    },
    'retention.get': () => readRetentionSetting(db),
    'retention.update': ({ years }) => updateRetentionYears(db, years, deps.writeContext()),
    'retention.expired': () => ({ items: expiredRecords(db, today()) }),
    'retention.purgeExpired': async ({ inquiryIds }) => {
      // Checked before the backup too, so a stale list costs no backup.
      const expired = new Set(expiredRecords(db, today()).map((record) => record.inquiryId));
      if (inquiryIds.some((id) => !expired.has(id))) throw new AppError('CONFLICT', retentionMessages.expiredChanged);
      const backup = await backupFirst();
      const counts = purgeExpired(db, today(), inquiryIds);
      removeUnreferencedKeptFiles(db, deps.documentsDir);
      return { ...counts, backup };
    },
  };
}
