import { useId } from 'react';
import { joinCombineMessages as m } from '../../../../shared/messages/joinCombineMessages.ts';
import '../../styles/import.css';

export type JoinRecordsWay = 'combine' | 'replace';

const ways = [
  { way: 'combine', label: m.choiceCombine, hint: m.choiceCombineHint },
  { way: 'replace', label: m.choiceReplace, hint: m.choiceReplaceHint },
] as const;

/** The hub holds records: how this machine's own records join them (照合してまとめる unless staff choose otherwise). */
export function JoinRecordsChoice({ way, onChange, lead, disabled }: { way: JoinRecordsWay; onChange(way: JoinRecordsWay): void; lead: string; disabled: boolean }) {
  const legendId = useId();
  return (
    <fieldset className="import-choices join-choice" aria-labelledby={legendId} disabled={disabled}>
      <legend id={legendId}>{m.choiceLegend}</legend>
      <p className="field-hint">{lead}</p>
      {ways.map((choice) => (
        <label key={choice.way} className="import-choice">
          <input type="radio" name="join-records-way" checked={way === choice.way} onChange={() => onChange(choice.way)} />
          <span>
            {choice.label}
            <span className="import-choice-hint">{choice.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
