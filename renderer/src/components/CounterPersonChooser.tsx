import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Staff } from '../../../shared/domain/staff.ts';
import { solicitorStatus } from '../../../shared/domain/solicitor.ts';
import { solicitorMessages } from '../../../shared/messages/solicitorMessages.ts';
import { tokyoToday } from '../../../shared/time/tokyoDate.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { saveSettings } from '../query/useSharedReads.ts';
import { ModalDialog } from './ModalDialog.tsx';

/** Why the chooser opened: at the app's start, after a pause, or from the header. */
export type ChooserReason = 'start' | 'idle' | 'header';

const leads: Record<ChooserReason, string> = {
  start: 'この端末で今、窓口に対応している人を選んでください。状況の変更や書類の記録には、ここで選んだ人の名前と募集人IDが残ります。',
  idle: 'しばらく操作がなかったため、対応者を「未選択」にしました。続けて使う人を選んでください。',
  header: '今、窓口に対応している人を選んでください。交代したときは選び直してください。',
};

/**
 * 対応者を選ぶ: the active staff as radio buttons, focus on the one chosen (or the first), Enter
 * confirms. 「あとで」 leaves the counter 未選択 rather than keeping whoever was there before: a
 * record with no name is honest, one with the wrong name is not.
 */
export function CounterPersonChooser({ staff, currentId, reason, onClose }: { staff: readonly Staff[]; currentId: string | null; reason: ChooserReason; onClose(): void }) {
  const [chosen, setChosen] = useState<string>(currentId && staff.some((s) => s.id === currentId) ? currentId : (staff[0]?.id ?? ''));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const list = useRef<HTMLFieldSetElement>(null);
  const today = tokyoToday();

  useEffect(() => {
    const checked = list.current?.querySelector<HTMLInputElement>('input:checked') ?? list.current?.querySelector<HTMLInputElement>('input');
    checked?.focus();
  }, []);

  const save = async (id: string | null) => {
    if (saving) return;
    setSaving(true);
    try {
      await saveSettings({ currentStaffId: id });
      onClose();
    } catch (e) {
      setSaving(false);
      setError(errorMessageOf(e, '保存できませんでした。もう一度お試しください。'));
    }
  };

  const later = () => void save(null);

  return (
    <ModalDialog title="対応者を選ぶ" onRequestClose={reason === 'header' ? onClose : later} className="counter-chooser">
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save(chosen === '' ? null : chosen);
        }}
      >
        <p className="section-lead">{leads[reason]}</p>
        <fieldset ref={list} className="field radio-field counter-chooser-list">
          <legend>今対応している人</legend>
          {staff.map((s) => (
            <label key={s.id} className="radio-option">
              <input type="radio" name="counter-person" value={s.id} checked={chosen === s.id} onChange={() => setChosen(s.id)} />
              {s.name}
              {solicitorStatus(s, today).ok && <span className="text-muted">{solicitorMessages.solicitorMark}</span>}
            </label>
          ))}
        </fieldset>
        {error && (
          <p role="alert" className="message message-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={saving || chosen === ''}>
            この人で対応する
          </button>
          <button type="button" className="button" disabled={saving} onClick={later}>
            あとで（未選択にする）
          </button>
          {reason === 'header' && (
            <button type="button" className="button" disabled={saving} onClick={onClose}>
              キャンセル
            </button>
          )}
        </div>
      </form>
    </ModalDialog>
  );
}
