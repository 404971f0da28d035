import type { ContentImportPreview } from '../../../../shared/content/contentImport.ts';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';

const yen = new Intl.NumberFormat('ja-JP');
const amount = (value: number) => `${yen.format(value)}円`;

/**
 * A new rate table beside the one in force, before it is installed: the monthly figures, and
 * what the new table states besides (annual figure, the plans' 支払限度額, 有効期限), so staff
 * check each against the insurer's document. A column the table leaves empty is not shown.
 */
export function RatePreviewTable({ preview }: { preview: Extract<ContentImportPreview, { kind: 'rates' }> }) {
  const dateStyle = useDateStyle();
  const has = (key: 'newAnnualYen' | 'liabilityLimitYen' | 'responseCostLimitYen') => preview.rows.some((r) => r[key] !== null);
  const extra = [
    { key: 'newAnnualYen', label: '新しい年間保険料' },
    { key: 'liabilityLimitYen', label: '損害賠償の支払限度額' },
    { key: 'responseCostLimitYen', label: '事故対応特別費用の支払限度額' },
  ] as const;
  const shown = extra.filter((column) => has(column.key));
  return (
    <>
      <table className="data-table">
        <caption>
          今の保険料表「{preview.currentVersion}」と新しい保険料表「{preview.version}」（月額・12回払）
        </caption>
        <thead>
          <tr>
            <th scope="col">種別</th>
            <th scope="col">プラン</th>
            <th scope="col">今の月額</th>
            <th scope="col">新しい月額</th>
            {shown.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r, i) => (
            <tr key={i}>
              <td>{r.kindLabel}</td>
              <td>{r.planName}</td>
              <td className="number">{r.currentYen === null ? '—' : `${amount(r.currentYen)}${preview.currentStatus === 'sample' ? '（見本）' : ''}`}</td>
              <td className="number">{amount(r.newYen)}</td>
              {shown.map((column) => {
                const value = r[column.key];
                return (
                  <td key={column.key} className="number">
                    {value === null ? '—' : amount(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">
        {preview.quoteValidUntil ? `試算の有効期限：${formatDate(preview.quoteValidUntil, dateStyle)}` : '試算の有効期限：この保険料表にはありません（試算に有効期限は表示されません）'}
      </p>
    </>
  );
}
