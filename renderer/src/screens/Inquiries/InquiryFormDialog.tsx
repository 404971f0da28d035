import { useMemo, useState, type FormEvent } from 'react';
import type { InquiryDetail } from '../../../../shared/contract/channels.ts';
import { fieldMessages } from '../../../../shared/contract/issues.ts';
import {
  inquiryChannelLabels,
  inquiryChannels,
  inquiryFieldLabels,
  inquiryInputSchema,
  type InquiryChannel,
  type InsurerConsent,
} from '../../../../shared/domain/inquiry.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { retentionMessages } from '../../../../shared/messages/retentionMessages.ts';
import { StaffOptions, solicitorHint } from './StaffChoice.tsx';
import { ApiError } from '../../api/ApiError.ts';
import { queries } from '../../query/queries.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { OpenedRecordNotices } from '../../components/OpenedRecordNotices.tsx';
import { useOpenedRecord } from '../../components/useOpenedRecord.ts';
import { FormField } from '../../components/FormField.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useUnsavedChanges } from '../../components/useUnsavedChanges.ts';
import { createInquiry, updateInquiry } from './inquiryWrites.ts';
import { useSettings, useStaff } from '../../query/useSharedReads.ts';
import { isComposing, NextActionField, useNoCurrentStaff } from './inquiryParts.tsx';
import { InsurerConsentField } from './InsurerConsentField.tsx';
import { askConfirm } from '../../stores/confirmStore.ts';
import { NewCallerClinicFields, useNewCallerClinic } from './NewCallerClinic.tsx';

interface Draft {
  receivedOn: string;
  channel: InquiryChannel;
  content: string;
  nextActionOn: string;
  /** null: not chosen yet, so this machine's staff member (from 設定) applies. */
  staffId: string | null;
  insurerConsent: InsurerConsent;
}
type FieldName = keyof Draft;
const fieldOrder: FieldName[] = ['receivedOn', 'channel', 'content', 'nextActionOn', 'staffId', 'insurerConsent'];

export interface InquiryFormDialogProps {
  /** 'new': a caller not yet on file, whose clinic is registered with the inquiry. */
  clinic: { id: string; name: string } | 'new';
  /** Given: edit this inquiry. Absent: register a new one for the clinic. */
  inquiry?: InquiryDetail['inquiry'];
  /** The saved inquiry with its history, or null when cancelled. */
  onClose: (saved: InquiryDetail | null) => void;
}

type Inquiry = InquiryDetail['inquiry'];

/** The draft with every field as text, to compare field by field ('' for 担当者 not chosen). */
function asText(draft: Draft): Record<FieldName, string> {
  return { ...draft, staffId: draft.staffId ?? '' };
}

function draftOf(inquiry: InquiryDetail['inquiry'] | undefined, today: string): Draft {
  if (!inquiry) return { receivedOn: today, channel: 'counter', content: '', nextActionOn: '', staffId: null, insurerConsent: 'unknown' };
  return {
    receivedOn: inquiry.receivedOn,
    channel: inquiry.channel,
    content: inquiry.content,
    nextActionOn: inquiry.nextActionOn ?? '',
    staffId: inquiry.staffId ?? '',
    insurerConsent: inquiry.insurerConsent,
  };
}

/**
 * 問い合わせを登録 / 問い合わせの編集: a modal dialog. Enter in a one-line field saves, Enter in 内容
 * starts a new line, Ctrl+Enter saves from anywhere; Esc cancels (asking first if something was typed).
 * Nothing reacts to Enter or Esc while the IME is converting.
 */
export function InquiryFormDialog({ clinic: given, inquiry, onClose }: InquiryFormDialogProps) {
  // A caller not yet on file may turn out to be a clinic on file (the duplicate warning): the inquiry goes to it.
  const [taken, setTaken] = useState<{ id: string; name: string } | null>(null);
  const clinic = given === 'new' ? taken : given;
  const currentStaffId = useSettings().settings?.currentStaffId ?? null;
  const staff = useStaff().items;
  const noCurrentStaff = useNoCurrentStaff();
  const today = useMemo(() => tokyoToday(), []);
  const editing = inquiry !== undefined;

  const [initial, setInitial] = useState<Draft>(() => draftOf(inquiry, today));
  const [draft, setDraft] = useState<Draft>(initial);
  // The settings may arrive after the dialog opened, so the default is read at each render.
  const staffId = draft.staffId ?? currentStaffId ?? '';
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Active staff, plus whoever is on the record now even if made inactive since.
  const staffOptions = staff.filter((s) => s.active || s.id === staffId);

  const isDirty = fieldOrder.some((field) =>
    field === 'staffId' ? staffId !== (initial.staffId ?? currentStaffId ?? '') : draft[field] !== initial[field],
  );
  // Back/Forward in the preview must ask too, not only Esc and キャンセル.
  useUnsavedChanges(isDirty && !saving);

  const newCaller = useNewCallerClinic({
    active: clinic === null,
    onSaved: (detail) => onClose(detail),
    showInquiryErrors: (fields) => void showFieldErrors({ ...fields }),
  });
  const busy = saving || newCaller.form.busy;
  const anyDirty = isDirty || newCaller.form.dirty;

  // Someone else may save this inquiry while the form is open (see useOpenedRecord).
  const record = useOpenedRecord({
    current: inquiry ?? null,
    fields: fieldOrder,
    toText: (i: Inquiry) => asText(draftOf(i, today)),
    mine: asText({ ...draft, staffId }),
    dirty: isDirty,
    busy: saving,
    load: async (id) => (await queryClient.fetchQuery({ ...queries.inquiry(id), staleTime: 0 })).inquiry,
    take: (taken, text) => {
      setInitial(draftOf(taken, today));
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

  const change = (field: FieldName, value: string) => {
    record.clearNote();
    setDraft((d) => ({ ...d, [field]: value }));
    if (fieldErrors[field]) setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
  };

  const focusField = (field: FieldName) => {
    const id =
      field === 'channel' ? `inquiry-channel-${draft.channel}` : field === 'insurerConsent' ? `inquiry-consent-${draft.insurerConsent}` : `inquiry-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    document.getElementById(id)?.focus();
  };

  const showFieldErrors = (fields: Record<string, string>) => {
    const known: Partial<Record<FieldName, string>> = {};
    for (const field of fieldOrder) if (fields[field]) known[field] = fields[field];
    setFieldErrors(known);
    const first = fieldOrder.find((field) => known[field]);
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
      await newCaller.submit(parsed.data);
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
        {clinic === null && <NewCallerClinicFields form={newCaller.form} onUseExisting={setTaken} />}
        <div className="form-grid">
          <FormField id="inquiry-received-on" label={inquiryFieldLabels.receivedOn} required error={fieldErrors.receivedOn}>
            {(control) => (
              <input {...control} autoFocus={given !== 'new'} type="date" value={draft.receivedOn} onChange={(e) => change('receivedOn', e.target.value)} />
            )}
          </FormField>
          <FormField id="inquiry-staff-id" label={inquiryFieldLabels.staffId} hint={solicitorHint(inquiry?.status ?? 'new') ?? undefined} error={fieldErrors.staffId}>
            {(control) => (
              <select {...control} value={staffId} onChange={(e) => change('staffId', e.target.value)}>
                <option value="">（選ばない）</option>
                <StaffOptions staff={staffOptions} status={inquiry?.status ?? 'new'} today={today} chosenId={initial.staffId ?? ''} />
              </select>
            )}
          </FormField>
        </div>
        <fieldset
          className={fieldErrors.channel ? 'field radio-field field-invalid' : 'field radio-field'}
          aria-describedby={fieldErrors.channel ? 'inquiry-channel-error' : undefined}
        >
          <legend>{inquiryFieldLabels.channel}</legend>
          <div className="radio-row">
            {inquiryChannels.map((c) => (
              <label key={c} className="radio-option">
                <input
                  id={`inquiry-channel-${c}`}
                  type="radio"
                  name="inquiry-channel"
                  value={c}
                  checked={draft.channel === c}
                  onChange={() => change('channel', c)}
                />
                {inquiryChannelLabels[c]}
              </label>
            ))}
          </div>
          {fieldErrors.channel && (
            <p id="inquiry-channel-error" className="field-error">
              {fieldErrors.channel}
            </p>
          )}
        </fieldset>
        <FormField
          id="inquiry-content"
          label={inquiryFieldLabels.content}
          notice={retentionMessages.noPatientData}
          hint="Enterで改行、Ctrl+Enterで保存します"
          error={fieldErrors.content}
        >
          {(control) => (
            <textarea
              {...control}
              rows={5}
              maxLength={4000}
              value={draft.content}
              onChange={(e) => change('content', e.target.value)}
            />
          )}
        </FormField>
        <InsurerConsentField value={draft.insurerConsent} error={fieldErrors.insurerConsent} onChange={(value) => change('insurerConsent', value)} />
        <NextActionField
          id="inquiry-next-action-on"
          label={inquiryFieldLabels.nextActionOn}
          value={draft.nextActionOn}
          today={today}
          error={fieldErrors.nextActionOn}
          onChange={(value) => change('nextActionOn', value)}
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
