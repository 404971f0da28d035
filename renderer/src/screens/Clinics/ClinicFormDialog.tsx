import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useClinicsStore } from '../../stores/clinicsStore.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { cancelQuestion, ClinicForm } from './ClinicForm.tsx';
import { createClinic } from './clinicWrites.ts';

/**
 * 医療機関の新規登録: the clinic form in a modal dialog. Once saved, the new clinic opens beside
 * the list, in its stored form, ready for 「問い合わせを登録」.
 */
export function ClinicFormDialog({ onClose }: { onClose: () => void }) {
  const open = useClinicsStore((s) => s.open);
  const confirmDiscard = useUiStore((s) => s.confirmDiscard);

  return (
    <ModalDialog
      title="医療機関の新規登録"
      className="clinic-dialog"
      // Esc inside the form is the form's; this covers the dialog's other close requests.
      onRequestClose={() => {
        void confirmDiscard(cancelQuestion).then((yes) => yes && onClose());
      }}
    >
      <ClinicForm
        idPrefix="clinic-new"
        clinic={null}
        autoFocus
        save={createClinic}
        onSaved={onClose}
        onCancel={onClose}
        onOpenExisting={(id) => {
          onClose();
          open(id);
        }}
      />
    </ModalDialog>
  );
}
