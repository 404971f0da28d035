import type { MailingOutput } from '../../../../shared/contract/documentJobKinds.ts';
import { isDesktop } from '../../api/client.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';

const outputLabels: Record<MailingOutput, string> = {
  combined: '1つのPDFにまとめる',
  perClinic: '医療機関ごとのPDF',
};
const outputs = Object.keys(outputLabels) as MailingOutput[];

/** 出力のしかた of a mailing: one PDF to print today, or one PDF per clinic named by the clinic. */
export function MailingOutputChoice() {
  const output = usePrintChoicesStore((s) => s.output);
  const chooseOutput = usePrintChoicesStore((s) => s.chooseOutput);
  return (
    <fieldset className="print-group print-output-choice" aria-describedby="print-output-hint">
      <legend className="print-label">出力のしかた</legend>
      <div className="print-option-list">
        {outputs.map((value) => (
          <label key={value} className="print-option">
            <input type="radio" name="print-output" value={value} checked={output === value} onChange={() => chooseOutput(value)} />
            {outputLabels[value]}
          </label>
        ))}
      </div>
      <p id="print-output-hint" className="field-hint print-option-hint">
        {output === 'combined'
          ? '選んだ医療機関ごとの書類を1つのPDFにまとめます（「該当する全件を選ぶ」で選んだ分は郵便番号の順）。'
          : isDesktop()
            ? '医療機関ごとに、医療機関名をファイル名にしたPDFを作り、選んだフォルダに保存します。'
            : '医療機関ごとに、医療機関名をファイル名にしたPDFを作り、1つのZIPファイルにまとめてダウンロードします。'}
      </p>
    </fieldset>
  );
}
