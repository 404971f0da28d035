import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { formatCount } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { usePrintBatchStore } from '../../stores/printBatchStore.ts';

/**
 * 選択中: how many clinics the mailing will be made for. The choice stays when the filters change
 * (clinics are picked across several searches), so a count that differs from the matches on screen
 * says how many chosen ones the filters no longer find, with a way to leave them out.
 */
export function BatchSelectionLine() {
  const searched = usePrintBatchStore((s) => s.searched);
  const filters = usePrintBatchStore((s) => s.filters);
  const selectedIds = usePrintBatchStore((s) => s.selectedIds);
  const keepOnly = usePrintBatchStore((s) => s.keepOnly);
  const matching = useQuery({ ...queries.mailingRecipientIds({ query: searched, ...filters }), enabled: selectedIds.length > 0 });
  const found = useMemo(() => (matching.data && !matching.data.capped ? new Set(matching.data.ids) : null), [matching.data]);
  const outside = found ? selectedIds.filter((id) => !found.has(id)).length : 0;

  return (
    <div className="print-batch-selection">
      <p role="status" className="print-batch-selected">
        選択中：<strong>{formatCount(selectedIds.length)}</strong>
        {outside > 0 && <span className="print-batch-outside">（うち{formatCount(outside)}は今の条件に当てはまりません）</span>}
      </p>
      {outside > 0 && found && (
        <button type="button" className="button button-small" onClick={() => keepOnly(found)}>
          当てはまらない{formatCount(outside)}を外す
        </button>
      )}
    </div>
  );
}
