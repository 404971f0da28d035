import { documentKindNames, documentKinds } from '../../../../shared/documents/documentKinds.ts';
import { isSpecimenFlyer } from '../../../../shared/documents/flyer.ts';
import { useContent } from '../../query/useSharedReads.ts';
import { importantMattersMessages } from '../../../../shared/messages/importantMattersMessages.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { usePrintRenderStore } from '../../stores/printRenderStore.ts';

/**
 * 送る書類: any of the documents, always joined in envelope order. While the rate table is a
 * sample the チラシ is a 見本 for staff: it says so, and a mailing does not offer it.
 */
export function DocumentChoice() {
  const documents = usePrintChoicesStore((s) => s.documents);
  const recipient = usePrintChoicesStore((s) => s.recipient);
  const { pack, rates, insurerFlyer, importantMatters } = useContent();
  const specimen = rates !== null && !insurerFlyer && isSpecimenFlyer(rates);
  // Only the insurer's own PDF is ever this document: without one in the pack it cannot be chosen.
  const noImportantMatters = pack !== null && importantMatters === null;
  const withheld = (kind: string) =>
    (specimen && kind === 'flyer' && recipient === 'batch' && !documents.includes('flyer')) || (kind === 'importantMatters' && noImportantMatters && !documents.includes(kind));
  const toggleDocument = usePrintChoicesStore((s) => s.toggleDocument);
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
        {documentKindNames.map((kind) => (
          <div key={kind}>
            <label className="print-option">
              <input
                type="checkbox"
                checked={documents.includes(kind)}
                disabled={withheld(kind)}
                aria-describedby={kind === 'importantMatters' && noImportantMatters ? 'print-important-matters-missing' : undefined}
                onChange={(e) => toggleDocument(kind, e.target.checked)}
              />
              {documentKinds[kind].label}
            </label>
            {kind === 'importantMatters' && noImportantMatters && (
              <p id="print-important-matters-missing" className="field-hint">
                {importantMattersMessages.packHasNone}
              </p>
            )}
          </div>
        ))}
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
