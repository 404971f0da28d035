import { documentKindNames, documentKinds } from '../../../../shared/documents/documentKinds.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { usePrintRenderStore } from '../../stores/printRenderStore.ts';
import { unavailableDocuments } from './printRequest.ts';
import { usePrintRequestView } from './usePrintRequest.ts';

/**
 * 送る書類: any of the documents, always joined in envelope order. A document that cannot be made
 * for the chosen recipient (a 保険料試算書 without a printable quote, the チラシ while it can only
 * be a 見本 in a mailing) cannot be ticked and says why beside it; the others are made without it.
 */
export function DocumentChoice() {
  const documents = usePrintChoicesStore((s) => s.documents);
  const toggleDocument = usePrintChoicesStore((s) => s.toggleDocument);
  const view = usePrintRequestView();
  const unavailable = unavailableDocuments(view);
  // Said once: beside the チラシ when it cannot be chosen, else under the list.
  const specimen = view.flyerIsSpecimen === true && !unavailable.flyer;
  const error = usePrintRenderStore((s) => s.fieldErrors.documents);
  return (
    <fieldset
      className="print-group"
      aria-describedby={['print-documents-hint', specimen && 'print-documents-specimen', error && 'print-documents-error'].filter(Boolean).join(' ')}
    >
      <legend className="print-label">送る書類</legend>
      <p id="print-documents-hint" className="field-hint">
        選んだ書類は上から順に1つのPDFにまとまります
      </p>
      <div className="print-option-list">
        {documentKindNames.map((kind) => {
          const reason = unavailable[kind];
          return (
            <div key={kind}>
              <label className={reason ? 'print-option print-option-unavailable' : 'print-option'}>
                <input
                  type="checkbox"
                  checked={!reason && documents.includes(kind)}
                  disabled={reason !== undefined}
                  aria-describedby={reason ? `print-document-reason-${kind}` : undefined}
                  onChange={(e) => toggleDocument(kind, e.target.checked)}
                />
                {documentKinds[kind].label}
              </label>
              {reason && (
                <p id={`print-document-reason-${kind}`} className="field-hint print-document-reason">
                  {reason}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {specimen && (
        <p id="print-documents-specimen" className="field-hint">
          正式な保険料表が取り込まれていないため、チラシは「見本」として作られます（送付の記録に残らず、一括作成には入れられません）。
        </p>
      )}
      {error && (
        <p id="print-documents-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
