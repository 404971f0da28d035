import { useEffect, useRef } from 'react';
import { canPrint, onContractEvent } from '../../api/client.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { needsRecipient } from '../../../../shared/documents/documentRequestProblem.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { usePrintOutputStore } from '../../stores/printOutputStore.ts';
import { usePrintRenderStore } from '../../stores/printRenderStore.ts';
import { coverFieldErrors, renderBlockReason, renderInput } from './printRequest.ts';
import { usePrintRequestView } from './usePrintRequest.ts';
import { CoverSheetFields } from './CoverSheetFields.tsx';
import { AddressLabelsPanel } from './AddressLabelsPanel.tsx';
import { DocumentChoice } from './DocumentChoice.tsx';
import { MailingOutputChoice } from './MailingOutputChoice.tsx';
import { PrintResultPanel } from './PrintResultPanel.tsx';
import { RecipientChoice } from './RecipientChoice.tsx';
import { WithoutFaxDialog } from './WithoutFaxDialog.tsx';
import { useMailingFaxStore } from '../../stores/mailingFaxStore.ts';
import '../../styles/print.css';

/** The control of each field the core can name in an error, to take the focus after a failure. */
const fieldControlIds: Record<string, string> = {
  'cover.subject': 'print-cover-subject',
  'cover.person': 'print-cover-person',
  'cover.message': 'print-cover-message',
  'cover.extraPages': 'print-cover-extra-pages',
  quoteId: 'print-quote',
};

/**
 * 印刷: choose the documents and who they are for (blank, one clinic or inquiry, or a mailing),
 * make one PDF, look at it, save or print it; what left the counter is recorded on each clinic.
 */
export function PrintScreen() {
  const print = usePrintOutputStore((s) => s.print);
  // ファイル → 印刷… (Ctrl/Cmd+P) in the desktop menu prints the PDF shown in the preview.
  useEffect(
    () =>
      onContractEvent((event) => {
        if (event.type === 'menuCommand' && event.command === 'print' && canPrint()) void print();
      }),
    [print],
  );
  return (
    <section className="screen print-screen">
      <ScreenHeading>印刷</ScreenHeading>
      <div className="print-layout">
        <PrintChoicesPanel />
        <PrintResultPanel />
      </div>
    </section>
  );
}

function PrintChoicesPanel() {
  const documents = usePrintChoicesStore((s) => s.documents);
  const phase = usePrintRenderStore((s) => s.phase);
  const make = useMailingFaxStore((s) => s.make);
  const checking = useMailingFaxStore((s) => s.checking);
  const refuse = usePrintRenderStore((s) => s.refuse);
  const cancel = usePrintRenderStore((s) => s.cancel);
  const progress = usePrintRenderStore((s) => s.progress);
  const view = usePrintRequestView();
  const recipient = view.choices.recipient;
  // Labels go to the clinics chosen for the documents: the mailing's, or the one clinic.
  const labelClinicIds = recipient === 'batch' ? view.batchIds : recipient === 'one' && view.choices.clinic ? [view.choices.clinic.id] : [];
  const blockReason = renderBlockReason(view);
  const firstErrorField = usePrintRenderStore((s) => Object.keys(s.fieldErrors).find((key) => key in fieldControlIds));
  const renderButton = useRef<HTMLButtonElement>(null);
  const running = phase === 'running';

  // After 中止 or a failure the 中止 button is gone: the focus goes to the field to correct, or
  // back to where one starts again.
  useEffect(() => {
    if (phase !== 'cancelled' && phase !== 'failed') return;
    const field = firstErrorField ? document.getElementById(fieldControlIds[firstErrorField] ?? '') : null;
    if (field) field.focus();
    else renderButton.current?.focus({ preventScroll: true });
  }, [phase, firstErrorField]);

  return (
    <section className="panel print-choices" aria-labelledby="print-choices-heading">
      <h2 id="print-choices-heading">作成する書類</h2>
      <DocumentChoice />
      {needsRecipient(documents) ? (
        <RecipientChoice />
      ) : (
        // A specimen is sent to no one: DocumentChoice says what it is instead.
        documents.length > 0 &&
        !view.flyerIsSpecimen && (
          <p className="field-hint print-flyer-note">
            チラシは承認された内容のまま、どの医療機関にも同じものをお送りします（宛名は送付状に書きます）。
          </p>
        )
      )}
      {recipient === 'batch' && needsRecipient(documents) && <MailingOutputChoice />}
      {documents.includes('faxCoverSheet') && <CoverSheetFields />}
      <WithoutFaxDialog />
      <div className="actions print-render">
        <button
          ref={renderButton}
          type="button"
          className="button button-primary"
          onClick={() => {
            const coverErrors = coverFieldErrors(view.choices);
            if (Object.keys(coverErrors).length > 0) {
              refuse(`送付状の入力内容を確認してください（${Object.values(coverErrors).join('、')}）。`, coverErrors);
            } else {
              void make(renderInput(view));
            }
          }}
          disabled={running || checking || blockReason !== null}
          aria-describedby={blockReason ? 'print-render-hint' : undefined}
        >
          PDFを作成
        </button>
      </div>
      {blockReason && (
        <p id="print-render-hint" className="field-hint print-render-hint">
          {blockReason}
        </p>
      )}
      {labelClinicIds.length > 0 && <AddressLabelsPanel clinicIds={labelClinicIds} />}
      {running && (
        // A live region: a mailing's 「20 / 50 件」 steps are read out as they come.
        <div role="status">
          <JobProgress id="print-progress" label="PDFを作成しています" progress={progress} onCancel={cancel} />
        </div>
      )}
    </section>
  );
}
