import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  bedCountProblem,
  clinicFieldLabels,
  clinicKindLabels,
  clinicKinds,
  type Clinic,
  type ClinicKind,
} from '../../../../shared/domain/clinic.ts';
import { clinicKindMessages } from '../../../../shared/messages/clinicKindMessages.ts';
import { parsePostalCode } from '../../../../shared/text/postalCode.ts';
import { ApiError } from '../../api/ApiError.ts';
import { OpenedRecordNotices } from '../../components/OpenedRecordNotices.tsx';
import { useOpenedRecord } from '../../components/useOpenedRecord.ts';
import { FormField, type FieldControlProps } from '../../components/FormField.tsx';
import { isComposing } from '../../components/ModalDialog.tsx';
import { useUnsavedChanges } from '../../components/useUnsavedChanges.ts';
import { queries } from '../../query/queries.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { findDuplicates, type CheckedClinicInput, type DuplicateMatch } from './clinicWrites.ts';
import {
  checkClinicDraft,
  clinicDraftFields,
  clinicToDraft,
  emptyClinicDraft,
  knownFieldErrors,
  readBedCount,
  sameDraft,
  type ClinicDraft,
  type ClinicDraftField,
  type ClinicFieldErrors,
} from './clinicDraft.ts';
import { DuplicateDialog } from './DuplicateDialog.tsx';

export const cancelQuestion = '入力した内容は保存されていません。入力をやめて閉じますか？';
const openExistingQuestion = '入力した内容は保存されていません。保存せずに既存の記録を開きますか？';
const mergeQuestion = '入力した内容は保存されていません。保存せずに、重複をまとめる手続きに進みますか？';
const invalidInputMessage = '入力内容に誤りがあります。各項目の下のメッセージを確認してください。';

interface ClinicFormProps {
  /** Prefix for element ids: the new-clinic dialog and the open clinic can be on the page together. */
  idPrefix: string;
  /**
   * The saved record being edited, as it is now (it may change while the form is open); null
   * registers a new clinic. The form keeps its own copy of the record as it was opened.
   */
  clinic: Clinic | null;
  /** Archived clinics are shown, not edited, until they are restored. */
  readOnly?: boolean;
  autoFocus?: boolean;
  /**
   * Writes checked input over the record as the form opened it (null: a new clinic); rejects
   * with ApiError (its `fields` are shown next to the fields; CONFLICT when the record changed since).
   */
  save: (input: CheckedClinicInput, opened: Clinic | null) => Promise<Clinic>;
  onSaved?: (clinic: Clinic) => void;
  /** キャンセル or Esc, once any unsaved input has been given up. */
  onCancel: () => void;
  /** 「既存の記録を開く」 in the duplicate warning, once any unsaved input has been given up. */
  onOpenExisting: (clinicId: string) => void;
  /** Buttons at the far end of the action bar (アーカイブ, 復元). */
  extraActions?: ReactNode;
  /** 「この記録とまとめる…」 in the duplicate warning of a saved record, once any unsaved input has been given up. */
  onMergeWith?: ((other: Clinic) => void) | undefined;
}

interface FormState {
  draft: ClinicDraft;
  /** What the last postal lookup put in 所在地: it may be replaced, anything typed may not. */
  autoAddress: string | null;
}

type Phase = 'idle' | 'checking' | 'saving';


/**
 * The clinic form shared by 新規登録 and the open clinic. Enter in a one-line field saves and Esc
 * cancels, never while the IME is composing; メモ takes Enter as a new line. Input is checked with
 * the same schema as the main process, and possible duplicates are shown before anything is saved.
 */
export function ClinicForm(props: ClinicFormProps) {
  const { idPrefix, clinic, readOnly = false, autoFocus = false, save, onSaved, onCancel, onOpenExisting, extraActions, onMergeWith } = props;
  const [baseline, setBaseline] = useState<ClinicDraft>(() => (clinic ? clinicToDraft(clinic) : emptyClinicDraft));
  const [form, setForm] = useState<FormState>({ draft: baseline, autoAddress: null });
  const [errors, setErrors] = useState<ClinicFieldErrors>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [postalNote, setPostalNote] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [duplicates, setDuplicates] = useState<{ matches: DuplicateMatch[]; input: CheckedClinicInput } | null>(null);
  // The postal code typed last (complete), and the one whose address was last put in 所在地.
  const [postalLookup, setPostalLookup] = useState('');
  const [postalApplied, setPostalApplied] = useState('');
  // The lookup only saves typing: when it fails, 所在地 is typed by hand.
  const postal = useQuery({ ...queries.postalAddress(postalLookup), enabled: postalLookup !== '' });
  const mounted = useRef(true);

  const { draft } = form;
  const dirty = !readOnly && !sameDraft(draft, baseline);
  useUnsavedChanges(dirty);

  // Someone else may save this record while the form is open (see useOpenedRecord).
  const record = useOpenedRecord({
    current: clinic,
    fields: clinicDraftFields,
    toText: clinicToDraft,
    mine: draft,
    dirty,
    busy: phase !== 'idle',
    // Read through the cache, so the panel and the list beside the form show it too.
    load: (id) => queryClient.fetchQuery({ ...queries.clinic(id), staleTime: 0 }),
    take: (taken, takenDraft) => {
      setBaseline(clinicToDraft(taken));
      setForm({ draft: { ...takenDraft, kind: takenDraft.kind as ClinicKind }, autoAddress: null });
      setErrors({});
    },
  });
  const { opened } = record;

  const fieldId = (field: ClinicDraftField) => `${idPrefix}-${field}`;
  const focusField = (field: ClinicDraftField) => document.getElementById(fieldId(field))?.focus();

  useEffect(() => {
    mounted.current = true;
    if (autoFocus) document.getElementById(`${idPrefix}-name`)?.focus();
    return () => {
      mounted.current = false;
    };
  }, [autoFocus, idPrefix]);

  // The 種別 rule is explained while typing, not only on save: it is the commonest slip.
  const beds = readBedCount(draft.bedCount);
  const bedProblem = typeof beds === 'number' ? bedCountProblem(draft.kind, beds) : undefined;
  const shownErrors: ClinicFieldErrors = { ...errors, ...(bedProblem ? { bedCount: bedProblem } : {}) };

  const update = (field: ClinicDraftField, value: string) => {
    record.clearNote();
    setForm((f) => ({ ...f, draft: { ...f.draft, [field]: value } }));
    // A changed 種別 makes an earlier 病床数 message stale too.
    const stale: ClinicDraftField[] = field === 'kind' ? ['kind', 'bedCount'] : [field];
    if (stale.some((name) => errors[name])) {
      setErrors((e) => {
        const next = { ...e };
        for (const name of stale) delete next[name];
        return next;
      });
    }
  };

  /** Checks one field when the user leaves it, so a phone number typo shows before 保存. */
  const checkOnBlur = (field: ClinicDraftField) => {
    if (draft[field].trim() === '') return;
    const check = checkClinicDraft(draft);
    const message = check.ok ? undefined : check.errors[field];
    if (message !== errors[field]) setErrors((e) => ({ ...e, [field]: message }));
  };

  const lookUpAddress = (text: string) => {
    const parsed = parsePostalCode(text);
    if (parsed.ok && parsed.value !== '') setPostalLookup(parsed.value);
  };

  // The answer for the code typed last fills 所在地 once; an answer for an older code never does.
  if (postalLookup !== '' && postalLookup !== postalApplied && postal.data !== undefined) {
    const address = postal.data;
    setPostalApplied(postalLookup);
    if (address === '') {
      setPostalNote('この郵便番号の住所は見つかりませんでした。所在地を入力してください');
    } else {
      setPostalNote(null);
      // Only an empty 所在地, or one this lookup filled before, is replaced: never what was typed.
      setForm((f) =>
        f.draft.address === '' || f.draft.address === f.autoAddress
          ? { draft: { ...f.draft, address }, autoAddress: address }
          : f,
      );
    }
  }

  const showErrors = (found: ClinicFieldErrors) => {
    setErrors(found);
    const first = clinicDraftFields.find((field) => found[field]);
    if (first) focusField(first);
    return first !== undefined;
  };

  const write = async (input: CheckedClinicInput) => {
    setPhase('saving');
    try {
      const saved = await save(input, opened);
      if (mounted.current) {
        // Show what was stored (099-254-8126, 890-0053), and start clean from it.
        const stored = clinicToDraft(saved);
        record.saved(saved);
        setBaseline(stored);
        setForm({ draft: stored, autoAddress: null });
        setErrors({});
        setPhase('idle');
      }
      onSaved?.(saved);
    } catch (error) {
      if (!mounted.current) return;
      if (error instanceof ApiError && error.code === 'CONFLICT' && opened) {
        const problem = await record.refused();
        if (!mounted.current) return;
        setPhase('idle');
        setGeneralError(problem);
        return;
      }
      setPhase('idle');
      if (error instanceof ApiError && showErrors(knownFieldErrors(error.fields))) setGeneralError(invalidInputMessage);
      else setGeneralError(error instanceof ApiError ? error.message : '保存できませんでした。もう一度お試しください。');
    }
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (phase !== 'idle' || readOnly) return;
    setGeneralError(null);
    const check = checkClinicDraft(draft);
    if (!check.ok) {
      showErrors(check.errors);
      setGeneralError(invalidInputMessage);
      return;
    }
    const { input } = check;
    // An edit that keeps name, phone and 会員番号 cannot create a new duplicate: no warning again.
    const identityChanged =
      !opened || input.name !== opened.name || input.phone !== opened.phone || input.memberNumber !== opened.memberNumber;
    if (identityChanged) {
      setPhase('checking');
      let matches: DuplicateMatch[] = [];
      try {
        matches = await findDuplicates(input, opened?.id);
      } catch {
        // The check only warns; the save below still reports a real problem (e.g. the host is gone).
      }
      if (!mounted.current) return;
      if (matches.length > 0) {
        setPhase('idle');
        setDuplicates({ matches, input });
        return;
      }
    }
    await write(input);
  };

  const requestCancel = () => {
    if (phase === 'saving') return;
    if (dirty && !window.confirm(cancelQuestion)) return;
    onCancel();
  };

  const openExisting = (clinicId: string) => {
    if (dirty && !window.confirm(openExistingQuestion)) return;
    setDuplicates(null);
    onOpenExisting(clinicId);
  };

  const busy = phase !== 'idle';
  const textInput =
    (name: ClinicDraftField, maxLength: number, inputMode?: 'numeric') =>
    (control: FieldControlProps) => (
      <input
        {...control}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        maxLength={maxLength}
        value={draft[name]}
        onChange={(e) => update(name, e.target.value)}
        onBlur={() => checkOnBlur(name)}
      />
    );

  const field = (name: ClinicDraftField, control: (c: FieldControlProps) => ReactNode, options: { hint?: string | undefined; required?: boolean } = {}) => (
    <FormField
      id={fieldId(name)}
      className={`clinic-field-${name}`}
      label={clinicFieldLabels[name]}
      required={options.required}
      hint={options.hint}
      error={shownErrors[name]}
    >
      {control}
    </FormField>
  );

  const addressHint =
    postalNote ??
    (form.autoAddress !== null && draft.address === form.autoAddress
      ? '郵便番号から入力しました。番地・建物名を続けて入力してください'
      : '郵便番号を入れると自動で入ります');

  return (
    <form
      noValidate
      className="clinic-form"
      aria-busy={busy}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && isComposing(e)) {
          // Enter that confirms an IME conversion must not also save (in メモ it is the IME's too).
          if (!(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
          return;
        }
        if (e.key === 'Escape' && !isComposing(e)) {
          e.preventDefault();
          e.stopPropagation();
          requestCancel();
        }
      }}
    >
      {generalError && (
        <p role="alert" className="message message-error">
          {generalError}
        </p>
      )}
      <OpenedRecordNotices
        record={record}
        label={(field) => clinicFieldLabels[field]}
        show={(field, value) => (field === 'kind' ? clinicKindLabels[value as ClinicKind] : value)}
        onSettled={() => focusField('name')}
      />
      <fieldset className="clinic-form-grid" disabled={readOnly}>
        <legend className="visually-hidden">医療機関の情報</legend>
        {field('name', textInput('name', 200), { required: true })}
        {field('nameKana', textInput('nameKana', 200), { hint: 'ひらがな・カタカナのどちらでも可' })}
        {field('kind', (control) => (
          <select {...control} value={draft.kind} onChange={(e) => update('kind', e.target.value)}>
            {clinicKinds.map((kind) => (
              <option key={kind} value={kind}>
                {clinicKindLabels[kind]}
              </option>
            ))}
          </select>
        ), { hint: draft.kind === 'unconfirmed' ? clinicKindMessages.formConfirm : undefined })}
        {field('bedCount', textInput('bedCount', 6, 'numeric'), {
          hint: '無床0・有床1〜19・病院20以上',
        })}
        {field(
          'postalCode',
          (control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={10}
              value={draft.postalCode}
              onChange={(e) => {
                update('postalCode', e.target.value);
                setPostalNote(null);
                if (!(e.nativeEvent as InputEvent).isComposing) lookUpAddress(e.target.value);
              }}
              onCompositionEnd={(e) => lookUpAddress(e.currentTarget.value)}
              onBlur={() => checkOnBlur('postalCode')}
            />
          ),
          { hint: '7桁（例：899-0000）' },
        )}
        {field('address', textInput('address', 200), { hint: addressHint })}
        {field(
          'phone',
          (control) => (
            <input
              {...control}
              type="tel"
              autoComplete="off"
              maxLength={30}
              value={draft.phone}
              onChange={(e) => update('phone', e.target.value)}
              onBlur={() => checkOnBlur('phone')}
            />
          ),
          { hint: '市外局番から（例：0995-00-0000）' },
        )}
        {field(
          'fax',
          (control) => (
            <input
              {...control}
              type="tel"
              autoComplete="off"
              maxLength={30}
              value={draft.fax}
              onChange={(e) => update('fax', e.target.value)}
              onBlur={() => checkOnBlur('fax')}
            />
          ),
          { hint: '市外局番から（例：0995-00-0001）' },
        )}
        {field('contactPerson', textInput('contactPerson', 100))}
        {field('memberNumber', textInput('memberNumber', 20), { hint: '任意（他の医療機関と同じ番号は不可）' })}
        {field(
          'memo',
          (control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={2000}
              value={draft.memo}
              onChange={(e) => update('memo', e.target.value)}
              onBlur={() => checkOnBlur('memo')}
            />
          ),
          { hint: 'Enterで改行します' },
        )}
      </fieldset>
      <div className="form-actions">
        {!readOnly && (
          <button type="submit" className="button button-primary" disabled={busy}>
            {phase === 'saving' ? '保存しています…' : phase === 'checking' ? '確認しています…' : '保存'}
          </button>
        )}
        <button type="button" className="button" onClick={requestCancel} disabled={phase === 'saving'}>
          {readOnly ? '閉じる' : 'キャンセル'}
        </button>
        {extraActions && <div className="form-actions-end">{extraActions}</div>}
      </div>
      {duplicates && (
        <DuplicateDialog
          matches={duplicates.matches}
          onOpenExisting={openExisting}
          onSaveAnyway={() => {
            const { input } = duplicates;
            setDuplicates(null);
            void write(input);
          }}
          onBack={() => setDuplicates(null)}
          onMerge={
            onMergeWith &&
            ((other) => {
              if (dirty && !window.confirm(mergeQuestion)) return;
              setDuplicates(null);
              onMergeWith(other);
            })
          }
        />
      )}
    </form>
  );
}
