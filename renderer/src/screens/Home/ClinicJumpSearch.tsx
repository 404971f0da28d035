import { useState } from 'react';
import { limits } from '../../../../shared/contract/limits.ts';
import { useClinicsStore } from '../../stores/clinicsStore.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { isComposing } from '../Inquiries/inquiryParts.tsx';

/**
 * 医療機関を検索 from ホーム: Enter (or 検索) opens the 医療機関 screen with the words already
 * searched. The Enter that confirms an IME conversion does nothing here.
 */
export function ClinicJumpSearch() {
  const [query, setQuery] = useState('');
  const navigate = useUiStore((s) => s.navigate);

  const go = async () => {
    const clinics = useClinicsStore.getState();
    const { query: previousQuery, searched: previousSearched } = clinics;
    clinics.searchFor(query.trim());
    // The user may choose to stay (unsaved input elsewhere): then the 医療機関 search stays as it was.
    if (!(await navigate('clinics'))) useClinicsStore.setState({ query: previousQuery, searched: previousSearched });
  };

  return (
    <form
      role="search"
      className="search-box home-search"
      onSubmit={(e) => {
        e.preventDefault();
        void go();
      }}
    >
      <label htmlFor="home-clinic-search">医療機関を検索</label>
      <div className="home-search-row">
        <input
          id="home-clinic-search"
          type="search"
          value={query}
          maxLength={limits.maxQueryChars}
          autoComplete="off"
          aria-describedby="home-clinic-search-hint"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
          }}
        />
        <button type="submit" className="button button-primary">
          検索
        </button>
      </div>
      <p id="home-clinic-search-hint" className="field-hint">
        医療機関名・ふりがな・電話番号の一部で探せます
      </p>
    </form>
  );
}
