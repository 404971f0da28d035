import { clinicKindLabels } from '../../../../shared/domain/clinic.ts';
import { formatNumber } from '../../format/formatNumber.ts';
import { useClinicsStore } from '../../stores/clinicsStore.ts';

/** The count line, the list and the empty state for the current search. */
export function ClinicResults() {
  const results = useClinicsStore((s) => s.results);
  const resultsQuery = useClinicsStore((s) => s.resultsQuery);
  const loading = useClinicsStore((s) => s.loading);
  const error = useClinicsStore((s) => s.error);

  if (error) {
    return (
      <p role="alert" className="message message-error">
        {error}
      </p>
    );
  }
  if (!results) {
    return <p className="result-count">{loading ? '検索しています…' : ''}</p>;
  }

  const { items, total, capped } = results;
  const countText = capped ? `${formatNumber(total)}件以上` : `${formatNumber(total)}件`;
  const partial = items.length < total;

  return (
    <>
      <p className="result-count" aria-live="polite">
        {resultsQuery ? `「${resultsQuery}」の検索結果：` : '新しく登録した順：'}
        <strong>{countText}</strong>
        {partial && `（先頭の${formatNumber(items.length)}件を表示しています。検索語で絞り込んでください）`}
      </p>
      {items.length === 0 ? (
        <p className="empty-state">
          {resultsQuery
            ? `「${resultsQuery}」に一致する医療機関はありません。ふりがなや電話番号でも探してみてください。`
            : 'まだ医療機関が登録されていません。「新規登録」から登録してください。'}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table clinic-table" aria-label="医療機関の一覧">
            <thead>
              <tr>
                <th scope="col">医療機関名</th>
                <th scope="col">ふりがな</th>
                <th scope="col">種別</th>
                <th scope="col">電話番号</th>
              </tr>
            </thead>
            <tbody>
              {items.map((clinic) => (
                <tr key={clinic.id}>
                  <td>{clinic.name}</td>
                  <td>{clinic.nameKana}</td>
                  <td>{clinicKindLabels[clinic.kind]}</td>
                  <td className="nowrap">{clinic.phone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
