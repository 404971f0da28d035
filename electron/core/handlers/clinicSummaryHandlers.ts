import type { ChannelResult } from '../../../shared/contract/channels.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';
import type { Db } from '../db/connection.ts';
import { createClinic, getClinic } from '../db/repos/clinicRecords.ts';
import { clinicSummary } from '../db/repos/clinicSummary.ts';
import { createInquiry } from '../db/repos/inquiries.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { AppError } from '../errors.ts';
import type { HandlerMap } from './handlerMap.ts';

type ClinicSummaryChannels = 'clinics.summary' | 'inquiries.createWithClinic';

interface ClinicSummaryDeps {
  db: Db;
  now: () => Date;
  writeContext: () => WriteContext;
  /** The inquiry with its history, as every inquiry channel answers. */
  inquiryDetail: (id: string) => ChannelResult<'inquiries.get'>;
}

/** The top of an opened clinic, and an inquiry from a caller not yet on file registered with its clinic. */
export function clinicSummaryHandlers({ db, now, writeContext, inquiryDetail }: ClinicSummaryDeps): Pick<HandlerMap, ClinicSummaryChannels> {
  return {
    'clinics.summary': ({ clinicId }) => {
      if (!getClinic(db, clinicId)) throw new AppError('NOT_FOUND');
      return clinicSummary(db, clinicId, tokyoToday(now()));
    },
    'inquiries.createWithClinic': ({ clinic, inquiry }) => {
      const ctx = writeContext();
      // One transaction: an inquiry the core refuses (a 次回対応日 before 受付日, a 担当者 gone) leaves no clinic behind.
      const created = db.transaction(() => {
        const saved = createClinic(db, clinic, ctx);
        return { clinic: saved, inquiryId: createInquiry(db, saved.id, inquiry, ctx).id };
      })();
      return { clinic: created.clinic, detail: inquiryDetail(created.inquiryId) };
    },
  };
}
