import type { InsurerConsent } from '../../../../shared/domain/inquiry.ts';
import { retentionMessages as m } from '../../../../shared/messages/retentionMessages.ts';

/**
 * The clinic's consent to the insurer's handling of its information, in the inquiry's detail,
 * with what the agency asks staff to do next when it is missing (the agency's guidance, not an insurer rule).
 */
export function InsurerConsentSection({ consent }: { consent: InsurerConsent }) {
  const guidance = consent === 'no' ? m.consentNoGuidance : consent === 'unknown' ? m.consentUnknownGuidance : null;
  return (
    <section className="detail-section" aria-labelledby="inquiry-consent-heading">
      <h3 id="inquiry-consent-heading" className="section-title">
        {m.consentLegend}
      </h3>
      <p>
        <strong>{m.consentLabels[consent]}</strong>
      </p>
      {guidance && <p className={consent === 'no' ? 'message message-error' : 'message message-info'}>{guidance}</p>}
    </section>
  );
}
