import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Clinic } from '../../../../shared/domain/clinic.ts';
import { mergedClinicFields, mergedFieldsProblem, preselectedChoices, takenFieldLabels, type MergeChoices } from '../../../../shared/domain/clinicMerge.ts';
import { clinicMergeMessages } from '../../../../shared/messages/clinicMergeMessages.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { ClinicPicker } from '../../components/ClinicPicker.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { formatCount } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { mergeClinics } from './clinicMergeWrites.ts';
import { MergeFieldChoices } from './MergeFieldChoices.tsx';

type Step = 'pick' | 'fields' | 'confirm';

/** One line naming a record, so two records of one clinic can be told apart. */
function RecordLine({ clinic }: { clinic: Clinic }) {
  const details = [clinic.memberNumber && `会員番号 ${clinic.memberNumber}`, clinic.address].filter(Boolean);
  return (
    <>
      <span className="merge-record-name">{clinic.name}</span>
      {(clinic.phone || details.length > 0) && (
        <span className="merge-record-meta">
          {clinic.phone && (
            <>
              電話 <span className="tel">{clinic.phone}</span>
              {details.length > 0 && '　'}
            </>
          )}
          {details.join('　')}
        </span>
      )}
    </>
  );
}

function MoveSummary({ kept, merged, choices }: { kept: Clinic; merged: Clinic; choices: MergeChoices }) {
  const preview = useQuery(queries.clinicMergePreview(kept.id, merged.id));
  const taken = takenFieldLabels(choices, kept, mergedClinicFields(kept, merged, choices));
  if (preview.error) return <p role="alert" className="message message-error">{errorMessageOf(preview.error, '移る記録を数えられませんでした。')}</p>;
  if (!preview.data) return <p>移る記録を数えています…</p>;
  const { inquiries, quotes, documentOutputs } = preview.data.moves;
  return (
    <ul className="merge-summary">
      <li>
        「{merged.name}」の問い合わせ{formatCount(inquiries)}（見積{formatCount(quotes)}を含む）と送付記録{formatCount(documentOutputs)}が「{kept.name}」に移ります。受付番号は変わりません。
      </li>
      <li>「{merged.name}」はアーカイブされ、「{kept.name}」にまとめた記録として残ります。</li>
      {taken.length > 0 && <li>「{kept.name}」の{taken.join('・')}を、まとめる記録の値にします。</li>}
      <li>残した記録を変更するまでは、「まとめを取り消す」で元に戻せます。</li>
    </ul>
  );
}

/**
 * 重複をまとめる: staff find the other record of this clinic, say which one stays, choose the
 * value of each field the two hold differently (the newer preselected), and confirm what moves.
 */
export function ClinicMergeDialog({ clinic, initialOther = null, onClose }: { clinic: Clinic; initialOther?: Clinic | null; onClose: () => void }) {
  const [step, setStep] = useState<Step>('pick');
  const [other, setOther] = useState<Clinic | null>(initialOther);
  const [keepThis, setKeepThis] = useState(true);
  const [choices, setChoices] = useState<MergeChoices>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stepLine = useRef<HTMLParagraphElement>(null);
  // The confirm step is read from its first line: focus there, so a second Enter cannot merge unread.
  useEffect(() => {
    if (step === 'confirm') stepLine.current?.focus();
  }, [step]);
  const kept = keepThis ? clinic : other;
  const merged = keepThis ? other : clinic;
  const sameRecord = other?.id === clinic.id;
  const problem = kept && merged ? mergedFieldsProblem(mergedClinicFields(kept, merged, choices)) : undefined;

  const next = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!kept || !merged || sameRecord) return;
    if (step === 'pick') {
      setChoices(preselectedChoices(kept, merged));
      setStep('fields');
    } else if (step === 'fields' && !problem) setStep('confirm');
    else if (step === 'confirm' && !busy) {
      setBusy(true);
      mergeClinics({ keptId: kept.id, mergedId: merged.id, choices, keptRevision: kept.revision, mergedRevision: merged.revision })
        .then(onClose)
        .catch((err: unknown) => setError(errorMessageOf(err, 'まとめられませんでした。もう一度お試しください。')))
        .finally(() => setBusy(false));
    }
  };
  const back = () => {
    setError(null);
    setStep(step === 'confirm' ? 'fields' : 'pick');
  };

  return (
    <ModalDialog title="重複をまとめる" onRequestClose={onClose} className="merge-dialog">
      <form onSubmit={next} noValidate>
        <p ref={stepLine} tabIndex={-1} className="merge-step" aria-live="polite">
          {step === 'pick' ? '1. まとめる相手を選ぶ' : step === 'fields' ? '2. 残す値を選ぶ' : '3. 確認'}（全3段階）
        </p>
        {step === 'pick' && (
          <>
            <p>同じ医療機関の記録が2件あるとき、1件にまとめます。もう1件の記録を探してください。</p>
            <ClinicPicker
              clinic={other}
              onChoose={(picked) => setOther(picked)}
              onClear={() => setOther(null)}
              limit={10}
              label="まとめる相手の記録"
              hint="医療機関名・会員番号・電話番号で探せます"
            />
            {sameRecord && <p role="alert" className="field-error">{clinicMergeMessages.sameRecord}</p>}
            {other && !sameRecord && (
              <fieldset className="radio-field merge-keep">
                <legend>残す記録</legend>
                <div className="radio-row">
                  {[true, false].map((thisOne) => (
                    <label key={String(thisOne)} className="radio-option">
                      <input type="radio" name="merge-keep" checked={keepThis === thisOne} onChange={() => setKeepThis(thisOne)} />
                      <RecordLine clinic={thisOne ? clinic : other} />
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </>
        )}
        {step === 'fields' && kept && merged && (
          <>
            <p>
              「{kept.name}」を残し、「{merged.name}」をまとめます。
            </p>
            <MergeFieldChoices kept={kept} merged={merged} choices={choices} onChoose={(field, side) => setChoices({ ...choices, [field]: side })} />
            {problem && <p role="alert" className="field-error">{clinicMergeMessages.bedCountMismatch(problem)}</p>}
          </>
        )}
        {step === 'confirm' && kept && merged && <MoveSummary kept={kept} merged={merged} choices={choices} />}
        {error && (
          <p role="alert" className="message message-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {step !== 'pick' && (
            <button type="button" className="button" onClick={back}>
              戻る
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            キャンセル
          </button>
          <button type="submit" className="button button-primary" disabled={!other || sameRecord || (step === 'fields' && problem !== undefined) || busy}>
            {step === 'confirm' ? 'まとめる' : '次へ'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
