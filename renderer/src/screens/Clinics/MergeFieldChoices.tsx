import { clinicFieldLabels, clinicFieldOrder, clinicKindLabels, type Clinic, type ClinicField } from '../../../../shared/domain/clinic.ts';
import { differingFields, mailingMarksDiffer, mergedMailingMark, type MergeChoices, type MergeSide } from '../../../../shared/domain/clinicMerge.ts';
import { clinicMergeMessages } from '../../../../shared/messages/clinicMergeMessages.ts';

/** A field's value as staff read it: 種別 by its label, an empty field said in words. */
export function shownValue(clinic: Clinic, field: ClinicField): string {
  const value = clinic[field];
  if (field === 'kind') return clinicKindLabels[clinic.kind];
  if (value === null || value === '') return '（空欄）';
  return String(value);
}

/** 送付不要 is not chosen: a clinic that asked for no mail stays so. Staff see both records' marks and the outcome. */
function MailingMarkOutcome({ kept, merged }: { kept: Clinic; merged: Clinic }) {
  const outcome = mergedMailingMark(kept, merged);
  return (
    <fieldset className="radio-field merge-field">
      <legend>{clinicFieldLabels.noMailing}</legend>
      <ul className="merge-mailing">
        {([['kept', kept], ['merged', merged]] as const).map(([side, clinic]) => (
          <li key={side}>
            <span className="merge-value">{clinicMergeMessages.mailingMark(clinic.noMailing, clinic.noMailingReason)}</span>
            <span className="merge-side">{side === 'kept' ? '（残す記録）' : '（まとめる記録）'}</span>
          </li>
        ))}
      </ul>
      <p className="field-hint">{clinicMergeMessages.mailingKept(outcome.noMailingReason ?? '')}</p>
    </fieldset>
  );
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
  const mailingDiffers = mailingMarksDiffer(kept, merged);
  const same: string[] = clinicFieldOrder.filter((f) => !fields.includes(f)).map((f) => clinicFieldLabels[f]);
  if (!mailingDiffers) same.push(clinicFieldLabels.noMailing);
  return (
    <>
      {fields.length > 0 ? (
        <p>値が違う項目ごとに、残す値を選んでください。あとから変更された記録の値を選んであります。</p>
      ) : (
        <p>{mailingDiffers ? clinicMergeMessages.onlyMailingDiffers : '2件の記録は、すべての項目が同じ値です。'}</p>
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
      {mailingDiffers && <MailingMarkOutcome kept={kept} merged={merged} />}
      {same.length > 0 && (fields.length > 0 || mailingDiffers) && <p className="field-hint">同じ値の項目：{same.join('・')}</p>}
    </>
  );
}
