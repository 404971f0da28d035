import { clinicKindLabels, type ClinicKind } from '../../../../shared/domain/clinic.ts';

interface ListFilters {
  kind: ClinicKind | null;
  municipality: string | null;
}

/** What narrows the list, after its count: 「（種別：病院・市町村：霧島市）」. */
export function clinicListFilterText({ kind, municipality, includeArchived }: ListFilters & { includeArchived: boolean }): string {
  const parts = [kind && `種別：${clinicKindLabels[kind]}`, municipality && `市町村：${municipality}`].filter(Boolean);
  return `${parts.length > 0 ? `（${parts.join('・')}）` : ''}${includeArchived ? '（アーカイブ済みを含む）' : ''}`;
}

/** Why the list is empty, and what to try next. */
export function clinicListEmptyText({ query, kind, municipality }: ListFilters & { query: string }): string {
  if (kind || municipality) {
    const which = [kind && `種別が「${clinicKindLabels[kind]}」`, municipality && `市町村が「${municipality}」`].filter(Boolean).join('で');
    return `${which}の医療機関${query ? `で「${query}」に一致するもの` : ''}はありません。`;
  }
  if (query) return `「${query}」に一致する医療機関はありません。ふりがな・電話番号・住所・会員番号でも探してみてください。`;
  return 'まだ医療機関が登録されていません。「新規登録」から登録してください。';
}
