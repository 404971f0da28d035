import { sentByCodes, sentByLabels, type SentBy } from '../../../../shared/documents/documentOutput.ts';
import { usePrintBatchStore } from '../../stores/printBatchStore.ts';

/**
 * 送付方法 of a mailing, chosen before it is made: a FAX mailing first lists the clinics without a
 * FAX number. It is recorded with the PDF unless changed after.
 */
export function MailingSentBy() {
  const sentBy = usePrintBatchStore((s) => s.sentBy);
  const choose = usePrintBatchStore((s) => s.chooseSentBy);
  const options: (SentBy | null)[] = [null, ...sentByCodes];
  return (
    <fieldset className="print-group mailing-sent-by">
      <legend className="print-label">送付方法</legend>
      <div className="print-option-list">
        {options.map((code) => (
          <label key={code ?? 'none'} className="print-option">
            <input type="radio" name="mailing-sent-by" checked={sentBy === code} onChange={() => choose(code)} />
            {code ? sentByLabels[code] : '未定'}
          </label>
        ))}
      </div>
      <p className="field-hint print-option-hint">FAXを選ぶと、作成の前にFAX番号のない医療機関をお知らせします。</p>
    </fieldset>
  );
}
