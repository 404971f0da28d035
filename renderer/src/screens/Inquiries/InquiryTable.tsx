import { inquiryChannelLabels, type Inquiry } from '../../../../shared/domain/inquiry.ts';
import type { DateOnly } from '../../../../shared/time/tokyoDate.ts';
import { receiptNumberMessages } from '../../../../shared/messages/receiptNumberMessages.ts';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';
import { dueState, NextActionDate, StatusBadge } from './inquiryParts.tsx';

interface InquiryTableProps {
  caption: string;
  items: Inquiry[];
  today: DateOnly;
  /** The 問い合わせ screen shows the clinic; a clinic's own list does not need to. */
  showClinic?: boolean;
  /**
   * For a narrow place (the clinic view): when the table's box is narrow, 受付日 and 経路 move
   * under the 受付番号 instead of having columns of their own.
   */
  compact?: boolean;
  onOpen(inquiry: Inquiry): void;
}

/** Inquiries as a table; the 受付番号 opens one (so does a click anywhere on its row). */
export function InquiryTable({ caption, items, today, showClinic = false, compact = false, onOpen }: InquiryTableProps) {
  const style = useDateStyle();
  return (
    <div className={compact ? 'table-scroll inquiry-table-box compact' : 'table-scroll inquiry-table-box'}>
      <table className="data-table inquiry-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">受付番号</th>
            {showClinic && (
              <th scope="col" className="col-clinic">
                医療機関名
              </th>
            )}
            <th scope="col" className="col-wide">
              受付日
            </th>
            <th scope="col" className="col-wide">
              経路
            </th>
            <th scope="col">状況</th>
            <th scope="col" className="col-next">次回対応日</th>
            <th scope="col" className="col-staff">担当者</th>
          </tr>
        </thead>
        <tbody>
          {items.map((inquiry) => {
            const due = dueState(inquiry, today);
            return (
              <tr key={inquiry.id} className={due ? `row-due row-${due}` : undefined} onClick={() => onOpen(inquiry)}>
                <td className="nowrap">
                  <button
                    type="button"
                    className="link-button receipt-link"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen(inquiry);
                    }}
                  >
                    {inquiry.receiptNumber}
                  </button>
                  {inquiry.receiptNumberShared && (
                    <span className="receipt-shared-mark" title={receiptNumberMessages.sharedMarkTitle}>
                      {receiptNumberMessages.sharedMark}
                    </span>
                  )}
                  {compact && (
                    <span className="receipt-sub">
                      {formatDate(inquiry.receivedOn, style)}・{inquiryChannelLabels[inquiry.channel]}
                    </span>
                  )}
                </td>
                {showClinic && <td>{inquiry.clinicName}</td>}
                <td className="nowrap col-wide">{formatDate(inquiry.receivedOn, style)}</td>
                <td className="nowrap col-wide">{inquiryChannelLabels[inquiry.channel]}</td>
                <td className="nowrap">
                  <StatusBadge status={inquiry.status} />
                </td>
                <td>
                  <NextActionDate inquiry={inquiry} today={today} />
                </td>
                <td>{inquiry.staffName ?? <span className="text-muted">未定</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
