import { clinicFieldLabels, clinicKindLabels, type Clinic, type ClinicField } from '../../../../shared/domain/clinic.ts';
import { differingFields, type MergeChoices, type MergeSide } from '../../../../shared/domain/clinicMerge.ts';

/** A field's value as staff read it: 種別 by its label, an empty field said in words. */
export function shownValue(clinic: Clinic, field: ClinicField): string {
  const value = clinic[field];
  if (field === 'kind') return clinicKindLabels[clinic.kind];
  if (value === null || value === '') return '（空欄）';
  return String(value);
}

interface MergeFieldChoicesProps {
  kept: Clinic;
  merged: Clinic;
  choices: MergeChoices;
  onChoose(field: ClinicField, side: MergeSide): void;
}

/** One question per field the two records hold differently: which value the kept record takes. */
export function MergeFieldChoices({ kept, merged, choices, onChoose }: MergeFieldChoicesProps) {
  const fields = differingFields(kept, merged);
  const same = (Object.keys(clinicFieldLabels) as ClinicField[]).filter((f) => !fields.includes(f));
  return (
    <>
      {fields.length === 0 ? (
        <p>2件の記録は、すべての項目が同じ値です。</p>
      ) : (
        <p>値が違う項目ごとに、残す値を選んでください。あとから変更された記録の値を選んであります。</p>
      )}
      {fields.map((field, index) => (
        <fieldset key={field} className="radio-field merge-field">
          <legend>{clinicFieldLabels[field]}</legend>
          <div className="radio-row">
            {(['kept', 'merged'] as const).map((side) => (
              <label key={side} className="radio-option">
                <input
                  type="radio"
                  name={`merge-${field}`}
                  checked={(choices[field] ?? 'kept') === side}
                  onChange={() => onChoose(field, side)}
                  // The first question takes the focus when this step opens.
                  autoFocus={index === 0 && (choices[field] ?? 'kept') === side}
                />
                <span className="merge-value">{shownValue(side === 'kept' ? kept : merged, field)}</span>
                <span className="merge-side">{side === 'kept' ? '（残す記録）' : '（まとめる記録）'}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {same.length > 0 && fields.length > 0 && <p className="field-hint">同じ値の項目：{same.map((f) => clinicFieldLabels[f]).join('・')}</p>}
    </>
  );
}
