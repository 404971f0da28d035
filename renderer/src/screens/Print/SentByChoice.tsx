import { useId } from 'react';
import { sentByCodes, sentByLabels, type SentBy } from '../../../../shared/documents/documentOutput.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { usePrintOutputStore } from '../../stores/printOutputStore.ts';
import { usePrintRenderStore } from '../../stores/printRenderStore.ts';

/**
 * 送付方法: how this PDF goes out (FAX with the number used, 郵送, 手渡し, メール), recorded with
 * it when it is saved or printed, so the trail says how each document was given.
 */
export function SentByChoice() {
  const id = useId();
  const sentBy = usePrintOutputStore((s) => s.sentBy);
  const faxNumber = usePrintOutputStore((s) => s.faxNumber);
  const chooseSentBy = usePrintOutputStore((s) => s.chooseSentBy);
  const editFaxNumber = usePrintOutputStore((s) => s.editFaxNumber);
  const busy = usePrintOutputStore((s) => s.busy);
  // The clinic's FAX on record is the number to use unless staff type another.
  const clinicFax = usePrintChoicesStore((s) => s.clinic?.fax ?? '');
  // A mailing went to each clinic's own number: one number typed here would be wrong for all but one.
  const mailing = usePrintRenderStore((s) => s.result?.mailing !== undefined);

  const choose = (value: SentBy | null) => chooseSentBy(value, value === 'fax' && faxNumber === '' && !mailing ? clinicFax : undefined);
  return (
    <fieldset className="sent-by-choice" disabled={busy !== null}>
      <legend>送付方法（記録に残ります）</legend>
      <div className="sent-by-options">
        <label>
          <input type="radio" name={`${id}-sent-by`} checked={sentBy === null} onChange={() => choose(null)} />
          未定
        </label>
        {sentByCodes.map((code) => (
          <label key={code}>
            <input type="radio" name={`${id}-sent-by`} checked={sentBy === code} onChange={() => choose(code)} />
            {sentByLabels[code]}
          </label>
        ))}
      </div>
      {sentBy === 'fax' && !mailing && (
        <div className="field">
          <label htmlFor={`${id}-fax`}>送信したFAX番号</label>
          <input id={`${id}-fax`} type="tel" value={faxNumber} maxLength={40} onChange={(e) => editFaxNumber(e.target.value)} />
        </div>
      )}
    </fieldset>
  );
}
