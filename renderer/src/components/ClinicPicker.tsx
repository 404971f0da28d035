import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { limits } from '../../../shared/contract/limits.ts';
import { clinicKindLabels, type Clinic } from '../../../shared/domain/clinic.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { queries } from '../query/queries.ts';
import { isComposing } from './ModalDialog.tsx';
import { useTypeAhead } from './useTypeAhead.ts';
import { formatCount } from '../format/formatNumber.ts';

export interface ClinicPickerHandle {
  focus(): void;
}

/**
 * ふりがな, 種別, 電話番号 and 送付不要 (mailings leave it out): the line wraps between them; 種別 and the
 * number are kept whole, a long ふりがな wraps inside itself rather than push the list wider than the window.
 */
export function ClinicMeta({ clinic, className }: { clinic: Clinic; className: string }) {
  return (
    <span className={className}>
      {clinic.nameKana && <span className="picker-meta-kana">{clinic.nameKana}</span>}
      <span className="picker-meta-part">{clinicKindLabels[clinic.kind]}</span>
      {clinic.phone && <span className="picker-meta-part tel">{clinic.phone}</span>}
      {clinic.noMailing && <span className="picker-meta-part">送付不要</span>}
    </span>
  );
}

export interface ClinicPickerProps {
  clinic: Clinic | null;
  onChoose(clinic: Clinic): void;
  onClear(): void;
  /** Suggestions shown at once. */
  limit: number;
  /** e.g. 医療機関 or 医療機関（任意） */
  label: string;
  hint: string;
  describedBy?: string | undefined;
  ref?: Ref<ClinicPickerHandle>;
}

/**
 * 医療機関 from the records, searched as the clerk types (never while the IME converts). Arrow
 * keys move through the suggestions, Enter chooses, Esc closes them.
 */
export function ClinicPicker({ clinic, onChoose, onClear, limit, label, hint, describedBy, ref }: ClinicPickerProps) {
  const [query, setQuery] = useState('');
  // What was last searched: the box may already hold newer text.
  const [searched, setSearched] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  const found = useQuery({
    ...queries.clinicSearch({ query: searched, limit, includeArchived: false }),
    enabled: searched !== '',
    placeholderData: keepPreviousData,
  });
  const result = searched !== '' && found.data ? found.data : null;
  const error = searched !== '' && found.error ? errorMessageOf(found.error, '医療機関を検索できませんでした。') : null;
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listId = `${baseId}-list`;
  const hintId = `${baseId}-hint`;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  useImperativeHandle(ref, () => ({
    focus() {
      (inputRef.current ?? changeRef.current)?.focus();
    },
  }));

  const search = (text: string) => {
    const q = text.trim();
    setSearched(q);
    setActive(-1);
    setOpen(q !== '');
  };

  const typeAhead = useTypeAhead(search);

  const choose = (picked: Clinic) => {
    onChoose(picked);
    setQuery('');
    setSearched('');
    setOpen(false);
    // The input goes away; the way to change the choice takes the focus.
    requestAnimationFrame(() => changeRef.current?.focus());
  };

  const change = () => {
    onClear();
    requestAnimationFrame(() => inputRef.current?.focus());
  };

  if (clinic) {
    return (
      <div className="clinic-picker" role="group" aria-labelledby={`${baseId}-label`}>
        <p id={`${baseId}-label`} className="picker-label">
          {label}
        </p>
        <div className="picker-chosen">
          <div>
            <p className="picker-chosen-name">{clinic.name}</p>
            <p>
              <ClinicMeta clinic={clinic} className="picker-chosen-meta" />
            </p>
          </div>
          <button ref={changeRef} type="button" className="button" onClick={change}>
            選び直す
          </button>
        </div>
      </div>
    );
  }

  const items = result?.items ?? [];
  const expanded = open && result !== null;
  return (
    <div className="clinic-picker">
      <label htmlFor={inputId} className="picker-label">
        {label}
      </label>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      <div className="picker-box">
        <input
          ref={inputRef}
          id={inputId}
          type="search"
          role="combobox"
          autoComplete="off"
          maxLength={limits.maxQueryChars}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            typeAhead.typed(e);
          }}
          {...typeAhead.compositionHandlers}
          onKeyDown={(e) => {
            if (isComposing(e)) return;
            if (e.key === 'ArrowDown' && items.length > 0) {
              e.preventDefault();
              setOpen(true);
              setActive((i) => (i + 1) % items.length);
            } else if (e.key === 'ArrowUp' && items.length > 0) {
              e.preventDefault();
              setOpen(true);
              setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              const picked = expanded && active >= 0 ? items[active] : undefined;
              if (picked) choose(picked);
              else typeAhead.runNow(query);
            } else if (e.key === 'Escape' && expanded) {
              e.preventDefault();
              setOpen(false);
            }
          }}
          onBlur={(e) => {
            if (!e.currentTarget.parentElement?.contains(e.relatedTarget)) setOpen(false);
          }}
          onFocus={() => result && setOpen(true)}
        />
        <p className="visually-hidden" aria-live="polite">
          {expanded ? `医療機関の候補${formatCount(items.length)}` : ''}
        </p>
        <div className="picker-popup" hidden={!expanded}>
          {result && (
            <p className="picker-count">
              「{result.query}」：{result.capped ? `${formatCount(result.total)}以上` : formatCount(result.total)}
              {result.total > items.length && `（上位${items.length}件を表示）`}
            </p>
          )}
          <ul id={listId} role="listbox" aria-label="医療機関の候補" className="picker-options">
            {items.map((item, index) => (
              <li
                key={item.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'picker-option is-active' : 'picker-option'}
                // Keep the focus in the input so the list does not close before the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(item)}
              >
                <span className="picker-name">{item.name}</span>
                <ClinicMeta clinic={item} className="picker-meta" />
              </li>
            ))}
          </ul>
          {result && items.length === 0 && (
            <p className="picker-empty">該当する医療機関はありません。「医療機関」画面で登録できます。</p>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
