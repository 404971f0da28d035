import { useState } from 'react';
import { errorMessageOf } from '../../api/ApiError.ts';
import { saveSettings, useSettings, useStaff } from '../../query/useSharedReads.ts';
import { CounterIdleField } from './CounterIdleField.tsx';

/** この端末で対応する担当者: filled in on new inquiries and recorded with every change. */
export function CurrentStaffSection() {
  const { settings } = useSettings();
  const staff = useStaff().items;
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const current = settings?.currentStaffId ?? '';
  const currentStaff = staff.find((s) => s.id === current);
  const options = staff.filter((s) => s.active || s.id === current);

  const choose = async (id: string) => {
    setSaving(true);
    setMessage(null);
    try {
      await saveSettings({ currentStaffId: id === '' ? null : id });
      const name = staff.find((s) => s.id === id)?.name;
      setMessage({ kind: 'success', text: name ? `この端末の担当者を「${name}」にしました。` : 'この端末の担当者を「選ばない」にしました。' });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessageOf(error, '保存できませんでした。もう一度お試しください。') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="settings-current-staff">
      <h2 id="settings-current-staff">この端末で対応する担当者</h2>
      <p className="section-lead">
        ここで選んだ人（画面右上の「対応者」と同じ）が、新しい問い合わせの担当者に最初から入り、状況の変更の記録に名前と募集人IDが残ります。交代したら選び直してください。
      </p>
      <div className="field settings-field">
        <label htmlFor="settings-current-staff-select">この端末で対応する担当者</label>
        <select
          id="settings-current-staff-select"
          value={current}
          disabled={settings === null || saving}
          aria-describedby={options.length === 0 ? 'settings-current-staff-empty' : undefined}
          onChange={(e) => void choose(e.target.value)}
        >
          <option value="">（選ばない）</option>
          {options.map((s) => (
            <option key={s.id} value={s.id}>
              {s.active ? s.name : `${s.name}（無効）`}
            </option>
          ))}
        </select>
      </div>
      {options.length === 0 && (
        <p id="settings-current-staff-empty" className="field-hint">
          先に上の「担当者」で名前を追加してください。
        </p>
      )}
      {currentStaff && !currentStaff.active && (
        <p className="message message-info">「{currentStaff.name}」さんは無効になっています。今対応している人を選び直してください。</p>
      )}
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
      <CounterIdleField />
    </section>
  );
}
