import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Clinic } from '../../../../shared/domain/clinic.ts';
import { limits } from '../../../../shared/contract/limits.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { ClinicMeta } from '../../components/ClinicPicker.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { formatCount } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { useTypeAhead } from '../../components/useTypeAhead.ts';
import { isComposing } from './inquiryParts.tsx';

interface ClinicPickerDialogProps {
  onPick(clinic: Clinic): void;
  /** 「新しい医療機関として登録」: the caller is not on file yet; the clinic is registered with the inquiry, starting from the words searched. */
  onNewClinic(searched: string): void;
  onCancel(): void;
}

/**
 * 問い合わせを登録 from the 問い合わせ screen: first choose the clinic, or register the caller as a
 * new one. Searches as the user types, but not while the IME is still converting.
 */
export function ClinicPickerDialog({ onPick, onNewClinic, onCancel }: ClinicPickerDialogProps) {
  const [query, setQuery] = useState('');
  // The newest clinics on opening; later searches follow the typing.
  const [searched, setSearched] = useState('');
  const found = useQuery({
    ...queries.clinicSearch({ query: searched, limit: 20, includeArchived: false }),
    placeholderData: keepPreviousData,
  });
  const result = found.data ?? null;
  const error = found.error ? errorMessageOf(found.error, '医療機関を検索できませんでした。') : null;

  const typeAhead = useTypeAhead((text) => setSearched(text.trim()));

  return (
    <ModalDialog title="問い合わせを登録：医療機関を選ぶ" onRequestClose={onCancel} className="records-dialog picker-dialog">
      <div className="search-box">
        <label htmlFor="picker-clinic-search">医療機関を探す</label>
        <input
          id="picker-clinic-search"
          type="search"
          autoFocus
          autoComplete="off"
          maxLength={limits.maxQueryChars}
          value={query}
          aria-describedby="picker-clinic-search-hint"
          onChange={(e) => {
            setQuery(e.target.value);
            typeAhead.typed(e);
          }}
          {...typeAhead.compositionHandlers}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !isComposing(e)) {
              e.preventDefault();
              typeAhead.runNow(query);
            }
          }}
        />
        <p id="picker-clinic-search-hint" className="field-hint">
          医療機関名・ふりがな・電話番号の一部で探せます。まだ登録されていないときは「新しい医療機関として登録」から、問い合わせと一緒に登録できます。
        </p>
      </div>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {result && (
        <p className="result-count" aria-live="polite">
          {result.query ? `「${result.query}」の検索結果：` : '新しく登録した順：'}
          <strong>{result.capped ? `${formatCount(result.total)}以上` : formatCount(result.total)}</strong>
        </p>
      )}
      {result && result.items.length > 0 && (
        <ul className="picker-list" aria-label="医療機関の候補">
          {result.items.map((clinic) => (
            <li key={clinic.id}>
              <button type="button" className="picker-item" onClick={() => onPick(clinic)}>
                <span className="picker-name">{clinic.name}</span>
                <ClinicMeta clinic={clinic} className="picker-meta" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onNewClinic(query)}>
          新しい医療機関として登録
        </button>
        <button type="button" className="button" onClick={onCancel}>
          キャンセル
        </button>
      </div>
    </ModalDialog>
  );
}
