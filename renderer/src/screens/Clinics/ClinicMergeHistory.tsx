import { useQuery } from '@tanstack/react-query';
import type { ClinicMerge } from '../../../../shared/domain/clinicMerge.ts';
import { formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { formatCount } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { useClinicsStore } from '../../stores/clinicsStore.ts';
import { undoClinicMerge } from './clinicMergeWrites.ts';
import { askConfirm } from '../../stores/confirmStore.ts';

function undoQuestion(merge: ClinicMerge): string {
  return `「${merge.mergedName}」のまとめを取り消しますか？\n移した問い合わせと送付記録は「${merge.mergedName}」に戻り、この記録の値はまとめる前に戻ります。`;
}

/** The records merged into this one, each with 「まとめを取り消す」 while nothing has changed on this record since. */
export function ClinicMergeHistory({ clinicId }: { clinicId: string }) {
  const merges = useQuery(queries.clinicMerges(clinicId));
  const dateStyle = useDateStyle();
  const open = useClinicsStore((s) => s.open);
  const items = merges.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="clinic-merges" aria-labelledby="clinic-merges-title">
      <h3 id="clinic-merges-title">まとめた記録</h3>
      <ul className="merge-history">
        {items.map((merge) => (
          <li key={merge.id}>
            <p>
              <button type="button" className="link-button" onClick={() => open(merge.mergedId)}>
                {merge.mergedName}
              </button>
              を{formatDateTime(merge.createdAt, dateStyle)}にまとめました（問い合わせ{formatCount(merge.moved.inquiries)}・送付記録
              {formatCount(merge.moved.documentOutputs)}を移動{merge.takenFields.length > 0 ? `、${merge.takenFields.join('・')}を採用` : ''}）
            </p>
            {merge.undoneAt !== null ? (
              <p className="field-hint">{formatDateTime(merge.undoneAt, dateStyle)}に取り消しました</p>
            ) : merge.undoable ? (
              <button type="button" className="button" onClick={() => void askConfirm({ message: undoQuestion(merge), confirmLabel: 'まとめを取り消す', cancelLabel: 'やめる' }).then((yes) => yes && undoClinicMerge(merge))}>
                まとめを取り消す
              </button>
            ) : (
              <p className="field-hint">まとめた後にこの記録が変更されたため、取り消せません</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On a record merged into another: where it went, in place of 復元. */
export function MergedIntoNote({ keptId }: { keptId: string }) {
  const kept = useQuery(queries.clinic(keptId));
  const open = useClinicsStore((s) => s.open);
  return (
    <div className="message message-info notice-line">
      <p>この記録は「{kept.data?.name ?? '…'}」にまとめられています。内容の確認や変更は、まとめ先の記録で行ってください。</p>
      <button type="button" className="button" onClick={() => open(keptId)}>
        まとめ先の記録を開く
      </button>
    </div>
  );
}
