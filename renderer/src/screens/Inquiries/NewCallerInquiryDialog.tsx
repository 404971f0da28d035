import { useState } from 'react';
import type { InquiryDetail } from '../../../../shared/contract/channels.ts';
import { draftFromSearch } from './draftFromSearch.ts';
import { InquiryFormDialog } from './InquiryFormDialog.tsx';
import { NewCallerClinicFields, useNewCallerClinic } from './NewCallerClinic.tsx';

interface NewCallerInquiryDialogProps {
  /** What the clerk typed in the clinic chooser and did not find: it becomes the clinic's name, reading or number. */
  searched: string;
  onClose(saved: InquiryDetail | null): void;
}

/**
 * 問い合わせを登録 for a caller not yet on file: the new clinic's form lives here, so only this
 * dialog runs it (its postal lookup and unsaved-changes guard), and the inquiry dialog shows it
 * above the inquiry's own fields.
 */
export function NewCallerInquiryDialog({ searched, onClose }: NewCallerInquiryDialogProps) {
  // The duplicate warning may show the caller is on file after all: the inquiry goes to that clinic.
  const [taken, setTaken] = useState<{ id: string; name: string } | null>(null);
  const [initialDraft] = useState(() => draftFromSearch(searched));
  const { form, save } = useNewCallerClinic({ active: taken === null, initialDraft, onSaved: onClose });
  // Both branches render the same dialog in the same place, so what was typed into the inquiry stays.
  if (taken) return <InquiryFormDialog clinic={taken} onClose={onClose} />;
  const clinicSection = { fields: <NewCallerClinicFields form={form} onUseExisting={setTaken} />, busy: form.busy, dirty: form.dirty, save };
  return <InquiryFormDialog clinic={null} clinicSection={clinicSection} onClose={onClose} />;
}
