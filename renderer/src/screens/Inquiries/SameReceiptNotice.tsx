import type { SameReceiptInquiry } from '../../../../shared/domain/inquiry.ts';
import { receiptNumberMessages } from '../../../../shared/messages/receiptNumberMessages.ts';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';

interface SameReceiptNoticeProps {
  others: SameReceiptInquiry[];
  onOpen(id: string): void;
}

/**
 * Says plainly that another inquiry has this 受付番号 (numbered on another machine before they
 * shared; never renumbered), with a link to each showing its clinic, so a FAX that quotes the
 * number is matched by clinic, not by the number alone.
 */
export function SameReceiptNotice({ others, onOpen }: SameReceiptNoticeProps) {
  const style = useDateStyle();
  if (others.length === 0) return null;
  return (
    <div role="note" className="message message-info same-receipt-notice">
      <p>{receiptNumberMessages.sharedOnDetail}</p>
      <ul>
        {others.map((other) => (
          <li key={other.id}>
            <button type="button" className="link-button" onClick={() => onOpen(other.id)}>
              {receiptNumberMessages.otherInquiry(other.clinicName, formatDate(other.receivedOn, style), other.archivedAt !== null)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
