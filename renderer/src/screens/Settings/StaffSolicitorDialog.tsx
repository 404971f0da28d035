import { useState, type FormEvent } from 'react';
import { staffSolicitorInputSchema, type Staff } from '../../../../shared/domain/staff.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { ModalDialog, isComposing } from '../../components/ModalDialog.tsx';
import { saveStaffSolicitor } from './staffWrites.ts';

type Field = 'solicitorId' | 'notifiedOn' | 'qualification' | 'qualificationExpiresOn';
const fields: { name: Field; label: string; hint?: string; type: 'text' | 'date' }[] = [
  { name: 'solicitorId', label: '募集人ID', hint: '損保協会から通知された募集人IDです（英数字）。', type: 'text' },
  { name: 'notifiedOn', label: '届出日', hint: '保険会社を通じて募集人として届け出た日です。', type: 'date' },
  { name: 'qualification', label: '資格', hint: '例：損害保険募集人一般試験（基礎単位・損保商品単位）', type: 'text' },
  { name: 'qualificationExpiresOn', label: '資格の有効期限', hint: 'この日まで有効として扱います。', type: 'date' },
];

/** 募集人の登録: a staff member's 募集人ID, 届出日, 資格 and its expiry; a blank field clears it. */
export function StaffSolicitorDialog({ staff, onDone }: { staff: Staff; onDone(message: string | null): void }) {
  const [values, setValues] = useState<Record<Field, string>>({
    solicitorId: staff.solicitorId ?? '',
    notifiedOn: staff.notifiedOn ?? '',
    qualification: staff.qualification ?? '',
    qualificationExpiresOn: staff.qualificationExpiresOn ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const parsed = staffSolicitorInputSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setSaving(true);
    try {
      const saved = await saveStaffSolicitor(staff, values);
      onDone(`「${saved.name}」さんの募集人の登録を保存しました。`);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^solicitor\./, ''), v])));
      } else setGeneral(errorMessageOf(error, '保存できませんでした。もう一度お試しください。'));
    }
  };

  return (
    <ModalDialog title={`「${staff.name}」さんの募集人の登録`} onRequestClose={() => onDone(null)}>
      <form
        noValidate
        onSubmit={(e) => void save(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
        }}
      >
        <p className="section-lead">募集人IDと届出日があり、資格の有効期限が切れていない人だけが、見積提示済以降の問い合わせの担当になれます。</p>
        <div className="form-grid">
          {fields.map((f, index) => (
            <FormField key={f.name} id={`staff-solicitor-${f.name}`} label={f.label} hint={f.hint} error={errors[f.name]}>
              {(control) => (
                <input
                  {...control}
                  // Opening the dialog is a deliberate step, so its first field takes focus.
                  autoFocus={index === 0}
                  type={f.type}
                  autoComplete="off"
                  maxLength={f.name === 'qualification' ? 100 : 40}
                  value={values[f.name]}
                  onChange={(e) => {
                    setValues({ ...values, [f.name]: e.target.value });
                    if (errors[f.name]) setErrors({ ...errors, [f.name]: undefined });
                  }}
                />
              )}
            </FormField>
          ))}
        </div>
        {general && (
          <p role="alert" className="message message-error">
            {general}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            保存
          </button>
          <button type="button" className="button" disabled={saving} onClick={() => onDone(null)}>
            キャンセル
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
