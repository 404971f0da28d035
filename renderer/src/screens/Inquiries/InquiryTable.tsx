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
  onOpen(inquiry: Inquiry): void;
}

/**
 * Inquiries as a table; the 受付番号 opens one (so does a click anywhere on its row). On a
 * laptop or beside an open clinic the table wraps instead of scrolling sideways: 受付日・経路
 * (and when narrower still 担当者) move under the 受付番号 and the 次回対応日, drawn twice here
 * and shown once by the box's width (records.css). 状況 keeps its column: a badge drawn twice
 * would be two of the same word on the row.
 */
export function InquiryTable({ caption, items, today, showClinic = false, onOpen }: InquiryTableProps) {
  const style = useDateStyle();
  return (
    <div className={showClinic ? 'table-scroll inquiry-table-box with-clinic' : 'table-scroll inquiry-table-box'}>
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
                  <span className="receipt-sub">
                    <span>{formatDate(inquiry.receivedOn, style)}</span>
                    <span>{inquiryChannelLabels[inquiry.channel]}</span>
                  </span>
                </td>
                {showClinic && <td className="col-clinic">{inquiry.clinicName}</td>}
                <td className="nowrap col-wide">{formatDate(inquiry.receivedOn, style)}</td>
                <td className="nowrap col-wide">{inquiryChannelLabels[inquiry.channel]}</td>
                <td className="nowrap">
                  <StatusBadge status={inquiry.status} />
                </td>
                <td>
                  <NextActionDate inquiry={inquiry} today={today} />
                  <span className="next-staff">担当：{inquiry.staffName ?? '未定'}</span>
                </td>
                <td className="col-staff">{inquiry.staffName ?? <span className="text-muted">未定</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
