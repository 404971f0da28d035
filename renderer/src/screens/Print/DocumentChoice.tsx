import { documentKindNames, documentKinds } from '../../../../shared/documents/documentKinds.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { usePrintRenderStore } from '../../stores/printRenderStore.ts';

/** 送る書類: any of the documents, always joined in envelope order. */
export function DocumentChoice() {
  const documents = usePrintChoicesStore((s) => s.documents);
  const toggleDocument = usePrintChoicesStore((s) => s.toggleDocument);
  const error = usePrintRenderStore((s) => s.fieldErrors.documents);
  return (
    <fieldset className="print-group" aria-describedby={error ? 'print-documents-hint print-documents-error' : 'print-documents-hint'}>
      <legend className="print-label">送る書類</legend>
      <p id="print-documents-hint" className="field-hint">
        選んだ書類は上から順に1つのPDFにまとまります
      </p>
      <div className="print-option-list">
        {documentKindNames.map((kind) => (
          <label key={kind} className="print-option">
            <input type="checkbox" checked={documents.includes(kind)} onChange={(e) => toggleDocument(kind, e.target.checked)} />
            {documentKinds[kind].label}
          </label>
        ))}
      </div>
      {error && (
        <p id="print-documents-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
