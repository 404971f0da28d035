import { useEffect, useRef, useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { askUnsavedInputWith, useClinicsStore } from '../../stores/clinicsStore.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { ClinicFormDialog } from './ClinicFormDialog.tsx';
import { ClinicPanel } from './ClinicPanel.tsx';
import { ClinicResults } from './ClinicResults.tsx';
import { ClinicSearchBox } from './ClinicSearchBox.tsx';
import { restoreClinic } from './clinicWrites.ts';

askUnsavedInputWith(() => useUiStore.getState().unsavedForms.length > 0);

const newWhileEditingQuestion = '開いている医療機関の変更は保存されていません。保存せずに新規登録に進みますか？';

/** 医療機関: search and list on the left, the chosen clinic beside it, 新規登録 in a dialog. */
export function ClinicsScreen() {
  const notice = useClinicsStore((s) => s.notice);
  const clearNotice = useClinicsStore((s) => s.clearNotice);
  const openId = useClinicsStore((s) => s.openId);
  const open = useClinicsStore((s) => s.open);
  const closeClinic = useClinicsStore((s) => s.close);
  const confirmDiscard = useUiStore((s) => s.confirmDiscard);
  const [formOpen, setFormOpen] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const undoArchive = notice?.undoArchive;

  // Right after archiving, the way back has focus: one Enter undoes a slip.
  useEffect(() => {
    if (undoArchive) undoButton.current?.focus();
  }, [undoArchive]);

  const startNew = async () => {
    // The dialog opens the new clinic when saved, which would replace unsaved edits beside the list.
    if (!(await confirmDiscard(newWhileEditingQuestion))) return;
    if (useUiStore.getState().unsavedForms.length > 0) closeClinic();
    clearNotice();
    setFormOpen(true);
  };

  const undo = async (clinic: { id: string; name: string }) => {
    if (!(await restoreClinic(clinic))) return;
    // Archiving closed the clinic; the way back opens it again unless another one is open now.
    if (useClinicsStore.getState().openId === null) open(clinic.id);
  };

  return (
    <section className={openId ? 'screen screen-wide' : 'screen'}>
      <ScreenHeading>医療機関</ScreenHeading>
      <div className="toolbar clinics-toolbar">
        <ClinicSearchBox />
        <button type="button" className="button button-primary" onClick={() => void startNew()}>
          新規登録
        </button>
      </div>
      <div className={notice ? `message message-${notice.kind} notice-line` : 'message-empty'}>
        <p role="status">{notice?.text}</p>
        {undoArchive && (
          <button ref={undoButton} type="button" className="button" onClick={() => void undo(undoArchive)}>
            元に戻す
          </button>
        )}
      </div>
      <div className={openId ? 'clinics-layout has-panel' : 'clinics-layout'}>
        <div className="clinics-list">
          <ClinicResults />
        </div>
        <ClinicPanel />
      </div>
      {formOpen && <ClinicFormDialog onClose={() => setFormOpen(false)} />}
    </section>
  );
}
