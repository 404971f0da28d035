import { useEffect, useRef } from 'react';
import { limits } from '../../../../shared/contract/limits.ts';
import { useClinicsStore } from '../../stores/clinicsStore.ts';

/** Long enough to skip the keystrokes in the middle of a word, short enough to feel immediate. */
const searchDelayMs = 250;

/**
 * Searches as the user types. While an IME composition is open the text is still being converted
 * (most Japanese typing), so nothing is searched until the composition ends.
 */
export function ClinicSearchBox() {
  const query = useClinicsStore((s) => s.query);
  const includeArchived = useClinicsStore((s) => s.includeArchived);
  const setQuery = useClinicsStore((s) => s.setQuery);
  const setIncludeArchived = useClinicsStore((s) => s.setIncludeArchived);
  const search = useClinicsStore((s) => s.search);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const scheduleSearch = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void search(), searchDelayMs);
  };

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
            if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) scheduleSearch();
          }}
          onCompositionStart={() => {
            composing.current = true;
            clearTimeout(timer.current);
          }}
          onCompositionEnd={() => {
            composing.current = false;
            scheduleSearch();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing && e.keyCode !== 229) {
              clearTimeout(timer.current);
              void search();
            }
          }}
        />
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={includeArchived}
            onChange={(e) => {
              clearTimeout(timer.current);
              setIncludeArchived(e.target.checked);
            }}
          />
          アーカイブを表示
        </label>
      </div>
      <p id="clinic-search-hint" className="field-hint">
        医療機関名・ふりがな・電話番号・住所・会員番号の一部で探せます（半角カナ、ハイフンなしの番号も可）
      </p>
    </div>
  );
}
