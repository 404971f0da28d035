import type { InquiryDetail } from '../../../../shared/contract/channels.ts';
import { inquiryChannelLabels, inquiryChannels, inquiryFieldLabels } from '../../../../shared/domain/inquiry.ts';
import { retentionMessages } from '../../../../shared/messages/retentionMessages.ts';
import type { Staff } from '../../../../shared/domain/staff.ts';
import { FormField } from '../../components/FormField.tsx';
import { NextActionField } from './inquiryParts.tsx';
import { InsurerConsentField } from './InsurerConsentField.tsx';
import { StaffOptions, solicitorHint } from './StaffChoice.tsx';
import type { InquiryDraft, InquiryFieldErrors, InquiryFieldName } from './inquiryDraft.ts';

interface InquiryFormFieldsProps {
  draft: InquiryDraft;
  /** 担当者 as shown: the one chosen, or this machine's staff member. */
  staffId: string;
  /** 担当者 the record started with, kept in the list even if made inactive since. */
  initialStaffId: string;
  staffOptions: readonly Staff[];
  inquiry: InquiryDetail['inquiry'] | undefined;
  today: string;
  errors: InquiryFieldErrors;
  /** 受付日 takes the focus when the dialog opens (not when a new clinic's name comes first). */
  focusFirst: boolean;
  change(field: InquiryFieldName, value: string): void;
}

/** The inquiry's own fields in reading order, each with its label and its error below it. */
export function InquiryFormFields({ draft, staffId, initialStaffId, staffOptions, inquiry, today, errors, focusFirst, change }: InquiryFormFieldsProps) {
  const status = inquiry?.status ?? 'new';
  return (
    <>
      <div className="form-grid">
        <FormField id="inquiry-received-on" label={inquiryFieldLabels.receivedOn} required error={errors.receivedOn}>
          {(control) => (
            <input {...control} autoFocus={focusFirst} type="date" value={draft.receivedOn} onChange={(e) => change('receivedOn', e.target.value)} />
          )}
        </FormField>
        <FormField id="inquiry-staff-id" label={inquiryFieldLabels.staffId} hint={solicitorHint(status) ?? undefined} error={errors.staffId}>
          {(control) => (
            <select {...control} value={staffId} onChange={(e) => change('staffId', e.target.value)}>
              <option value="">（選ばない）</option>
              <StaffOptions staff={staffOptions} status={status} today={today} chosenId={initialStaffId} />
            </select>
          )}
        </FormField>
      </div>
      <fieldset
        className={errors.channel ? 'field radio-field field-invalid' : 'field radio-field'}
        aria-describedby={errors.channel ? 'inquiry-channel-error' : undefined}
      >
        <legend>{inquiryFieldLabels.channel}</legend>
        <div className="radio-row">
          {inquiryChannels.map((c) => (
            <label key={c} className="radio-option">
              <input id={`inquiry-channel-${c}`} type="radio" name="inquiry-channel" value={c} checked={draft.channel === c} onChange={() => change('channel', c)} />
              {inquiryChannelLabels[c]}
            </label>
          ))}
        </div>
        {errors.channel && (
          <p id="inquiry-channel-error" className="field-error">
            {errors.channel}
          </p>
        )}
      </fieldset>
      <FormField
        id="inquiry-content"
        label={inquiryFieldLabels.content}
        notice={retentionMessages.noPatientData}
        hint="Enterで改行、Ctrl+Enterで保存します"
        error={errors.content}
      >
        {(control) => <textarea {...control} rows={5} maxLength={4000} value={draft.content} onChange={(e) => change('content', e.target.value)} />}
      </FormField>
      <InsurerConsentField value={draft.insurerConsent} error={errors.insurerConsent} onChange={(value) => change('insurerConsent', value)} />
      <NextActionField
        id="inquiry-next-action-on"
        label={inquiryFieldLabels.nextActionOn}
        value={draft.nextActionOn}
        today={today}
        error={errors.nextActionOn}
        onChange={(value) => change('nextActionOn', value)}
      />
    </>
  );
}
