import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  inquiryChannelLabels,
  inquiryFieldLabels,
  inquiryStatusLabels,
  inquiryStatuses,
  statusChangeNeedsReason,
  type Inquiry,
  type InquiryChannel,
  type InquiryStatus,
} from '../../../../shared/domain/inquiry.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { ConflictPanel } from '../../components/ConflictPanel.tsx';
import { conflictMessages } from '../../components/conflictMessages.ts';
import { fieldChanges, type FieldChange } from '../../components/fieldChanges.ts';
import { recordChanged } from '../../components/recordChanged.ts';
import { DocumentOutputHistory } from '../../components/DocumentOutputHistory.tsx';
import { FormField } from '../../components/FormField.tsx';
import { formatDate, formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { queries } from '../../query/queries.ts';
import { changeInquiryStatus } from './inquiryWrites.ts';
import { InquiryFormDialog } from './InquiryFormDialog.tsx';
import { isComposing, NextActionDate, NextActionField, StatusBadge } from './inquiryParts.tsx';
import { StatusReasonDialog } from './StatusReasonDialog.tsx';
import { SavedQuotesSection } from './SavedQuotesSection.tsx';
import { ImportantMattersSection } from './ImportantMattersSection.tsx';
import { IntentSection } from './IntentSection.tsx';
import { InsurerConsentSection } from './InsurerConsentSection.tsx';
import { SameReceiptNotice } from './SameReceiptNotice.tsx';
import { HistoryActorCell } from './HistoryActorCell.tsx';
import { InquiryChecklist } from './InquiryChecklist.tsx';
import { InquiryFollowUps } from './InquiryFollowUps.tsx';
import { askConfirm } from '../../stores/confirmStore.ts';

interface InquiryDetailDialogProps {
  inquiryId: string;
  /** The inquiry whose detail opened this one (another with the same 受付番号): its link closes this one. */
  openedFrom?: string;
  onClose(): void;
}

interface StatusDraft {
  to: InquiryStatus;
  nextActionOn: string;
  /** Whether the clerk set the date themselves (then choosing 成約/見送り leaves it alone). */
  dateTouched: boolean;
}

const finished: readonly InquiryStatus[] = ['contracted', 'declined'];

/** The fields a 状況 change can collide with, as text, in the order the detail shows them. */
const recordFields = ['status', 'receivedOn', 'channel', 'nextActionOn', 'staffId', 'content'] as const;
type RecordField = (typeof recordFields)[number];
const recordAsText = (i: Inquiry): Record<RecordField, string> => ({
  status: i.status,
  receivedOn: i.receivedOn,
  channel: i.channel,
  nextActionOn: i.nextActionOn ?? '',
  staffId: i.staffName ?? '',
  content: i.content,
});
const statusDraftOf = (i: Inquiry): StatusDraft => ({ to: i.status, nextActionOn: i.nextActionOn ?? '', dateTouched: false });

/**
 * One inquiry: its 受付番号 (never changes), the fields, 状況 changes with an optional 次回対応日,
 * and the history of every change. Editing and the reason for going back open on top of it.
 */
export function InquiryDetailDialog({ inquiryId, openedFrom, onClose }: InquiryDetailDialogProps) {
  const style = useDateStyle();
  const today = useMemo(() => tokyoToday(), []);
  const record = useQuery(queries.inquiry(inquiryId));
  const detail = record.data ?? null;
  const loadError = record.error && !detail ? errorMessageOf(record.error, '問い合わせを読み込めませんでした。') : null;
  // The inquiry the 状況 form started from (a 状況 change replaces exactly that), and the choice made.
  const [statusBase, setStatusBase] = useState<Inquiry | null>(null);
  const [statusDraft, setStatusDraft] = useState<StatusDraft | null>(null);
  const [statusConflict, setStatusConflict] = useState<{ current: Inquiry; changes: FieldChange<RecordField>[] } | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState(false);
  const [askReason, setAskReason] = useState<{ error: string | null } | null>(null);
  // Another inquiry with the same 受付番号, opened on top of this one.
  const [otherId, setOtherId] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);


  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Whatever had focus before (a list row) gets it back when the dialog goes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    closeButton.current?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const inquiry = statusBase ?? undefined;

  // A 状況 change chosen but not yet applied is not thrown away without asking.
  const pendingChange =
    statusBase !== null &&
    statusDraft !== null &&
    (statusDraft.to !== statusBase.status || statusDraft.nextActionOn !== (statusBase.nextActionOn ?? ''));

  // The detail shows the inquiry as it is now; the 状況 form follows it unless a change is chosen.
  const changedElsewhere = detail !== null && statusBase !== null && recordChanged(statusBase, detail.inquiry);
  if (detail && (statusBase === null || (changedElsewhere && !pendingChange && !saving && statusConflict === null))) {
    setStatusBase(detail.inquiry);
    setStatusDraft(statusDraftOf(detail.inquiry));
  }

  /** Applies the chosen 状況 and date, or (dateOnly) the 次回対応日 alone, leaving the 状況 as it is. */
  const applyStatus = async (reason: string, dateOnly = false) => {
    if (!inquiry || !statusDraft) return;
    const dateChanged = statusDraft.nextActionOn !== (inquiry.nextActionOn ?? '');
    setSaving(true);
    setStatusError(null);
    setDateError(null);
    try {
      const saved = await changeInquiryStatus(inquiry, {
        to: dateOnly ? inquiry.status : statusDraft.to,
        reason,
        ...(dateChanged ? { nextActionOn: statusDraft.nextActionOn === '' ? null : statusDraft.nextActionOn } : {}),
      });
      setStatusBase(saved.inquiry);
      setStatusDraft(statusDraftOf(saved.inquiry));
      setAskReason(null);
      setNotice(
        saved.inquiry.status !== inquiry.status
          ? `状況を「${inquiryStatusLabels[saved.inquiry.status]}」に変更しました。`
          : '次回対応日を変更しました。',
      );
      // The button pressed was disabled while saving, which drops focus to the page: keep it in the dialog.
      document.getElementById('status-to')?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        setAskReason(null);
        await showStatusConflict(inquiry, statusDraft);
      } else if (error instanceof ApiError && error.fields.reason) {
        setAskReason({ error: error.fields.reason });
      } else if (error instanceof ApiError && error.fields.nextActionOn) {
        setAskReason(null);
        setDateError(error.fields.nextActionOn);
      } else {
        setAskReason(null);
        setStatusError(errorMessageOf(error, '状況を変更できませんでした。もう一度お試しください。'));
      }
    } finally {
      setSaving(false);
    }
  };

  /** The 状況 change was refused because the inquiry changed: show what changed since the form took it. */
  const showStatusConflict = async (was: Inquiry, draft: StatusDraft) => {
    try {
      const { inquiry: current } = await queryClient.fetchQuery({ ...queries.inquiry(was.id), staleTime: 0 });
      const base = recordAsText(was);
      const now = recordAsText(current);
      // What the user chose stands beside the newer record, so the refusal shows what was not saved.
      const mine = { ...base, status: draft.to, nextActionOn: draft.nextActionOn };
      setStatusConflict({ current, changes: fieldChanges(recordFields, base, now, mine) });
    } catch {
      setStatusError(conflictMessages.loadFailed);
    }
  };

  const submitStatus = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (!inquiry || !statusDraft || saving) return;
    setNotice(null);
    const dateChanged = statusDraft.nextActionOn !== (inquiry.nextActionOn ?? '');
    if (statusDraft.to === inquiry.status && !dateChanged) {
      setStatusError('変更後の状況か次回対応日を選んでから「状況を変更」を押してください。');
      return;
    }
    if (statusChangeNeedsReason(inquiry.status, statusDraft.to)) {
      setAskReason({ error: null });
      return;
    }
    void applyStatus('');
  };

  const submitDateOnly = () => {
    if (!inquiry || !statusDraft || saving) return;
    setNotice(null);
    if (statusDraft.nextActionOn === (inquiry.nextActionOn ?? '')) {
      setDateError('新しい次回対応日を選んでから「次回対応日だけ変更」を押してください');
      return;
    }
    void applyStatus('', true);
  };

  const needsReason = inquiry && statusDraft ? statusChangeNeedsReason(inquiry.status, statusDraft.to) : false;

  const requestClose = async () => {
    if (saving) return;
    if (pendingChange && !(await askConfirm({ message: '選んだ状況の変更はまだ反映されていません。変更せずに閉じますか？', confirmLabel: '変更せずに閉じる', cancelLabel: '戻る' }))) return;
    onClose();
  };

  return (
    <>
      <dialog
        ref={dialogRef}
        className="form-dialog records-dialog detail-dialog"
        aria-labelledby="inquiry-detail-title"
        onCancel={(e) => {
          e.preventDefault();
          void requestClose();
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape' && !isComposing(e)) {
            e.preventDefault();
            void requestClose();
          }
        }}
      >
        <div className="detail-header">
          <h2 id="inquiry-detail-title" className="dialog-title">
            <span className="detail-kind">問い合わせ</span>{' '}
            <span className="receipt-number">{inquiry ? inquiry.receiptNumber : '読み込み中…'}</span>
          </h2>
          <button ref={closeButton} type="button" className="button" onClick={() => void requestClose()}>
            閉じる
          </button>
        </div>
        {loadError && (
          <p role="alert" className="message message-error">
            {loadError}
          </p>
        )}
        <p role="status" className={notice ? 'message message-success' : 'message-empty'}>
          {notice}
        </p>
        {detail && <SameReceiptNotice others={detail.sameReceiptNumber} onOpen={(id) => (id === openedFrom ? void requestClose() : setOtherId(id))} />}
        {inquiry && detail && statusDraft && (
          <>
            <div className="detail-columns">
              <section aria-labelledby="inquiry-detail-fields" className="detail-section">
                <h3 id="inquiry-detail-fields" className="section-title">
                  登録内容
                </h3>
                <dl className="info-list detail-list">
                  <dt>医療機関</dt>
                  <dd>{detail.inquiry.clinicName}</dd>
                  <dt>状況</dt>
                  <dd>
                    <StatusBadge status={detail.inquiry.status} />
                  </dd>
                  <dt>受付日</dt>
                  <dd>{formatDate(detail.inquiry.receivedOn, style)}</dd>
                  <dt>経路</dt>
                  <dd>{inquiryChannelLabels[detail.inquiry.channel]}</dd>
                  <dt>次回対応日</dt>
                  <dd>
                    <NextActionDate inquiry={detail.inquiry} today={today} />
                  </dd>
                  <dt>担当者</dt>
                  <dd>{detail.inquiry.staffName ?? <span className="text-muted">未定</span>}</dd>
                  <dt>内容</dt>
                  <dd className="content-text">{detail.inquiry.content || <span className="text-muted">（記入なし）</span>}</dd>
                </dl>
                <div className="actions">
                  <button type="button" className="button" onClick={() => setEditing(true)}>
                    内容を編集
                  </button>
                </div>
              </section>
              <section aria-labelledby="inquiry-status-title" className="detail-section status-section">
                <h3 id="inquiry-status-title" className="section-title">
                  状況の変更
                </h3>
                <form noValidate onSubmit={submitStatus}>
                  <FormField
                    id="status-to"
                    label="変更後の状況"
                    hint={needsReason ? '前の段階に戻す・見送りから再開するときは、理由の入力が必要です' : '新規 → 資料送付済 → 見積提示済 → 申込 → 成約（見送りはいつでも）'}
                  >
                    {(control) => (
                      <select
                        {...control}
                        value={statusDraft.to}
                        onChange={(e) => {
                          const to = e.target.value as InquiryStatus;
                          setStatusError(null);
                          setStatusDraft((d) =>
                            d && {
                              ...d,
                              to,
                              // A finished inquiry has nothing to follow up, unless the clerk chose a date.
                              nextActionOn: finished.includes(to) && !d.dateTouched ? '' : d.dateTouched ? d.nextActionOn : (inquiry.nextActionOn ?? ''),
                            },
                          );
                        }}
                      >
                        {inquiryStatuses.map((s) => (
                          <option key={s} value={s}>
                            {s === inquiry.status ? `${inquiryStatusLabels[s]}（現在）` : inquiryStatusLabels[s]}
                          </option>
                        ))}
                      </select>
                    )}
                  </FormField>
                  <NextActionField
                    id="status-next-action-on"
                    label="次回対応日"
                    value={statusDraft.nextActionOn}
                    today={today}
                    error={dateError ?? undefined}
                    onChange={(value) => {
                      setStatusError(null);
                      setDateError(null);
                      setStatusDraft((d) => d && { ...d, nextActionOn: value, dateTouched: true });
                    }}
                  />
                  <div className="actions">
                    <button type="button" className="button" disabled={saving} onClick={submitDateOnly}>
                      次回対応日だけ変更
                    </button>
                  </div>
                  {changedElsewhere && pendingChange && statusConflict === null && (
                    <p role="status" className="message message-info">
                      {conflictMessages.changedWhileEditing}
                    </p>
                  )}
                  {statusConflict && (
                    <ConflictPanel
                      changes={statusConflict.changes}
                      label={(field) => inquiryFieldLabels[field]}
                      show={(field, value) =>
                        field === 'status'
                          ? inquiryStatusLabels[value as InquiryStatus]
                          : field === 'channel'
                            ? inquiryChannelLabels[value as InquiryChannel]
                            : value
                      }
                      onReload={() => {
                        setStatusBase(statusConflict.current);
                        setStatusDraft(statusDraftOf(statusConflict.current));
                        setStatusConflict(null);
                        setNotice(conflictMessages.reloaded);
                      }}
                      onReapply={() => {
                        // The chosen 状況 and date stay; they now apply to the inquiry as it is.
                        setStatusBase(statusConflict.current);
                        setStatusConflict(null);
                        setNotice(conflictMessages.reapplied);
                      }}
                    />
                  )}
                  {statusError && (
                    <p role="alert" className="message message-error">
                      {statusError}
                    </p>
                  )}
                  <button type="submit" className="button button-primary" disabled={saving}>
                    {saving ? '変更しています…' : '状況を変更'}
                  </button>
                </form>
              </section>
            </div>
            {/* The way to 申込 and 成約 first, then the records each step is made of. */}
            <InquiryChecklist inquiryId={detail.inquiry.id} checklist={detail.checklist} today={today} />
            <IntentSection inquiryId={detail.inquiry.id} clinicId={detail.inquiry.clinicId} archived={detail.inquiry.archivedAt !== null} />
            <SavedQuotesSection inquiryId={detail.inquiry.id} />
            <ImportantMattersSection inquiryId={detail.inquiry.id} clinicId={detail.inquiry.clinicId} />
            <InsurerConsentSection consent={detail.inquiry.insurerConsent} />
            <InquiryFollowUps key={detail.inquiry.id} inquiry={detail.inquiry} followUps={detail.followUps} today={today} />
            <DocumentOutputHistory inquiryId={detail.inquiry.id} />
            <section aria-labelledby="inquiry-history-title" className="detail-section">
              <h3 id="inquiry-history-title" className="section-title">
                変更の履歴
              </h3>
              <div className="table-scroll">
                <table className="data-table history-table">
                  <caption className="visually-hidden">状況の変更の履歴</caption>
                  <thead>
                    <tr>
                      <th scope="col">日時</th>
                      <th scope="col">変更</th>
                      <th scope="col">担当者</th>
                      <th scope="col">理由</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...detail.history].reverse().map((h, i) => (
                      <tr key={`${h.changedAt}-${i}`}>
                        <td className="nowrap">{formatDateTime(h.changedAt, style)}</td>
                        <td>
                          {h.from === null ? (
                            <>登録（{inquiryStatusLabels[h.to]}）</>
                          ) : (
                            <span className="nowrap">
                              {inquiryStatusLabels[h.from]} → {inquiryStatusLabels[h.to]}
                            </span>
                          )}
                        </td>
                        <HistoryActorCell entry={h} />
                        <td className="content-text">{h.reason || <span className="text-muted">—</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        )}
      </dialog>
      {editing && detail && (
        <InquiryFormDialog
          clinic={{ id: detail.inquiry.clinicId, name: detail.inquiry.clinicName }}
          inquiry={detail.inquiry}
          onClose={(saved) => {
            setEditing(false);
            if (saved) {
              setNotice('問い合わせの内容を保存しました。');
              // Our own edit (a 担当 changed after a refusal, say): a 状況 chosen stays chosen and now
              // applies to the inquiry as saved, rather than meeting it as someone else's change.
              setStatusBase(saved.inquiry);
            }
          }}
        />
      )}
      {otherId && <InquiryDetailDialog inquiryId={otherId} openedFrom={inquiryId} onClose={() => setOtherId(null)} />}
      {askReason && inquiry && statusDraft && (
        <StatusReasonDialog
          from={inquiry.status}
          to={statusDraft.to}
          error={askReason.error}
          saving={saving}
          onConfirm={(reason) => void applyStatus(reason)}
          onCancel={() => setAskReason(null)}
        />
      )}
    </>
  );
}
