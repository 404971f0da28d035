import { qualificationExpiresSoon, solicitorReasonText, solicitorStatus } from '../../../../shared/domain/solicitor.ts';
import type { Staff } from '../../../../shared/domain/staff.ts';
import { formatDate, tokyoToday } from '../../../../shared/time/tokyoDate.ts';

/** The 募集人 cell of the staff list: a solicitor today (with the ID), or why not; a warning 60 days before the qualification ends. */
export function SolicitorCell({ staff }: { staff: Staff }) {
  const today = tokyoToday();
  const verdict = solicitorStatus(staff, today);
  if (!verdict.ok) return <td className="text-muted">募集人ではありません（{solicitorReasonText(staff, verdict.reason)}）</td>;
  return (
    <td>
      募集人（ID：{staff.solicitorId}）
      {qualificationExpiresSoon(staff, today) && (
        <span className="message-inline-warning"> 資格の有効期限 {formatDate(staff.qualificationExpiresOn ?? '')} が近づいています</span>
      )}
    </td>
  );
}

/** Above the list: who can solicit today, and whose qualification ends within 60 days (time to renew). */
export function SolicitorSummary({ staff }: { staff: readonly Staff[] }) {
  const today = tokyoToday();
  const active = staff.filter((s) => s.active);
  const solicitors = active.filter((s) => solicitorStatus(s, today).ok);
  const expiring = solicitors.filter((s) => qualificationExpiresSoon(s, today));
  if (active.length === 0) return null;
  return (
    <div className="solicitor-summary">
      <p>
        今日、募集人として担当できる人：{solicitors.length === 0 ? 'いません（見積提示済以降の担当にできる人がいません）' : solicitors.map((s) => s.name).join('、')}
      </p>
      {expiring.length > 0 && (
        <p role="status" className="message message-info">
          60日以内に資格の有効期限が来る人：{expiring.map((s) => `${s.name}（${formatDate(s.qualificationExpiresOn ?? '')}まで）`).join('、')}。更新の手続きを確かめてください。
        </p>
      )}
    </div>
  );
}
