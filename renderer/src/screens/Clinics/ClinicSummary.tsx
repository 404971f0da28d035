import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { clinicKindLabels, type Clinic } from '../../../../shared/domain/clinic.ts';
import { documentSetLabel } from '../../../../shared/documents/documentKinds.ts';
import { documentOutputActionLabels, sentByLabels, type DocumentOutput } from '../../../../shared/documents/documentOutput.ts';
import { clinicKindMessages } from '../../../../shared/messages/clinicKindMessages.ts';
import { clinicSummaryMessages as m } from '../../../../shared/messages/clinicSummaryMessages.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { formatCount, formatNumber } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { InquiryDetailDialog } from '../Inquiries/InquiryDetailDialog.tsx';
import { NextActionDate, StatusBadge } from '../Inquiries/inquiryParts.tsx';

const or = (text: string) => text || m.none;

/** What, when and how: 「チラシ・FAX申込書」 2026/11/24 10:05 FAX（099-…）. */
function LastOutput({ output }: { output: DocumentOutput }) {
  const style = useDateStyle();
  const how = output.sentBy ? sentByLabels[output.sentBy] : documentOutputActionLabels[output.action];
  return (
    <p className="clinic-summary-output">
      <span>{documentSetLabel(output.documents)}</span>
      <span className="nowrap">{formatDateTime(output.createdAt, style)}</span>
      <span>
        {how}
        {output.faxNumber && <span className="nowrap">（{output.faxNumber}）</span>}
      </span>
    </p>
  );
}

/**
 * The read-only top of an opened clinic: who it is, how to reach it, the inquiries still open
 * (each opens its detail) and the last document it was given. 編集 turns it into the form.
 */
export function ClinicSummary({ clinic }: { clinic: Clinic }) {
  const summary = useQuery(queries.clinicSummary(clinic.id));
  const data = summary.data ?? null;
  const error = summary.error && !data ? errorMessageOf(summary.error, m.loadFailed) : null;
  const [openInquiryId, setOpenInquiryId] = useState<string | null>(null);
  const today = useMemo(() => tokyoToday(), []);
  const staffNames = data ? [...new Set(data.openInquiries.flatMap((i) => (i.staffName ? [i.staffName] : [])))] : [];
  const kind = clinicKindLabels[clinic.kind] + (clinic.bedCount !== null && clinic.bedCount > 0 ? `（${formatNumber(clinic.bedCount)}床）` : '');

  return (
    <section className="clinic-summary" aria-label={m.regionLabel}>
      <dl className="clinic-summary-facts">
        <div className={clinic.kind === 'unconfirmed' ? 'clinic-summary-wide' : undefined}>
          <dt>種別</dt>
          <dd>
            <span className={clinic.kind === 'unconfirmed' ? 'kind-unconfirmed' : undefined}>{kind}</span>
            {clinic.kind === 'unconfirmed' && <span className="field-hint clinic-summary-note">{clinicKindMessages.formConfirm}</span>}
          </dd>
        </div>
        <div className="clinic-summary-wide">
          <dt>{m.address}</dt>
          <dd>
            {clinic.postalCode && <span className="nowrap clinic-summary-postal">〒{clinic.postalCode}</span>}
            {or(clinic.address)}
          </dd>
        </div>
        <div>
          <dt>{m.phone}</dt>
          <dd className="nowrap">{or(clinic.phone)}</dd>
        </div>
        <div>
          <dt>{m.fax}</dt>
          <dd className="nowrap">{or(clinic.fax)}</dd>
        </div>
        <div>
          <dt>{m.contactPerson}</dt>
          <dd>{or(clinic.contactPerson)}</dd>
        </div>
        <div>
          <dt title={m.ourStaffHint}>{m.ourStaff}</dt>
          <dd>{or(staffNames.join('・'))}</dd>
        </div>
        {clinic.memberNumber && (
          <div>
            <dt>{m.memberNumber}</dt>
            <dd className="nowrap">{clinic.memberNumber}</dd>
          </div>
        )}
        {clinic.noMailing && (
          <div className="clinic-summary-wide">
            <dt>送付不要</dt>
            <dd>{clinic.noMailingReason}（一括作成では除きます）</dd>
          </div>
        )}
        {clinic.memo && (
          <div className="clinic-summary-wide">
            <dt>{m.memo}</dt>
            <dd className="clinic-summary-memo">{clinic.memo}</dd>
          </div>
        )}
      </dl>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {data && (
        <div className="clinic-summary-activity">
          <div>
            <h3 className="clinic-summary-heading">
              {m.openInquiries}
              {data.openTotal > 0 && `（${formatCount(data.openTotal)}）`}
            </h3>
            {data.openInquiries.length === 0 ? (
              <p className="empty-state">{m.noOpenInquiries}</p>
            ) : (
              <ul className="clinic-summary-inquiries" aria-label={m.openInquiries}>
                {data.openInquiries.map((inquiry) => (
                  <li key={inquiry.id}>
                    <button type="button" className="row-link receipt-number-inline" onClick={() => setOpenInquiryId(inquiry.id)}>
                      {inquiry.receiptNumber}
                    </button>
                    <StatusBadge status={inquiry.status} />
                    <span className="clinic-summary-next">
                      {m.nextAction}：<NextActionDate inquiry={inquiry} today={today} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {data.openTotal > data.openInquiries.length && (
              <p className="field-hint">{m.moreOpen(formatCount(data.openInquiries.length), formatCount(data.openTotal))}</p>
            )}
          </div>
          <div>
            <h3 className="clinic-summary-heading">{m.lastOutput}</h3>
            {data.lastOutput ? <LastOutput output={data.lastOutput} /> : <p className="empty-state">{m.noOutput}</p>}
          </div>
        </div>
      )}
      {openInquiryId && <InquiryDetailDialog inquiryId={openInquiryId} onClose={() => setOpenInquiryId(null)} />}
    </section>
  );
}
