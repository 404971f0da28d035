import { useEffect, useRef, useState, type FormEvent } from 'react';
import { bedCountProblem, type Clinic, type ClinicKind } from '../../../../shared/domain/clinic.ts';
import { ApiError } from '../../api/ApiError.ts';
import { useOpenedRecord } from '../../components/useOpenedRecord.ts';
import { useUnsavedChanges } from '../../components/useUnsavedChanges.ts';
import { queries } from '../../query/queries.ts';
import { usePostalLookup } from './usePostalLookup.ts';
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

const invalidInputMessage = '入力内容に誤りがあります。各項目の下のメッセージを確認してください。';

interface FormState {
  draft: ClinicDraft;
  /** What the last postal lookup put in 所在地: it may be replaced, anything typed may not. */
  autoAddress: string | null;
}

type Phase = 'idle' | 'checking' | 'saving';

interface ClinicFormOptions {
  idPrefix: string;
  clinic: Clinic | null;
  /** A new clinic's fields known before the form opens (the words a search did not find). */
  initialDraft?: Partial<ClinicDraft>;
  readOnly: boolean;
  autoFocus: boolean;
  save: (input: CheckedClinicInput, opened: Clinic | null) => Promise<Clinic>;
  onSaved: ((clinic: Clinic) => void) | undefined;
}

/**
 * The clinic form's state: the draft against the record as opened, errors per field (checked on
 * leaving a field and on save), the postal lookup that fills 所在地, and saving after the
 * duplicate check. ClinicForm lays it out.
 */
export function useClinicForm(options: ClinicFormOptions) {
  const { idPrefix, clinic, initialDraft, readOnly, autoFocus, save, onSaved } = options;
  // Words carried in are not typed here: closing without more asks nothing.
  const [baseline, setBaseline] = useState<ClinicDraft>(() => (clinic ? clinicToDraft(clinic) : { ...emptyClinicDraft, ...initialDraft }));
  const [form, setForm] = useState<FormState>({ draft: baseline, autoAddress: null });
  const [errors, setErrors] = useState<ClinicFieldErrors>({});
  const [generalError, setGeneralError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [duplicates, setDuplicates] = useState<{ matches: DuplicateMatch[]; input: CheckedClinicInput } | null>(null);
  // Only an empty 所在地, or one this lookup filled before, is replaced: never what was typed.
  const postal = usePostalLookup((address) =>
    setForm((f) => (f.draft.address === '' || f.draft.address === f.autoAddress ? { draft: { ...f.draft, address }, autoAddress: address } : f)),
  );
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
      setForm({ draft: { ...takenDraft, kind: takenDraft.kind as ClinicKind, noMailing: takenDraft.noMailing === '1' ? '1' : '' }, autoAddress: null });
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

  const addressHint =
    postal.note ??
    (form.autoAddress !== null && draft.address === form.autoAddress
      ? '郵便番号から入力しました。番地・建物名を続けて入力してください'
      : '郵便番号を入れると自動で入ります');

  /** 郵便番号 typed: the note about a failed lookup goes, and a complete code is looked up (once the IME lets go of it). */
  const postalTyped = (text: string, composing: boolean) => {
    update('postalCode', text);
    postal.clearNote();
    if (!composing) postal.lookUp(text);
  };

  return {
    draft,
    dirty,
    record,
    opened,
    phase,
    busy: phase !== 'idle',
    errors: shownErrors,
    generalError,
    addressHint,
    duplicates,
    setDuplicates,
    fieldId,
    focusField,
    update,
    checkOnBlur,
    postalTyped,
    lookUpAddress: postal.lookUp,
    write,
    submit,
  };
}

export type ClinicFormState = ReturnType<typeof useClinicForm>;
