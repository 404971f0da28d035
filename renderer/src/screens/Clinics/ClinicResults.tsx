import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { clinicKindLabels } from '../../../../shared/domain/clinic.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatNumber } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { clinicListLimit, useClinicsStore } from '../../stores/clinicsStore.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { ArchivedBadge } from './ArchivedBadge.tsx';

const switchQuestion = '入力した内容は保存されていません。保存せずに別の医療機関を開きますか？';

/** The count line, the list and the empty state for the current search. Choosing a row opens it. */
export function ClinicResults() {
  const searched = useClinicsStore((s) => s.searched);
  const includeArchived = useClinicsStore((s) => s.includeArchived);
  const kind = useClinicsStore((s) => s.kind);
  const openId = useClinicsStore((s) => s.openId);
  const open = useClinicsStore((s) => s.open);
  // The list on screen stays while the next search runs, so typing does not make it flicker.
  const found = useQuery({
    ...queries.clinicSearch({ query: searched, limit: clinicListLimit, includeArchived, ...(kind ? { kind } : {}) }),
    placeholderData: keepPreviousData,
  });
  const results = found.data ?? null;
  const resultsQuery = results?.query ?? '';
  const error = found.error ? errorMessageOf(found.error, '医療機関を検索できませんでした。') : null;
  const confirmDiscard = useUiStore((s) => s.confirmDiscard);

  if (error) {
    return (
      <p role="alert" className="message message-error">
        {error}
      </p>
    );
  }
  if (!results) {
    return <p className="result-count">{found.isFetching ? '検索しています…' : ''}</p>;
  }

  const choose = (id: string) => {
    if (id === openId || !confirmDiscard(switchQuestion)) return;
    open(id);
  };

  const { items, total, capped } = results;
  const countText = capped ? `${formatNumber(total)}件以上` : `${formatNumber(total)}件`;
  const partial = items.length < total;

  return (
    <>
      <p className="result-count" aria-live="polite">
        {resultsQuery ? `「${resultsQuery}」の検索結果：` : '新しく登録・更新した順：'}
        <strong>{countText}</strong>
        {kind && `（種別：${clinicKindLabels[kind]}）`}
        {includeArchived && '（アーカイブ済みを含む）'}
        {partial && `（先頭の${formatNumber(items.length)}件を表示しています。検索語で絞り込んでください）`}
      </p>
      {items.length === 0 ? (
        <p className="empty-state">
          {kind
            ? `種別が「${clinicKindLabels[kind]}」の医療機関${resultsQuery ? `で「${resultsQuery}」に一致するもの` : ''}はありません。`
            : resultsQuery
            ? `「${resultsQuery}」に一致する医療機関はありません。ふりがな・電話番号・住所・会員番号でも探してみてください。`
            : 'まだ医療機関が登録されていません。「新規登録」から登録してください。'}
        </p>
      ) : (
        <div className="table-scroll" data-clinic-list>
          <table className="data-table clinic-table" aria-label="医療機関の一覧">
            <thead>
              <tr>
                <th scope="col">医療機関名</th>
                <th scope="col" className="col-kana">
                  ふりがな
                </th>
                <th scope="col" className="col-kind">
                  種別
                </th>
                <th scope="col">電話番号</th>
              </tr>
            </thead>
            <tbody>
              {items.map((clinic) => {
                const selected = clinic.id === openId;
                const classes = [selected && 'row-selected', clinic.archivedAt && 'row-archived'].filter(Boolean).join(' ');
                return (
                  // The whole row answers a click; the name's button is the keyboard's way in.
                  <tr key={clinic.id} className={classes || undefined} onClick={() => choose(clinic.id)}>
                    <td>
                      <button
                        type="button"
                        className="row-link"
                        aria-current={selected ? 'true' : undefined}
                        onClick={(e) => {
                          e.stopPropagation();
                          choose(clinic.id);
                        }}
                      >
                        {clinic.name}
                      </button>
                      {clinic.archivedAt && <ArchivedBadge />}
                    </td>
                    <td className="col-kana">{clinic.nameKana}</td>
                    <td className={clinic.kind === 'unconfirmed' ? 'col-kind kind-unconfirmed' : 'col-kind'}>{clinicKindLabels[clinic.kind]}</td>
                    <td className="nowrap">{clinic.phone}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
