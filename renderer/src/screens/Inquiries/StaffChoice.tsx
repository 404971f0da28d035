import type { InquiryStatus } from '../../../../shared/domain/inquiry.ts';
import { solicitorReasonText, solicitorStatus } from '../../../../shared/domain/solicitor.ts';
import type { Staff } from '../../../../shared/domain/staff.ts';
import { solicitorMessages } from '../../../../shared/messages/solicitorMessages.ts';

const soliciting: ReadonlySet<InquiryStatus> = new Set(['quote_presented', 'applied', 'contracted']);

/**
 * The 担当 options: solicitors marked 「（募集人）」; at 見積提示済 or later (presenting a quote is
 * solicitation) the others cannot be chosen and say why. Whoever is on the record now stays listed.
 */
export function StaffOptions({ staff, status, today, chosenId }: { staff: readonly Staff[]; status: InquiryStatus; today: string; chosenId: string }) {
  return (
    <>
      {staff.map((s) => {
        const verdict = solicitorStatus(s, today);
        const blocked = !verdict.ok && soliciting.has(status) && s.id !== chosenId;
        const mark = verdict.ok ? solicitorMessages.solicitorMark : blocked ? `（選べません：${solicitorReasonText(s, verdict.reason)}）` : '';
        return (
          <option key={s.id} value={s.id} disabled={blocked}>
            {s.active ? `${s.name}${mark}` : `${s.name}（無効）${mark}`}
          </option>
        );
      })}
    </>
  );
}

/** The line under the 担当 list at 見積提示済 or later. */
export function solicitorHint(status: InquiryStatus): string | null {
  return soliciting.has(status) ? '見積提示済以降は、募集人として登録された担当者（「（募集人）」の付いた人）だけを選べます。' : null;
}
