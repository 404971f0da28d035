import { useEffect, useId, useMemo } from 'react';
import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { estimateBreachCost, flyerInputs } from '../../../../shared/estimate/breachCost.ts';
import { FormField } from '../../components/FormField.tsx';
import { isComposing } from '../../components/ModalDialog.tsx';
import { formatNumber } from '../../format/formatNumber.ts';
import { useQuoteBreachStore } from '../../stores/quoteBreachStore.ts';
import { groupByCategory } from '../Product/IncidentCaseTable.tsx';
import { BreachChart, type BreachChartLine } from './BreachChart.tsx';
import { breachFields, parseBreachDraft, scalingLabels } from './breachFields.ts';
import { formatApproxManYen } from './formatYen.ts';

const title = '被害額シミュレーション（チラシの事例をもとにした試算）';

/**
 * The flyer's incident case rescaled to the clinic's own numbers, item by item, beside the flyer's
 * amounts. An illustration for the conversation only: no quote, no promise of payment, no total.
 */
export function BreachSimulation({ pack }: { pack: ContentPack }) {
  const draft = useQuoteBreachStore((s) => s.draft);
  const setField = useQuoteBreachStore((s) => s.setField);
  const reset = useQuoteBreachStore((s) => s.reset);
  const base = useMemo(() => flyerInputs(pack), [pack]);
  const headingId = useId();
  const illustrationId = useId();

  useEffect(() => {
    if (!draft) reset(base);
  }, [draft, reset, base]);

  const parsed = useMemo(() => (draft ? parseBreachDraft(draft, base) : null), [draft, base]);
  const lines = useMemo(() => (parsed ? estimateBreachCost(pack, parsed.inputs) : []), [pack, parsed]);
  if (!draft || !parsed) return null;

  const items = pack.incidentCase.items;
  const [categoryColumn, , amountColumn] = pack.incidentCase.columns;
  const hasErrors = Object.keys(parsed.errors).length > 0;
  const costCoverage = pack.coverages[0];
  const chartLines: BreachChartLine[] = lines.map((line, index) => ({
    label: line.category,
    sublabel: scalingLabels[items[index]?.scalesWith ?? 'fixed'].short,
    flyerYen: line.flyerYen,
    flyerLabel: items[index]?.amountLabel ?? formatApproxManYen(line.flyerYen),
    estimateYen: line.estimateYen,
  }));
  const chartDescription = chartLines
    .map((l) => `${l.label}（${l.sublabel}）：チラシの事例 ${l.flyerLabel}、試算 ${formatApproxManYen(l.estimateYen)}`)
    .join('。');

  // Table rows keep the flyer's grouping: one 主な対応事項 cell over its consecutive items.
  const groups = groupByCategory(lines.map((line, index) => ({ ...line, index })));

  return (
    <section className="panel breach-simulation" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p id={illustrationId} className="breach-disclaimer">
        <strong>チラシの「{pack.incidentCase.title}」の金額を、入力した数に合わせて比例計算した参考の例です。</strong>
        保険料の見積りではなく、保険金のお支払いを約束するものでもありません。
      </p>

      <form
        className="breach-inputs"
        aria-label="試算の条件"
        onSubmit={(e) => e.preventDefault()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
        }}
      >
        {breachFields.map(({ field, label, unit }) => (
          <FormField key={field} id={`breach-${field}`} label={label} error={parsed.errors[field]} className="breach-field">
            {(control) => (
              <span className="input-with-unit">
                <input
                  {...control}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={12}
                  value={draft[field]}
                  onChange={(e) => setField(field, e.target.value)}
                />
                <span className="input-unit" aria-hidden="true">
                  {unit}
                </span>
              </span>
            )}
          </FormField>
        ))}
        <div className="breach-reset">
          <button type="button" className="button" onClick={() => reset(base)}>
            チラシの事例に戻す
          </button>
          <p className="field-hint">
            チラシの事例：患者数 約{formatNumber(base.patients)}人・サーバ{formatNumber(base.servers)}台・お詫びの品{formatNumber(base.voucherYen)}円・
            {formatNumber(base.callCentreWeeks)}週
          </p>
        </div>
      </form>

      {hasErrors && (
        <p className="message message-error">入力に誤りがある項目は、チラシの事例の数で計算しています。</p>
      )}

      <div className="table-scroll">
        <table className="data-table breach-table" aria-describedby={illustrationId}>
          <caption>対応事項ごとの金額（チラシの事例と試算。合計は出していません）</caption>
          <thead>
            <tr>
              <th scope="col">{categoryColumn}</th>
              <th scope="col">計算のしかた</th>
              <th scope="col" className="number">
                チラシの{amountColumn}
              </th>
              <th scope="col" className="number">
                入力した条件での試算（参考）
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.items[0]?.index}>
              {group.items.map((line, index) => {
                const item = items[line.index];
                const changed = line.estimateYen !== line.flyerYen;
                return (
                  <tr key={line.index}>
                    {index === 0 && (
                      <th scope="rowgroup" rowSpan={group.items.length}>
                        {group.category}
                      </th>
                    )}
                    <td>{scalingLabels[item?.scalesWith ?? 'fixed'].long}</td>
                    <td className="number nowrap">{item?.amountLabel}</td>
                    <td className={changed ? 'number nowrap breach-changed' : 'number nowrap'}>{formatApproxManYen(line.estimateYen)}</td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>

      <BreachChart lines={chartLines} title={`${title}のグラフ`} description={chartDescription} />

      <p className="breach-coverage">
        {costCoverage && <>チラシの事例では、これらの費用は「{costCoverage.name}」のお支払対象とされています。</>}
        実際にお支払いできるかどうかや金額は、ご契約の支払限度額や条件によって異なります。詳しくはパンフレット等をご覧ください。
      </p>
    </section>
  );
}
