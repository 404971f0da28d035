import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Clinic } from '../../../../shared/domain/clinic.ts';
import { DocumentOutputHistory } from '../../components/DocumentOutputHistory.tsx';
import { errorMessageOf } from '../../api/ApiError.ts';
import { queries } from '../../query/queries.ts';
import { useClinicsStore } from '../../stores/clinicsStore.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { InquiryFormDialog } from '../Inquiries/InquiryFormDialog.tsx';
import { InquiryList } from '../Inquiries/InquiryList.tsx';
import { ArchivedBadge } from './ArchivedBadge.tsx';
import { SyncNoticeBadge } from '../../components/SyncNoticeBadge.tsx';
import { ClinicForm } from './ClinicForm.tsx';
import { restoreClinic, updateClinic } from './clinicWrites.ts';
import { ClinicMergeDialog } from './ClinicMergeDialog.tsx';
import { ClinicMergeHistory, MergedIntoNote } from './ClinicMergeHistory.tsx';
import { ClinicActions } from './ClinicActions.tsx';
import { ClinicRecordActions } from './ClinicRecordActions.tsx';
import { ClinicSummary } from './ClinicSummary.tsx';

const titleId = 'clinic-panel-title';

/**
 * The clinic chosen in the list: what to do with it, a read-only summary (編集 turns it into the
 * form, 保存 and キャンセル turn it back), アーカイブ and 復元, and its inquiries.
 */
export function ClinicPanel() {
  const openId = useClinicsStore((s) => s.openId);
  const open = useClinicsStore((s) => s.open);
  const close = useClinicsStore((s) => s.close);
  const record = useQuery({ ...queries.clinic(openId ?? ''), enabled: openId !== null });
  const clinic = openId !== null ? (record.data ?? null) : null;
  const loading = record.isPending;
  // A record already shown stays shown when a later read fails (the host restarting, say).
  const error = record.error && !clinic ? errorMessageOf(record.error, '医療機関の記録を読み込めませんでした。') : null;
  const unsaved = useUiStore((s) => s.unsavedForms.length > 0);
  const showNotice = useClinicsStore((s) => s.showNotice);
  const [inquiryFormOpen, setInquiryFormOpen] = useState(false);
  // 重複をまとめる, from the button or from the duplicate warning (with the other record chosen there).
  const [merging, setMerging] = useState<{ other: Clinic | null } | null>(null);
  // Unsaved input given up for a merge from the duplicate warning: the form starts again from the record.
  const [formGeneration, setFormGeneration] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const clinicId = clinic?.id;
  // The clinic being edited: another one chosen from the list opens as its summary.
  const [editingId, setEditingId] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const backToEdit = useRef(false);
  const editing = editingId !== null && editingId === clinicId && clinic?.archivedAt == null;

  // Leaving the form (保存, キャンセル, Esc, or for 重複をまとめる once its dialog closes) puts the
  // keyboard back on 編集, where it was, or on the clinic's name when the record was merged away.
  useEffect(() => {
    if (editing || merging !== null || !backToEdit.current) return;
    backToEdit.current = false;
    (editButton.current ?? heading.current)?.focus();
  }, [editing, merging]);

  // Archived, closed or replaced by another, the clinic comes back as its summary, not a form left open
  // (adjusted while rendering: https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  if (editingId !== null && (editingId !== clinicId || clinic?.archivedAt != null)) setEditingId(null);

  const leaveEdit = () => {
    backToEdit.current = true;
    setEditingId(null);
  };

  // Chosen from the list by keyboard: land on the clinic instead of in the middle of the list.
  useEffect(() => {
    if (clinicId && document.activeElement?.closest('[data-clinic-list]')) heading.current?.focus();
  }, [clinicId]);

  if (!openId) return null;

  const archived = clinic?.archivedAt != null;
  const mergedInto = clinic?.mergedInto ?? null;

  return (
    <section className="clinic-panel" aria-labelledby={titleId}>
      <div className="clinic-panel-header">
        <h2 id={titleId} ref={heading} tabIndex={-1} className="clinic-panel-title">
          {clinic?.name ?? (loading ? '読み込んでいます…' : '医療機関')}
        </h2>
        {clinic?.nameKana && <span className="clinic-panel-kana">{clinic.nameKana}</span>}
        {archived && <ArchivedBadge />}
      </div>
      {clinic && <SyncNoticeBadge recordId={clinic.id} />}
      {error && (
        <>
          <p role="alert" className="message message-error">
            {error}
          </p>
          <button type="button" className="button" onClick={close}>
            閉じる
          </button>
        </>
      )}
      {clinic && (
        <>
          <div className="clinic-toolbar">
            {!archived && <ClinicActions clinic={clinic} onRegisterInquiry={() => setInquiryFormOpen(true)} />}
            {!archived && !editing && (
              <ClinicRecordActions
                clinic={clinic}
                unsaved={unsaved}
                onMerge={() => setMerging({ other: null })}
                onEdit={() => setEditingId(clinic.id)}
                editRef={editButton}
              />
            )}
            {/* After the actions in the Tab order: 問い合わせを登録 is what the counter reaches for first. */}
            {!editing && (
              <button type="button" className="button button-small clinic-close" onClick={close}>
                閉じる
              </button>
            )}
          </div>
          {mergedInto !== null && <MergedIntoNote keptId={mergedInto} />}
          {archived && mergedInto === null && (
            // 復元 sits at the top, next to why the record cannot be changed.
            <div className="message message-info notice-line">
              <p>この医療機関はアーカイブされています。内容を変更するには、先に復元してください。</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  // The button goes away once restored; focus stays with the clinic, not lost to the page.
                  void restoreClinic(clinic).then((restored) => restored && heading.current?.focus());
                }}
              >
                復元
              </button>
            </div>
          )}
          {editing ? (
            <ClinicForm
              key={`${clinic.id}:${formGeneration}`}
              idPrefix="clinic-edit"
              clinic={clinic}
              autoFocus
              save={(input, opened) => updateClinic(opened ?? clinic, input)}
              onSaved={leaveEdit}
              onCancel={leaveEdit}
              onOpenExisting={open}
              onMergeWith={(other) => {
                setFormGeneration((n) => n + 1);
                setMerging({ other });
                leaveEdit();
              }}
              extraActions={<ClinicRecordActions clinic={clinic} unsaved={unsaved} onMerge={() => setMerging({ other: null })} />}
            />
          ) : (
            <ClinicSummary clinic={clinic} />
          )}
          <section className="clinic-inquiries" aria-labelledby="clinic-inquiries-title">
            <div className="section-header">
              <h3 id="clinic-inquiries-title">問い合わせ</h3>
            </div>
            <InquiryList clinicId={clinic.id} />
          </section>
          <DocumentOutputHistory clinicId={clinic.id} />
          <ClinicMergeHistory clinicId={clinic.id} />
          {merging && <ClinicMergeDialog clinic={clinic} initialOther={merging.other} onClose={() => setMerging(null)} />}
          {inquiryFormOpen && (
            <InquiryFormDialog
              clinic={{ id: clinic.id, name: clinic.name }}
              onClose={(saved) => {
                setInquiryFormOpen(false);
                if (saved) {
                  showNotice({ text: `${clinic.name}の問い合わせを登録しました（受付番号 ${saved.inquiry.receiptNumber}）`, kind: 'success' });
                }
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
