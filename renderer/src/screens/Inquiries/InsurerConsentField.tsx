import { insurerConsents, type InsurerConsent } from '../../../../shared/domain/inquiry.ts';
import { retentionMessages as m } from '../../../../shared/messages/retentionMessages.ts';

/**
 * 同意あり／同意なし／未確認: whether the clinic consented to the insurer's handling of its
 * information. Native radios: Tab reaches the group, the arrow keys choose.
 */
export function InsurerConsentField({ value, error, onChange }: { value: InsurerConsent; error?: string | undefined; onChange(value: InsurerConsent): void }) {
  const guidance = value === 'no' ? m.consentNoGuidance : null;
  const describedBy = [error ? 'inquiry-consent-error' : null, guidance ? 'inquiry-consent-guidance' : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'field radio-field field-invalid' : 'field radio-field'} aria-describedby={describedBy}>
      <legend>{m.consentLegend}</legend>
      <div className="radio-row">
        {insurerConsents.map((consent) => (
          <label key={consent} className="radio-option">
            <input id={`inquiry-consent-${consent}`} type="radio" name="inquiry-consent" value={consent} checked={value === consent} onChange={() => onChange(consent)} />
            {m.consentLabels[consent]}
          </label>
        ))}
      </div>
      {guidance && (
        <p id="inquiry-consent-guidance" className="field-notice">
          {guidance}
        </p>
      )}
      {error && (
        <p id="inquiry-consent-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
