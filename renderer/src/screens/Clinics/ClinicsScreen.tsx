import { useEffect, useRef, useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { useClinicsStore } from '../../stores/clinicsStore.ts';
import { ClinicFormDialog } from './ClinicFormDialog.tsx';
import { ClinicResults } from './ClinicResults.tsx';
import { ClinicSearchBox } from './ClinicSearchBox.tsx';

export function ClinicsScreen() {
  const search = useClinicsStore((s) => s.search);
  const notice = useClinicsStore((s) => s.notice);
  const clearNotice = useClinicsStore((s) => s.clearNotice);
  const [formOpen, setFormOpen] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void search();
  }, [search]);

  const closeForm = () => {
    setFormOpen(false);
    newButton.current?.focus();
  };

  return (
    <section className="screen">
      <ScreenHeading>医療機関</ScreenHeading>
      <div className="toolbar">
        <ClinicSearchBox />
        <button
          ref={newButton}
          type="button"
          className="button button-primary"
          onClick={() => {
            clearNotice();
            setFormOpen(true);
          }}
        >
          新規登録
        </button>
      </div>
      <p role="status" className={notice ? 'message message-success' : 'message-empty'}>
        {notice}
      </p>
      <ClinicResults />
      {formOpen && <ClinicFormDialog onClose={closeForm} />}
    </section>
  );
}
