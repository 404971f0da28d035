import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { fieldMessages } from '../../../../shared/contract/issues.ts';
import {
  clinicFieldLabels,
  clinicInputSchema,
  clinicKindLabels,
  clinicKinds,
  type ClinicKind,
} from '../../../../shared/domain/clinic.ts';
import { ApiError } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { useClinicsStore } from '../../stores/clinicsStore.ts';

interface Draft {
  name: string;
  nameKana: string;
  kind: ClinicKind;
  phone: string;
}
type FieldName = keyof Draft;

const emptyDraft: Draft = { name: '', nameKana: '', kind: 'clinic_no_beds', phone: '' };
const fieldOrder: FieldName[] = ['name', 'nameKana', 'kind', 'phone'];
const titleId = 'clinic-form-title';

/** Enter and Esc belong to the IME while it converts text (keyCode 229 covers older engines). */
function isComposing(e: KeyboardEvent): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

/**
 * 医療機関の新規登録: a modal dialog. Enter saves and Esc cancels, except while composing;
 * the same schema as the main process checks the input before it is sent.
 */
export function ClinicFormDialog({ onClose }: { onClose: () => void }) {
  const createClinic = useClinicsStore((s) => s.createClinic);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const controls = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLSelectElement | null>>>({});

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    controls.current.name?.focus();
    return () => dialog.close();
  }, []);

  const isDirty = fieldOrder.some((field) => draft[field] !== emptyDraft[field]);

  const requestCancel = () => {
    if (saving) return;
    if (isDirty && !window.confirm('入力した内容は保存されていません。入力をやめて閉じますか？')) return;
    onClose();
  };

  const update = (field: FieldName, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (fieldErrors[field]) setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
  };

  const showFieldErrors = (fields: Record<string, string>) => {
    const known: Partial<Record<FieldName, string>> = {};
    for (const field of fieldOrder) if (fields[field]) known[field] = fields[field];
    setFieldErrors(known);
    const first = fieldOrder.find((field) => known[field]);
    if (first) controls.current[first]?.focus();
    return first !== undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setGeneralError(null);
    const parsed = clinicInputSchema.safeParse(draft);
    if (!parsed.success) {
      showFieldErrors(fieldMessages(parsed.error));
      return;
    }
    setSaving(true);
    try {
      await createClinic(parsed.data);
      onClose();
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && showFieldErrors({ ...error.fields })) {
        setGeneralError('入力内容に誤りがあります。各項目の下のメッセージを確認してください。');
      } else {
        setGeneralError(error instanceof ApiError ? error.message : '保存できませんでした。もう一度お試しください。');
      }
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="form-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Esc is handled in onKeyDown; this catches other close requests so unsaved input is asked about.
        e.preventDefault();
        requestCancel();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !isComposing(e)) {
          e.preventDefault();
          requestCancel();
        }
      }}
    >
      <form
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          // Enter that confirms an IME conversion must not also submit the form.
          if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
        }}
      >
        <h2 id={titleId} className="dialog-title">
          医療機関の新規登録
        </h2>
        {generalError && (
          <p role="alert" className="message message-error">
            {generalError}
          </p>
        )}
        <FormField id="clinic-name" label={clinicFieldLabels.name} required error={fieldErrors.name}>
          {(control) => (
            <input
              {...control}
              ref={(el) => {
                controls.current.name = el;
              }}
              type="text"
              autoComplete="off"
              maxLength={200}
              value={draft.name}
              onChange={(e) => update('name', e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="clinic-name-kana"
          label={clinicFieldLabels.nameKana}
          hint="ひらがな・カタカナのどちらでもかまいません"
          error={fieldErrors.nameKana}
        >
          {(control) => (
            <input
              {...control}
              ref={(el) => {
                controls.current.nameKana = el;
              }}
              type="text"
              autoComplete="off"
              maxLength={200}
              value={draft.nameKana}
              onChange={(e) => update('nameKana', e.target.value)}
            />
          )}
        </FormField>
        <FormField id="clinic-kind" label={clinicFieldLabels.kind} error={fieldErrors.kind}>
          {(control) => (
            <select
              {...control}
              ref={(el) => {
                controls.current.kind = el;
              }}
              value={draft.kind}
              onChange={(e) => update('kind', e.target.value)}
            >
              {clinicKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {clinicKindLabels[kind]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="clinic-phone" label={clinicFieldLabels.phone} hint="例：099-254-8126" error={fieldErrors.phone}>
          {(control) => (
            <input
              {...control}
              ref={(el) => {
                controls.current.phone = el;
              }}
              type="tel"
              autoComplete="off"
              maxLength={30}
              value={draft.phone}
              onChange={(e) => update('phone', e.target.value)}
            />
          )}
        </FormField>
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? '保存しています…' : '保存'}
          </button>
          <button type="button" className="button" onClick={requestCancel} disabled={saving}>
            キャンセル
          </button>
        </div>
      </form>
    </dialog>
  );
}
