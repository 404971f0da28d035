import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { labelSheetIds, labelSheets, type LabelSheetId } from '../../../../shared/documents/labelSheets.ts';
import { mailingMessages } from '../../../../shared/messages/mailingMessages.ts';
import { isComposing } from '../../components/ModalDialog.tsx';
import { formatCount } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { usePrintRenderStore } from '../../stores/printRenderStore.ts';

const mm = new Intl.NumberFormat('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/**
 * 宛名ラベル for the chosen clinics: the label sheet, how many labels of a partly used sheet are
 * gone already, and a test print with outlines on plain paper. The labels are placed at this
 * machine's printer offset (設定 → 印刷).
 */
export function AddressLabelsPanel({ clinicIds }: { clinicIds: readonly string[] }) {
  const [sheet, setSheet] = useState<LabelSheetId>('a4x12');
  const [skip, setSkip] = useState('0');
  const [outline, setOutline] = useState(false);
  const renderLabels = usePrintRenderStore((s) => s.renderLabels);
  const running = usePrintRenderStore((s) => s.phase === 'running');
  const skipError = usePrintRenderStore((s) => s.fieldErrors.skip);
  const offset = useQuery(queries.labelOffset()).data;
  const perSheet = labelSheets[sheet].columns * labelSheets[sheet].rows;
  const skipNumber = skip.trim() === '' ? 0 : Number(skip);
  const localError = Number.isInteger(skipNumber) && skipNumber >= 0 && skipNumber < perSheet ? null : mailingMessages.labelSkipBeyondSheet(perSheet);
  const error = localError ?? skipError;
  const make = () => {
    if (localError || clinicIds.length === 0) return;
    void renderLabels({ clinicIds: [...clinicIds], sheet, skip: skipNumber, outline });
  };
  return (
    <section className="print-labels" aria-labelledby="print-labels-heading">
      <h3 id="print-labels-heading" className="print-label">
        宛名ラベル（郵送用）
      </h3>
      <div className="print-field">
        <label htmlFor="print-label-sheet" className="print-label">
          ラベル用紙
        </label>
        <select id="print-label-sheet" value={sheet} aria-describedby="print-label-sheet-detail" onChange={(e) => setSheet(e.target.value as LabelSheetId)}>
          {labelSheetIds.map((id) => (
            <option key={id} value={id}>
              {labelSheets[id].label}
            </option>
          ))}
        </select>
        <p id="print-label-sheet-detail" className="field-hint">
          {labelSheets[sheet].detail}（用紙の袋に書かれた寸法と同じものを選んでください）
        </p>
      </div>
      <div className="print-labels-row">
        <div className="print-field">
          <label htmlFor="print-label-skip" className="print-label">
            使用済みの面数
          </label>
          <input
            id="print-label-skip"
            type="number"
            inputMode="numeric"
            min={0}
            max={perSheet - 1}
            value={skip}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'print-label-skip-hint print-label-skip-error' : 'print-label-skip-hint'}
            onChange={(e) => setSkip(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || isComposing(e)) return;
              e.preventDefault();
              make();
            }}
          />
          <p id="print-label-skip-hint" className="field-hint">
            使いかけの用紙なら、はがした面の数（左上から横の順）。
          </p>
          {error && (
            <p id="print-label-skip-error" className="field-error">
              {error}
            </p>
          )}
        </div>
      </div>
      <label className="print-option">
        <input type="checkbox" checked={outline} onChange={(e) => setOutline(e.target.checked)} />
        ラベルの枠線を印刷する（普通紙での試し刷り用・送付の記録には残りません）
      </label>
      <p className="field-hint" id="print-labels-offset">
        印刷位置の調整（この端末）：左右 {mm.format(offset?.xMm ?? 0)}mm・上下 {mm.format(offset?.yMm ?? 0)}mm（設定 → 印刷 で変えられます）
      </p>
      <div className="actions">
        <button type="button" className="button" disabled={running || clinicIds.length === 0} onClick={make} aria-describedby="print-labels-offset">
          宛名ラベルを作成（{formatCount(clinicIds.length)}）
        </button>
      </div>
    </section>
  );
}
