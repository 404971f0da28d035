import type { MailingInput, MailingOutcome } from '../../../shared/contract/documentJobKinds.ts';
import type { Clinic } from '../../../shared/domain/clinic.ts';
import { mailingMessages } from '../../../shared/messages/mailingMessages.ts';
import { AppError } from '../errors.ts';

/**
 * Who a mailing is made for: the chosen clinics less the 送付不要 ones, and for a FAX mailing less
 * those without a FAX number unless staff chose to post to them. Checked here, not only on the
 * screen, so that no way of starting the job sends to a clinic that asked for nothing.
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
  const postedIds = mailing.withoutFax === 'post' ? withoutFax.map((clinic) => clinic.id) : [];
  return { clinics: kept, postedIds, outcome: { leftOutNoMailing, leftOutWithoutFax: leaveOut.length, posted: postedIds.length } };
}
