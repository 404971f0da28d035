import type { Db } from '../../electron/core/db/connection.ts';
import { recordHandover } from '../../electron/core/db/repos/importantMatters.ts';
import { getInquiry, updateInquiry } from '../../electron/core/db/repos/inquiries.ts';
import { recordIntent } from '../../electron/core/db/repos/inquiryIntents.ts';
import { markStep } from '../../electron/core/db/repos/inquirySteps.ts';
import { createStaff, listStaff } from '../../electron/core/db/repos/staff.ts';
import type { WriteContext } from '../../electron/core/db/repos/writeContext.ts';
import { intentRecordInputSchema } from '../../shared/domain/inquiryIntent.ts';
import { needsNoticeForm } from '../../shared/domain/inquiryGates.ts';
import type { ClinicKind } from '../../shared/domain/clinic.ts';

const solicitorName = '募集 太郎';
const questions = { source: 'agency' as const, version: 0, questions: ['補償を希望される内容', 'ご予算'] };

/**
 * Takes an inquiry through every step the 申込/成約 gate asks for, with the app's own repos, as
 * staff would on `on` (a Japanese date): a solicitor as 担当, the customer's initial and final
 * wishes, the 重要事項説明書 handed over, and for a 病院 or 老健 the 告知書 requested and received.
 */
export function readyForContract(db: Db, inquiryId: string, ctx: WriteContext, on: string): void {
  const at = { ...ctx, now: () => new Date(`${on}T03:00:00Z`) };
  const solicitor =
    listStaff(db, false).find((s) => s.name === solicitorName) ??
    createStaff(db, solicitorName, at, { solicitorId: 'A1234567', notifiedOn: '2000-04-01', qualification: null, qualificationExpiresOn: null });
  const inquiry = getInquiry(db, inquiryId)!;
  // A 担当 already chosen stays (whether they may solicit is what a test may be about).
  if (inquiry.staffId === null) {
    updateInquiry(db, inquiryId, { ...inquiry, staffId: solicitor.id }, at, inquiry.revision);
  }
  const record = (stage: 'initial' | 'final') =>
    recordIntent(
      db,
      intentRecordInputSchema.parse({ inquiryId, stage, questions, answers: ['事故対応の費用', '月1万円まで'], confirmedOn: stage === 'final' ? on : null }),
      questions,
      at,
    );
  record('initial');
  // The final record must be the newer one.
  record('final');
  recordHandover(db, { inquiryId, handedOn: on, docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'hand' }, at);
  const kind = (db.prepare('SELECT c.kind FROM inquiries i JOIN clinics c ON c.id = i.clinic_id WHERE i.id = ?').pluck().get(inquiryId) as ClinicKind);
  if (needsNoticeForm(kind)) {
    markStep(db, { inquiryId, step: 'noticeFormRequested', doneOn: on }, at);
    markStep(db, { inquiryId, step: 'noticeFormReceived', doneOn: on }, at);
  }
}
