import type { DocumentRecipient as PrintRecipient } from '../../../../shared/documents/documentRequestProblem.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { usePrintRenderStore } from '../../stores/printRenderStore.ts';
import { MailingSentBy } from './MailingSentBy.tsx';
import { PrintBatchPicker } from './PrintBatchPicker.tsx';
import { PrintClinicPicker } from './PrintClinicPicker.tsx';
import { PrintInquiryFields } from './PrintInquiryFields.tsx';

const recipientLabels: Record<PrintRecipient, string> = {
  blank: '白紙（手書き用）',
  one: '医療機関を1件選ぶ',
  batch: '複数の医療機関（一括作成）',
};
const recipients = Object.keys(recipientLabels) as PrintRecipient[];

/** 宛先: blank forms, one clinic (and optionally its inquiry), or a mailing to many. */
export function RecipientChoice() {
  const recipient = usePrintChoicesStore((s) => s.recipient);
  const chooseRecipient = usePrintChoicesStore((s) => s.chooseRecipient);
  const error = usePrintRenderStore((s) => s.fieldErrors.clinicIds);
  return (
    <>
      <fieldset className="print-group">
        <legend className="print-label">宛先</legend>
        <div className="print-option-list">
          {recipients.map((value) => (
            <label key={value} className="print-option">
              <input type="radio" name="print-recipient" value={value} checked={recipient === value} onChange={() => chooseRecipient(value)} />
              {recipientLabels[value]}
            </label>
          ))}
        </div>
      </fieldset>
      {recipient === 'one' && (
        <div className="print-recipient-detail">
          <PrintClinicPicker />
          <PrintInquiryFields />
        </div>
      )}
      {recipient === 'batch' && (
        <div className="print-recipient-detail">
          <PrintBatchPicker />
          <MailingSentBy />
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </>
  );
}
