import type { MailingInput, MailingOutcome } from '../../../shared/contract/documentJobKinds.ts';
import type { SentBy } from '../../../shared/documents/documentOutput.ts';
import type { Clinic } from '../../../shared/domain/clinic.ts';
import { mailingMessages } from '../../../shared/messages/mailingMessages.ts';
import type { OutputSubject } from '../db/repos/documentOutputs.ts';
import { AppError } from '../errors.ts';

/**
 * Who a mailing is made for: the chosen clinics less the 送付不要 ones, and for a FAX mailing less
 * those without a FAX number unless staff chose to post to them (then they come last). Checked
 * here, not only on the screen, so that no way of starting the job sends to a clinic that asked
 * for nothing: the document jobs treat any output for more than one clinic as a mailing.
 */
export function narrowMailing(clinics: readonly Clinic[], mailing: MailingInput): { clinics: Clinic[]; postedIds: string[]; outcome: MailingOutcome } {
  let kept = clinics.filter((clinic) => !clinic.noMailing);
  const leftOutNoMailing = clinics.length - kept.length;
  if (kept.length === 0 && clinics.length > 0) throw new AppError('INVALID_INPUT', mailingMessages.allNoMailing(clinics.length));
  const withoutFax = mailing.sentBy === 'fax' ? kept.filter((clinic) => clinic.fax === '') : [];
  if (withoutFax.length > 0 && !mailing.withoutFax) {
    throw new AppError('INVALID_INPUT', mailingMessages.withoutFaxUndecided(withoutFax.length));
  }
  const leaveOut = mailing.withoutFax === 'leaveOut' ? withoutFax : [];
  if (leaveOut.length > 0) {
    kept = kept.filter((clinic) => clinic.fax !== '');
    if (kept.length === 0) throw new AppError('INVALID_INPUT', mailingMessages.noneWithFax);
  }
  const posted = mailing.withoutFax === 'post' ? withoutFax : [];
  // Posted ones go last, so their pages come off the end of the printed pile in one go.
  if (posted.length > 0) kept = [...kept.filter((clinic) => clinic.fax !== ''), ...posted];
  const outcome = { leftOutNoMailing, leftOutWithoutFax: leaveOut.length, posted: posted.length, postedNames: posted.map((clinic) => clinic.name) };
  return { clinics: kept, postedIds: posted.map((clinic) => clinic.id), outcome };
}

/**
 * A mailing recorded as sent by FAX must have reached every clinic in it by FAX: one made for 郵送
 * or 未定 and recorded as FAX afterwards would claim clinics without a number were faxed.
 */
export function refuseFaxWithoutNumbers(subject: OutputSubject, sentBy: SentBy | null): void {
  if (!subject.mailing || sentBy !== 'fax') return;
  const posted = new Set(subject.postedIds ?? []);
  const unreachable = subject.clinicIds.filter((id) => !subject.faxNumbers?.[id] && !posted.has(id));
  if (unreachable.length > 0) throw new AppError('INVALID_INPUT', mailingMessages.faxChosenAfterMaking(unreachable.length));
}
