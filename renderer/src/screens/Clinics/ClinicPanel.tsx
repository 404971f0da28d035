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
import { archiveClinic, restoreClinic, updateClinic } from './clinicWrites.ts';
import { ClinicMergeDialog } from './ClinicMergeDialog.tsx';
import { ClinicMergeHistory, MergedIntoNote } from './ClinicMergeHistory.tsx';
import { askConfirm } from '../../stores/confirmStore.ts';
import { ClinicActions } from './ClinicActions.tsx';

const titleId = 'clinic-panel-title';

function archiveQuestion(clinic: Clinic, unsaved: boolean): string {
  return (
    `「${clinic.name}」をアーカイブしますか？\n` +
    '検索に表示されなくなります。記録は消えず、「アーカイブを表示」から開いて復元できます。' +
    (unsaved ? '\n\n保存していない変更は破棄されます。' : '')
  );
}

/** The clinic chosen in the list: its record (edit, アーカイブ, 復元) and its inquiries. */
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
          {!archived && <ClinicActions clinic={clinic} onRegisterInquiry={() => setInquiryFormOpen(true)} />}
          {mergedInto !== null && <MergedIntoNote keptId={mergedInto} />}
          {archived && mergedInto === null && (
            // 復元 sits at the top, next to why the form is locked, not below a long read-only form.
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
          <ClinicForm
            key={`${clinic.id}:${formGeneration}`}
            idPrefix="clinic-edit"
            clinic={clinic}
            readOnly={archived}
            save={(input, opened) => updateClinic(opened ?? clinic, input)}
            onCancel={close}
            onOpenExisting={open}
            onMergeWith={(other) => {
              setFormGeneration((n) => n + 1);
              setMerging({ other });
            }}
            extraActions={
              !archived && (
                <>
                  <button type="button" className="button" onClick={() => setMerging({ other: null })}>
                    重複をまとめる…
                  </button>
                  <button
                    type="button"
                    className="button button-danger"
                    onClick={() => {
                      void askConfirm({ message: archiveQuestion(clinic, unsaved), confirmLabel: 'アーカイブする', cancelLabel: 'やめる' }).then(
                        (yes) => yes && archiveClinic(clinic),
                      );
                    }}
                  >
                    アーカイブ
                  </button>
                </>
              )
            }
          />
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
