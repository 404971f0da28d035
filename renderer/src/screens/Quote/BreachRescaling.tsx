import { useEffect, useId, useMemo } from 'react';
import type { BreachUnitCosts, ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { caseInputs, computeBreachCost } from '../../../../shared/estimate/breachCost.ts';
import { FormField } from '../../components/FormField.tsx';
import { isComposing } from '../../components/ModalDialog.tsx';
import { ComputedYen, LabelText, PackText } from '../../components/ScreenText.tsx';
import { useQuoteBreachStore } from '../../stores/quoteBreachStore.ts';
import { groupByCategory } from '../Product/IncidentCaseTable.tsx';
import { breachFields, parseBreachDraft } from './breachFields.ts';

/**
 * The flyer's case item by item, computed from the insurer-approved unit costs the pack carries
 * and the clinic's own numbers. The result is the app's arithmetic: to the yen, beside the flyer's
 * own amounts, never written in the flyer's 約…万円 style, and with no total.
 */
export function BreachRescaling({ pack, costs }: { pack: ContentPack; costs: BreachUnitCosts }) {
  const draft = useQuoteBreachStore((s) => s.draft);
  const setField = useQuoteBreachStore((s) => s.setField);
  const reset = useQuoteBreachStore((s) => s.reset);
  const base = useMemo(() => caseInputs(costs), [costs]);
  const headingId = useId();
  const explainId = useId();

  useEffect(() => {
    if (!draft) reset(base);
  }, [draft, reset, base]);

  const parsed = useMemo(() => (draft ? parseBreachDraft(draft, base) : null), [draft, base]);
  const lines = useMemo(() => (parsed ? computeBreachCost(pack, parsed.inputs) : null), [pack, parsed]);
  if (!draft || !parsed || !lines) return null;
  const hasErrors = Object.keys(parsed.errors).length > 0;
  // Table rows keep the flyer's grouping: one 主な対応事項 cell over its consecutive items.
  const groups = groupByCategory(lines.map((line, index) => ({ ...line, index })));

  return (
    <section className="breach-rescaling" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <LabelText k="simulationTitle" />
      </h3>
      <p id={explainId} className="breach-disclaimer">
        <LabelText k="simulationExplain" />
      </p>
      <p className="breach-source">
        <LabelText k="unitSource" />：<PackText pack={pack} path="breachUnitCosts.source" />
      </p>

      <form
        className="breach-inputs"
        aria-labelledby={headingId}
        onSubmit={(e) => e.preventDefault()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
        }}
      >
        {breachFields.map(({ field }) => (
          <FormField key={field} id={`breach-${field}`} label={<LabelText k={`input.${field}`} />} error={parsed.errors[field]} className="breach-field">
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
                  <LabelText k={`unit.${field}`} />
                </span>
              </span>
            )}
          </FormField>
        ))}
        <div className="breach-reset">
          <button type="button" className="button" onClick={() => reset(base)}>
            <LabelText k="resetInputs" />
          </button>
          <p className="field-hint">
            <LabelText k="caseFiguresHint" />：
            {breachFields.map(({ field }, i) => (
              <span key={field}>
                {i > 0 && '・'}
                <LabelText k={`input.${field}`} /> <PackText pack={pack} path={`breachUnitCosts.caseFigures.${field}`} format="number" />
                <LabelText k={`unit.${field}`} />
              </span>
            ))}
          </p>
        </div>
      </form>

      {hasErrors && (
        <p className="message message-error">
          <LabelText k="inputsWithErrors" />
        </p>
      )}

      <div className="table-scroll">
        <table className="data-table breach-table" aria-labelledby={headingId} aria-describedby={explainId}>
          <thead>
            <tr>
              <th scope="col">
                <PackText pack={pack} path="incidentCase.columns.0" />
              </th>
              <th scope="col">
                <LabelText k="method" />
              </th>
              <th scope="col" className="number">
                <LabelText k="unitCost" />
              </th>
              <th scope="col" className="number">
                <LabelText k="flyerAmount" />
              </th>
              <th scope="col" className="number">
                <LabelText k="computedAmount" />
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.items[0]?.index}>
              {group.items.map((line, n) => (
                <tr key={line.index}>
                  {n === 0 && (
                    <th scope="rowgroup" rowSpan={group.items.length}>
                      <PackText pack={pack} path={`incidentCase.items.${line.index}.category`} />
                    </th>
                  )}
                  <td>
                    <LabelText k={`per.${line.per}`} />
                  </td>
                  <td className="number nowrap">
                    <UnitCost pack={pack} costs={costs} index={line.index} />
                  </td>
                  <td className="number nowrap">
                    <PackText pack={pack} path={`incidentCase.items.${line.index}.amountLabel`} />
                  </td>
                  <td className="number nowrap breach-computed">
                    <ComputedYen yen={line.computedYen} />
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

/** The approved unit cost of one item, read from the pack; an item that stays as the flyer states it has none. */
function UnitCost({ pack, costs, index }: { pack: ContentPack; costs: BreachUnitCosts; index: number }) {
  const cost = costs.items[index];
  if (!cost || cost.per === 'case') return null;
  const field = cost.per === 'patientGift' ? 'postageYen' : 'unitYen';
  return <PackText pack={pack} path={`breachUnitCosts.items.${index}.${field}`} format="yen" />;
}
