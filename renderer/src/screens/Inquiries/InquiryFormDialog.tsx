import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { ChannelInput, InquiryDetail } from '../../../../shared/contract/channels.ts';
import { fieldMessages } from '../../../../shared/contract/issues.ts';
import { inquiryChannelLabels, inquiryFieldLabels, inquiryInputSchema, type InquiryChannel, type InsurerConsent } from '../../../../shared/domain/inquiry.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { retentionMessages } from '../../../../shared/messages/retentionMessages.ts';
import { ApiError } from '../../api/ApiError.ts';
import { queries } from '../../query/queries.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { OpenedRecordNotices } from '../../components/OpenedRecordNotices.tsx';
import { useOpenedRecord } from '../../components/useOpenedRecord.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useUnsavedChanges } from '../../components/useUnsavedChanges.ts';
import { createInquiry, updateInquiry } from './inquiryWrites.ts';
import { useSettings, useStaff } from '../../query/useSharedReads.ts';
import { isComposing, useNoCurrentStaff } from './inquiryParts.tsx';
import { askConfirm } from '../../stores/confirmStore.ts';
import {
  inquiryControlId,
  inquiryDraftAsText,
  inquiryDraftOf,
  inquiryFieldOrder,
  type InquiryDraft,
  type InquiryFieldErrors,
  type InquiryFieldName,
} from './inquiryDraft.ts';
import { InquiryFormFields } from './InquiryFormFields.tsx';

/** The inquiry's fields once checked, as they are saved with a new caller's clinic. */
export type NewCallerInquiry = ChannelInput<'inquiries.createWithClinic'>['inquiry'];

/**
 * A caller not yet on file (NewCallerInquiryDialog): the clinic's own fields, shown above the
 * inquiry's, and saving both in one call.
 */
export interface ClinicSection {
  fields: ReactNode;
  busy: boolean;
  dirty: boolean;
  /** Checks the clinic, then saves it with the inquiry; the core's messages about the inquiry's own fields go to showInquiryErrors. */
  save(inquiry: NewCallerInquiry, showInquiryErrors: (fields: Readonly<Record<string, string>>) => void): Promise<void>;
}

export type InquiryFormDialogProps = (
  | { clinic: { id: string; name: string }; clinicSection?: undefined }
  /** null: a new caller, whose clinic is registered with the inquiry through clinicSection. */
  | { clinic: null; clinicSection: ClinicSection }
) & {
  /** Given: edit this inquiry. Absent: register a new one for the clinic. */
  inquiry?: InquiryDetail['inquiry'];
  /** The saved inquiry with its history, or null when cancelled. */
  onClose: (saved: InquiryDetail | null) => void;
};

type Inquiry = InquiryDetail['inquiry'];

/**
 * 問い合わせを登録 / 問い合わせの編集: a modal dialog. Enter in a one-line field saves, Enter in 内容
 * starts a new line, Ctrl+Enter saves from anywhere; Esc cancels (asking first if something was typed).
 * Nothing reacts to Enter or Esc while the IME is converting.
 */
export function InquiryFormDialog({ clinic, clinicSection, inquiry, onClose }: InquiryFormDialogProps) {
  const currentStaffId = useSettings().settings?.currentStaffId ?? null;
  const staff = useStaff().items;
  const noCurrentStaff = useNoCurrentStaff();
  const today = useMemo(() => tokyoToday(), []);
  const editing = inquiry !== undefined;

  const [initial, setInitial] = useState<InquiryDraft>(() => inquiryDraftOf(inquiry, today));
  const [draft, setDraft] = useState<InquiryDraft>(initial);
  // The settings may arrive after the dialog opened, so the default is read at each render.
  const staffId = draft.staffId ?? currentStaffId ?? '';
  const [fieldErrors, setFieldErrors] = useState<InquiryFieldErrors>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Active staff, plus whoever is on the record now even if made inactive since.
  const staffOptions = staff.filter((s) => s.active || s.id === staffId);

  const isDirty = inquiryFieldOrder.some((field) =>
    field === 'staffId' ? staffId !== (initial.staffId ?? currentStaffId ?? '') : draft[field] !== initial[field],
  );
  // Back/Forward in the preview must ask too, not only Esc and キャンセル.
  useUnsavedChanges(isDirty && !saving);

  const busy = saving || (clinicSection?.busy ?? false);
  const anyDirty = isDirty || (clinicSection?.dirty ?? false);

  // Someone else may save this inquiry while the form is open (see useOpenedRecord).
  const record = useOpenedRecord({
    current: inquiry ?? null,
    fields: inquiryFieldOrder,
    toText: (i: Inquiry) => inquiryDraftAsText(inquiryDraftOf(i, today)),
    mine: inquiryDraftAsText({ ...draft, staffId }),
    dirty: isDirty,
    busy: saving,
    load: async (id) => (await queryClient.fetchQuery({ ...queries.inquiry(id), staleTime: 0 })).inquiry,
    take: (taken, text) => {
      setInitial(inquiryDraftOf(taken, today));
      setDraft({ ...text, channel: text.channel as InquiryChannel, insurerConsent: text.insurerConsent as InsurerConsent });
      setFieldErrors({});
    },
  });
  const { opened } = record;

  const requestCancel = async () => {
    if (busy) return;
    if (anyDirty && !(await askConfirm({ message: '入力した内容は保存されていません。入力をやめて閉じますか？', confirmLabel: '入力をやめて閉じる', cancelLabel: '入力に戻る' }))) return;
    onClose(null);
  };

  const change = (field: InquiryFieldName, value: string) => {
    record.clearNote();
    setDraft((d) => ({ ...d, [field]: value }));
    if (fieldErrors[field]) setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
  };

  const focusField = (field: InquiryFieldName) => document.getElementById(inquiryControlId(field, draft))?.focus();

  const showFieldErrors = (fields: Record<string, string>) => {
    const known: InquiryFieldErrors = {};
    for (const field of inquiryFieldOrder) if (fields[field]) known[field] = fields[field];
    setFieldErrors(known);
    const first = inquiryFieldOrder.find((field) => known[field]);
    if (first) focusField(first);
    return first !== undefined;
  };

  const staffName = (id: string) => staff.find((s) => s.id === id)?.name ?? id;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    e?.stopPropagation();
    if (busy) return;
    setGeneralError(null);
    if (draft.receivedOn === '') {
      showFieldErrors({ receivedOn: '受付日を入力してください' });
      return;
    }
    const parsed = inquiryInputSchema.omit({ clinicId: true }).safeParse({
      receivedOn: draft.receivedOn,
      channel: draft.channel,
      content: draft.content,
      nextActionOn: draft.nextActionOn === '' ? null : draft.nextActionOn,
      staffId: staffId === '' ? null : staffId,
      insurerConsent: draft.insurerConsent,
    });
    if (!parsed.success) {
      showFieldErrors(fieldMessages(parsed.error));
      return;
    }
    if (clinic === null) {
      await clinicSection.save(parsed.data, (fields) => void showFieldErrors({ ...fields }));
      return;
    }
    setSaving(true);
    try {
      const fields = parsed.data;
      const saved = opened !== null ? await updateInquiry(opened, fields) : await createInquiry({ clinicId: clinic.id, ...fields });
      onClose(saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT' && opened) {
        setGeneralError(await record.refused());
        setSaving(false);
        return;
      }
      setSaving(false);
      if (error instanceof ApiError && showFieldErrors({ ...error.fields })) {
        setGeneralError('入力内容に誤りがあります。各項目の下のメッセージを確認してください。');
      } else {
        setGeneralError(error instanceof ApiError ? error.message : '保存できませんでした。もう一度お試しください。');
      }
    }
  };

  return (
    <ModalDialog title={editing ? '問い合わせの編集' : '問い合わせを登録'} onRequestClose={() => void requestCancel()} className="records-dialog">
      <form
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          // Enter that confirms an IME conversion must not also save.
          if (isComposing(e)) {
            if (!(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
            return;
          }
          if (e.ctrlKey || e.metaKey) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <p className="dialog-context">
          <span className="dialog-context-label">医療機関</span>
          <strong>{clinic?.name ?? '新しく登録します'}</strong>
          {inquiry && (
            <>
              <span className="dialog-context-label">受付番号</span>
              <strong className="receipt-number-inline">{inquiry.receiptNumber}</strong>
            </>
          )}
        </p>
        {noCurrentStaff && !editing && (
          <p className="message message-info">
            この端末で対応する担当者がまだ選ばれていません。「設定」の「この端末で対応する担当者」で選ぶと、担当者が自動で入り、変更の記録にも残ります。
          </p>
        )}
        {generalError && (
          <p role="alert" className="message message-error">
            {generalError}
          </p>
        )}
        <OpenedRecordNotices
          record={record}
          label={(field) => inquiryFieldLabels[field]}
          show={(field, value) =>
            field === 'channel'
              ? inquiryChannelLabels[value as InquiryChannel]
              : field === 'staffId'
                ? staffName(value)
                : field === 'insurerConsent'
                  ? retentionMessages.consentLabels[value as InsurerConsent]
                  : value
          }
          onSettled={() => focusField('receivedOn')}
        />
        {clinicSection?.fields}
        <InquiryFormFields
          draft={draft}
          staffId={staffId}
          initialStaffId={initial.staffId ?? ''}
          staffOptions={staffOptions}
          inquiry={inquiry}
          today={today}
          errors={fieldErrors}
          focusFirst={clinic !== null}
          change={change}
        />
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? '保存しています…' : '保存'}
          </button>
          <button type="button" className="button" onClick={() => void requestCancel()} disabled={busy}>
            キャンセル
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
