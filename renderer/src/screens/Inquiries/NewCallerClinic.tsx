import { useRef } from 'react';
import type { InquiryDetail } from '../../../../shared/contract/channels.ts';
import { ApiError } from '../../api/ApiError.ts';
import { ClinicFormFields } from '../Clinics/ClinicFormFields.tsx';
import type { ClinicDraft, ClinicDraftField } from '../Clinics/clinicDraft.ts';
import { DuplicateDialog } from '../Clinics/DuplicateDialog.tsx';
import { useClinicForm, type ClinicFormState } from '../Clinics/useClinicForm.ts';
import type { NewCallerInquiry } from './InquiryFormDialog.tsx';
import { createInquiryWithClinic } from './inquiryWrites.ts';

/**
 * What a caller tells on the phone; 会員番号 and メモ wait for the clinic's own record. 送付不要
 * comes with its reason: a caller who says 「送らないで」 is marked at once (the next 一括作成
 * may run before anyone opens the record), and the office must be able to say later why.
 */
const callerFields: readonly ClinicDraftField[] = [
  'name', 'nameKana', 'kind', 'bedCount', 'postalCode', 'address', 'phone', 'fax', 'contactPerson', 'noMailing', 'noMailingReason',
];

type ShowInquiryErrors = (fields: Readonly<Record<string, string>>) => void;

interface NewCallerOptions {
  /** False once an existing clinic was taken instead: the fields go and ask nothing more. */
  active: boolean;
  /** The words the clinic chooser's search did not find. */
  initialDraft: Partial<ClinicDraft>;
  onSaved(detail: InquiryDetail): void;
}

/**
 * The clinic part of 問い合わせを登録 for a caller not yet on file: the clinic form's own fields,
 * checks and duplicate warning, saved with the inquiry in one call so that nothing is half made.
 */
export function useNewCallerClinic({ active, initialDraft, onSaved }: NewCallerOptions) {
  const inquiry = useRef<NewCallerInquiry | null>(null);
  const showInquiryErrors = useRef<ShowInquiryErrors>(() => undefined);
  const saved = useRef<InquiryDetail | null>(null);
  const form = useClinicForm({
    idPrefix: 'new-caller',
    clinic: null,
    initialDraft,
    readOnly: !active,
    autoFocus: active,
    save: async (clinic) => {
      if (!inquiry.current) throw new Error('the inquiry is checked before the clinic is saved');
      try {
        const created = await createInquiryWithClinic({ clinic, inquiry: inquiry.current });
        saved.current = created.detail;
        return created.clinic;
      } catch (error) {
        if (error instanceof ApiError) showInquiryErrors.current(error.fields);
        throw error;
      }
    },
    onSaved: () => {
      if (saved.current) onSaved(saved.current);
    },
  });
  /** Checks the clinic (and for possible duplicates), then saves both; the inquiry has been checked already. */
  const save = (checked: NewCallerInquiry, showErrors: ShowInquiryErrors) => {
    inquiry.current = checked;
    showInquiryErrors.current = showErrors;
    return form.submit();
  };
  return { form, save };
}

interface NewCallerClinicFieldsProps {
  form: ClinicFormState;
  /** 「この医療機関で登録する」 in the duplicate warning: the inquiry goes to the clinic on file instead. */
  onUseExisting(clinic: { id: string; name: string }): void;
}

/** The new clinic's fields inside the inquiry dialog, with the clinic form's duplicate warning. */
export function NewCallerClinicFields({ form, onUseExisting }: NewCallerClinicFieldsProps) {
  const { duplicates, setDuplicates, write, generalError } = form;
  return (
    <section className="new-caller-clinic" aria-labelledby="new-caller-title">
      <h3 id="new-caller-title" className="section-title">
        新しい医療機関
      </h3>
      {generalError && (
        <p role="alert" className="message message-error">
          {generalError}
        </p>
      )}
      <ClinicFormFields form={form} readOnly={false} only={callerFields} />
      {duplicates && (
        <DuplicateDialog
          matches={duplicates.matches}
          openExistingLabel="この医療機関で登録する"
          onOpenExisting={(id) => {
            const match = duplicates.matches.find((m) => m.clinic.id === id);
            setDuplicates(null);
            if (match) onUseExisting({ id: match.clinic.id, name: match.clinic.name });
          }}
          onSaveAnyway={() => {
            const { input } = duplicates;
            setDuplicates(null);
            void write(input);
          }}
          onBack={() => setDuplicates(null)}
        />
      )}
    </section>
  );
}
