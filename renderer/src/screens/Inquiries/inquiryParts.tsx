import { inquiryStatusLabels, type Inquiry, type InquiryStatus } from '../../../../shared/domain/inquiry.ts';
import { addBusinessDays, isAgencyOpen, nextOpenDay } from '../../../../shared/time/businessDays.ts';
import { addDays, isDateOnly, type DateOnly } from '../../../../shared/time/tokyoDate.ts';
import { formatDateWithWeekday, useDateStyle } from '../../format/formatDate.ts';
import { useSettings } from '../../query/useSharedReads.ts';
import { FormField } from '../../components/FormField.tsx';
import '../../styles/records.css';

/** Enter and Esc belong to the IME while it converts text: one helper for the whole app. */
export { isComposing } from '../../components/ModalDialog.tsx';

/** Follow-ups still to do: 成約 and 見送り are finished, whatever date they carry. */
const closedStatuses: readonly InquiryStatus[] = ['contracted', 'declined'];

export type DueState = 'overdue' | 'today' | null;

export function dueState(inquiry: Pick<Inquiry, 'nextActionOn' | 'status'>, today: DateOnly): DueState {
  if (!inquiry.nextActionOn || closedStatuses.includes(inquiry.status)) return null;
  if (inquiry.nextActionOn < today) return 'overdue';
  return inquiry.nextActionOn === today ? 'today' : null;
}

export function StatusBadge({ status }: { status: InquiryStatus }) {
  return <span className={`status-badge status-${status}`}>{inquiryStatusLabels[status]}</span>;
}

/** 次回対応日 with a 期限切れ / 本日 mark that is read out too, not only coloured. */
export function NextActionDate({ inquiry, today }: { inquiry: Pick<Inquiry, 'nextActionOn' | 'status'>; today: DateOnly }) {
  const style = useDateStyle();
  if (!inquiry.nextActionOn) return <span className="text-muted">なし</span>;
  const due = dueState(inquiry, today);
  return (
    <span className="next-action">
      {due === 'overdue' && <span className="due-mark due-overdue">期限切れ</span>}
      {due === 'today' && <span className="due-mark due-today">本日</span>}
      <span className="nowrap">{formatDateWithWeekday(inquiry.nextActionOn, style)}</span>
    </span>
  );
}

/** Whether the settings are known and no staff member is chosen for this machine. */
export function useNoCurrentStaff(): boolean {
  const { settings } = useSettings();
  return settings !== null && settings.currentStaffId === null;
}

interface NextActionFieldProps {
  id: string;
  label: string;
  value: string;
  today: DateOnly;
  error?: string | undefined;
  onChange(value: string): void;
}

/**
 * 次回対応日: a date input with one-click suggestions counted in business days, so a follow-up
 * never lands on a weekend, a holiday or the year-end closing (12/29–1/3).
 */
export function NextActionField({ id, label, value, today, error, onChange }: NextActionFieldProps) {
  const style = useDateStyle();
  const suggestions: { label: string; date: DateOnly | '' }[] = [
    { label: '今日', date: today },
    { label: '翌営業日', date: addBusinessDays(today, 1) },
    { label: '3営業日後', date: addBusinessDays(today, 3) },
    { label: '1週間後', date: nextOpenDay(addDays(today, 7)) },
    { label: 'なし', date: '' },
  ];
  const valid = isDateOnly(value);
  return (
    <FormField id={id} label={label} error={error}>
      {(control) => (
        <>
          <div className="date-row">
            <input {...control} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
            <span className="date-readout" aria-live="polite">
              {valid ? formatDateWithWeekday(value, style) : '指定なし'}
              {valid && !isAgencyOpen(value) && <span className="closed-day">（休業日）</span>}
            </span>
          </div>
          <div className="suggestions" role="group" aria-label={`${label}の候補`}>
            {suggestions.map((s) => (
              <button
                key={s.label}
                type="button"
                className="chip"
                aria-pressed={value === s.date}
                title={s.date ? formatDateWithWeekday(s.date, style) : '次回対応日を空にします'}
                onClick={() => onChange(s.date)}
              >
                {s.label}
              </button>
            ))}
          </div>
        </>
      )}
    </FormField>
  );
}
