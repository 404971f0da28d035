import { useQuery } from '@tanstack/react-query';
import { clinicKindLabels, clinicKinds } from '../../../../shared/domain/clinic.ts';
import { clinicSituationLabels, clinicSituations } from '../../../../shared/domain/mailingRecipients.ts';
import { formatCount } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { usePrintBatchStore } from '../../stores/printBatchStore.ts';

/** Ticks a value in or out of a list, keeping the list's own order. */
function toggled<T>(all: readonly T[], chosen: readonly T[], value: T, on: boolean): T[] {
  return all.filter((v) => (v === value ? on : chosen.includes(v)));
}

/**
 * 一括作成's filters: 種別 and 状況 (none ticked: all), one 市町村 from those on record, and
 * 「まだ何も送っていない」 (nothing on the document trail). They combine with the words typed.
 */
export function MailingFilters() {
  const filters = usePrintBatchStore((s) => s.filters);
  const setFilters = usePrintBatchStore((s) => s.setFilters);
  const municipalities = useQuery(queries.clinicMunicipalities()).data ?? [];
  return (
    <div className="mailing-filters">
      <fieldset className="mailing-filter">
        <legend>種別</legend>
        {clinicKinds.map((kind) => (
          <label key={kind} className="mailing-filter-option">
            <input
              type="checkbox"
              checked={filters.kinds.includes(kind)}
              onChange={(e) => setFilters({ kinds: toggled(clinicKinds, filters.kinds, kind, e.target.checked) })}
            />
            {clinicKindLabels[kind]}
          </label>
        ))}
      </fieldset>
      <fieldset className="mailing-filter">
        <legend>状況（問い合わせから）</legend>
        {clinicSituations.map((situation) => (
          <label key={situation} className="mailing-filter-option">
            <input
              type="checkbox"
              checked={filters.situations.includes(situation)}
              onChange={(e) => setFilters({ situations: toggled(clinicSituations, filters.situations, situation, e.target.checked) })}
            />
            {clinicSituationLabels[situation]}
          </label>
        ))}
      </fieldset>
      <div className="mailing-filter mailing-filter-row">
        <label htmlFor="mailing-municipality">市町村</label>
        <select id="mailing-municipality" value={filters.municipality} onChange={(e) => setFilters({ municipality: e.target.value })}>
          <option value="">すべて</option>
          {municipalities.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}（{formatCount(m.count)}）
            </option>
          ))}
        </select>
        <label className="mailing-filter-option">
          <input type="checkbox" checked={filters.neverSent} onChange={(e) => setFilters({ neverSent: e.target.checked })} />
          まだ何も送っていない
        </label>
      </div>
      <p className="field-hint">種別・状況は、何も選ばなければすべてです。「まだ何も送っていない」は送付の記録がない医療機関です。</p>
    </div>
  );
}
