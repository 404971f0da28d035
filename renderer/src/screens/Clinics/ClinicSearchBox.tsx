import { useQuery } from '@tanstack/react-query';
import { limits } from '../../../../shared/contract/limits.ts';
import { clinicKindLabels, clinicKinds, type ClinicKind } from '../../../../shared/domain/clinic.ts';
import { useTypeAhead } from '../../components/useTypeAhead.ts';
import { isComposing } from '../../components/ModalDialog.tsx';
import { formatNumber } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { useClinicsStore } from '../../stores/clinicsStore.ts';

/**
 * Searches as the user types. While an IME composition is open the text is still being converted
 * (most Japanese typing), so nothing is searched until the composition ends.
 */
export function ClinicSearchBox() {
  const query = useClinicsStore((s) => s.query);
  const includeArchived = useClinicsStore((s) => s.includeArchived);
  const setQuery = useClinicsStore((s) => s.setQuery);
  const setIncludeArchived = useClinicsStore((s) => s.setIncludeArchived);
  const kind = useClinicsStore((s) => s.kind);
  const setKind = useClinicsStore((s) => s.setKind);
  const municipality = useClinicsStore((s) => s.municipality);
  const setMunicipality = useClinicsStore((s) => s.setMunicipality);
  const municipalities = useQuery(queries.clinicMunicipalities()).data ?? [];
  const search = useClinicsStore((s) => s.search);
  // The store searches for the text it holds, so the text itself is not passed on.
  const typeAhead = useTypeAhead(() => search());

  return (
    <div className="search-box">
      <label htmlFor="clinic-search">検索</label>
      <div className="search-row">
        <input
          id="clinic-search"
          type="search"
          value={query}
          maxLength={limits.maxQueryChars}
          autoComplete="off"
          placeholder="例：かごしま、0995123456"
          aria-describedby="clinic-search-hint"
          onChange={(e) => {
            setQuery(e.target.value);
            typeAhead.typed(e);
          }}
          {...typeAhead.compositionHandlers}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !isComposing(e)) typeAhead.runNow(query);
          }}
        />
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={includeArchived}
            onChange={(e) => {
              typeAhead.cancel();
              setIncludeArchived(e.target.checked);
            }}
          />
          アーカイブを表示
        </label>
        <label className="inline-select">
          種別
          <select
            value={kind ?? ''}
            onChange={(e) => {
              typeAhead.cancel();
              setKind(e.target.value === '' ? null : (e.target.value as ClinicKind));
            }}
          >
            <option value="">すべて</option>
            {clinicKinds.map((k) => (
              <option key={k} value={k}>
                {clinicKindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-select">
          市町村
          <select
            value={municipality ?? ''}
            onChange={(e) => {
              typeAhead.cancel();
              setMunicipality(e.target.value === '' ? null : e.target.value);
            }}
          >
            <option value="">すべて</option>
            {/* A chosen one stays listed after its last clinic moved away, so the choice can be seen and undone. */}
            {municipality && !municipalities.some((m) => m.name === municipality) && <option value={municipality}>{municipality}（0件）</option>}
            {municipalities.map((m) => (
              <option key={m.name} value={m.name}>
                {`${m.name}（${formatNumber(m.count)}件）`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id="clinic-search-hint" className="field-hint">
        医療機関名・ふりがな・電話番号・住所・会員番号の一部で探せます（半角カナ、ハイフンなしの番号も可）
      </p>
    </div>
  );
}
