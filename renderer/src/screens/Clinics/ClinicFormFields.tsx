import type { ReactNode } from 'react';
import { clinicFieldLabels, clinicKindLabels, clinicKinds } from '../../../../shared/domain/clinic.ts';
import { clinicKindMessages } from '../../../../shared/messages/clinicKindMessages.ts';
import { retentionMessages } from '../../../../shared/messages/retentionMessages.ts';
import { FormField, type FieldControlProps } from '../../components/FormField.tsx';
import type { ClinicDraftField } from './clinicDraft.ts';
import type { ClinicFormState } from './useClinicForm.ts';

/**
 * The clinic form's fields in reading order, each with its label, hint and error below it; `only`
 * keeps some of them (a caller registered from the inquiry dialog needs no 会員番号 or メモ yet).
 */
export function ClinicFormFields({ form, readOnly, only }: { form: ClinicFormState; readOnly: boolean; only?: readonly ClinicDraftField[] }) {
  const { draft, errors, addressHint, fieldId, update, checkOnBlur, postalTyped, lookUpAddress } = form;
  const textInput =
    (name: ClinicDraftField, maxLength: number, kind: { inputMode?: 'numeric'; type?: 'tel' } = {}) =>
    (control: FieldControlProps) => (
      <input
        {...control}
        type={kind.type ?? 'text'}
        inputMode={kind.inputMode}
        autoComplete="off"
        maxLength={maxLength}
        value={draft[name]}
        onChange={(e) => update(name, e.target.value)}
        onBlur={() => checkOnBlur(name)}
      />
    );

  // Every field, the 送付不要 box too, passes this one filter: a field left out can carry no error nobody sees.
  const shown = (name: ClinicDraftField) => !only || only.includes(name);

  const field = (
    name: ClinicDraftField,
    control: (c: FieldControlProps) => ReactNode,
    options: { hint?: ReactNode; notice?: string; required?: boolean } = {},
  ) =>
    !shown(name) ? null : (
    <FormField
      id={fieldId(name)}
      className={`clinic-field-${name}`}
      label={clinicFieldLabels[name]}
      required={options.required}
      hint={options.hint}
      notice={options.notice}
      error={errors[name]}
    >
      {control}
    </FormField>
  );

  return (
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
      {field('bedCount', textInput('bedCount', 6, { inputMode: 'numeric' }), {
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
            onChange={(e) => postalTyped(e.target.value, (e.nativeEvent as InputEvent).isComposing)}
            onCompositionEnd={(e) => lookUpAddress(e.currentTarget.value)}
            onBlur={() => checkOnBlur('postalCode')}
          />
        ),
        { hint: <>7桁（例：<span className="tel">899-0000</span>）</> },
      )}
      {field('address', textInput('address', 200), { hint: addressHint })}
      {field('phone', textInput('phone', 30, { type: 'tel' }), { hint: <>市外局番から（例：<span className="tel">0995-00-0000</span>）</> })}
      {field('fax', textInput('fax', 30, { type: 'tel' }), { hint: <>市外局番から（例：<span className="tel">0995-00-0001</span>）</> })}
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
        { hint: 'Enterで改行します', notice: retentionMessages.noPatientData },
      )}
      {shown('noMailing') && (
      <div className="clinic-field-noMailing">
        <label className="checkbox-label">
          <input
            id={fieldId('noMailing')}
            type="checkbox"
            checked={draft.noMailing === '1'}
            aria-describedby={`${fieldId('noMailing')}-hint`}
            onChange={(e) => update('noMailing', e.target.checked ? '1' : '')}
          />
          {clinicFieldLabels.noMailing}
        </label>
        <p id={`${fieldId('noMailing')}-hint`} className="field-hint">
          一括作成（郵送・FAXのまとめ送り）から外します。窓口での個別の印刷はできます。
        </p>
      </div>
      )}
      {draft.noMailing === '1' &&
        field('noMailingReason', textInput('noMailingReason', 200), { required: true, hint: '例：先方より送付不要の連絡あり（2026年12月）' })}
    </fieldset>
  );
}
