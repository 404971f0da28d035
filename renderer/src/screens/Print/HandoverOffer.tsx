import { useState } from 'react';
import { handoverMethods, type HandoverMethod } from '../../../../shared/domain/importantMatters.ts';
import { importantMattersMessages as m } from '../../../../shared/messages/importantMattersMessages.ts';
import { useContent } from '../../query/useSharedReads.ts';
import { usePrintHandoverOfferStore } from '../../stores/printHandoverOfferStore.ts';

/** 「重要事項説明書の交付を記録しますか？」 after it was saved or printed for an inquiry, with how it goes out. */
export function HandoverOffer() {
  const offer = usePrintHandoverOfferStore((s) => s.handoverOffer);
  const message = usePrintHandoverOfferStore((s) => s.handoverMessage);
  const accept = usePrintHandoverOfferStore((s) => s.accept);
  const decline = usePrintHandoverOfferStore((s) => s.decline);
  const { importantMatters } = useContent();
  const [method, setMethod] = useState<HandoverMethod>('hand');
  return (
    <>
      {offer && importantMatters && (
        <div className="print-status-offer" role="group" aria-labelledby="print-handover-offer-question">
          <p id="print-handover-offer-question">
            {m.askRecord}（問い合わせ {offer.inquiry.receiptNumber}）
          </p>
          <p className="field-hint">{m.askRecordDetail(`${importantMatters.code}（${importantMatters.date}）`)}</p>
          <fieldset className="print-option-list">
            <legend className="visually-hidden">{m.method}</legend>
            {handoverMethods.map((value) => (
              <label key={value} className="print-option">
                <input type="radio" name="print-handover-method" checked={method === value} onChange={() => setMethod(value)} />
                {m.methodLabels[value]}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => void accept(method, importantMatters)} disabled={offer.saving}>
              {m.record}
            </button>
            <button type="button" className="button" onClick={decline} disabled={offer.saving}>
              今はしない
            </button>
          </div>
          {offer.error && (
            <p role="alert" className="field-error">
              {offer.error}
            </p>
          )}
        </div>
      )}
      <p role="status" className={message ? 'message message-success' : 'message-empty'}>
        {message}
      </p>
    </>
  );
}
