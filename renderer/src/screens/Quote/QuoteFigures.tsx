import { useId } from 'react';
import type { Quote } from '../../../../shared/quote/calculateQuote.ts';
import { clinicKindLabels } from '../../../../shared/domain/clinic.ts';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';
import { formatYen } from './formatYen.ts';
import { SampleStamp } from './SampleStamp.tsx';

type FigureQuote = Extract<Quote, { kind: 'figure' }>;

interface QuoteFiguresProps {
  quote: Pick<
    FigureQuote,
    'clinicKind' | 'planName' | 'monthlyYen' | 'tableAnnualYen' | 'liabilityLimitYen' | 'responseCostLimitYen' | 'validUntil' | 'conditions' | 'tableVersion' | 'sample'
  >;
  /** The table's own explanation of how the figures are derived. */
  roundingRule?: string;
  compact?: boolean;
}

/**
 * A premium with everything it depends on beside it: 種別 and プラン, the plan's 支払限度額, the
 * table's conditions, version and 有効期限, and the 見本 stamp while the table is a sample. An
 * annual figure, a limit or a 有効期限 appears only where the table states it. Used for the live
 * quote and a saved one.
 */
export function QuoteFigures({ quote, roundingRule, compact }: QuoteFiguresProps) {
  const conditionsId = useId();
  const dateStyle = useDateStyle();
  const limits = [
    { label: '損害賠償', yen: quote.liabilityLimitYen },
    { label: '事故対応特別費用', yen: quote.responseCostLimitYen },
  ].filter((limit): limit is { label: string; yen: number } => limit.yen !== undefined);
  return (
    <div className={compact ? 'quote-figure-box is-compact' : 'quote-figure-box'}>
      <p className="quote-figure-subject">
        {clinicKindLabels[quote.clinicKind]}・{quote.planName}
      </p>
      <div className="quote-figure-row">
        <dl className="quote-figures" aria-describedby={conditionsId}>
          <div className="quote-figure">
            <dt>月額保険料</dt>
            <dd className="quote-figure-main">{formatYen(quote.monthlyYen)}</dd>
          </div>
          {quote.tableAnnualYen !== undefined && (
            <div className="quote-figure">
              <dt>年間保険料</dt>
              <dd className="quote-figure-annual">{formatYen(quote.tableAnnualYen)}</dd>
            </div>
          )}
        </dl>
        {quote.sample && <SampleStamp />}
      </div>
      {limits.length > 0 && (
        <dl className="quote-limits" aria-label="支払限度額">
          {limits.map((limit) => (
            <div key={limit.label} className="quote-limit">
              <dt>{limit.label}の支払限度額</dt>
              <dd>{formatYen(limit.yen)}</dd>
            </div>
          ))}
        </dl>
      )}
      <div id={conditionsId} className="quote-conditions">
        <p className="quote-conditions-title">この金額の条件</p>
        <ul aria-label="保険料の条件">
          {quote.conditions.map((condition) => (
            <li key={condition}>{condition}</li>
          ))}
        </ul>
        <p className="quote-table-version">
          保険料表の版：{quote.tableVersion}
        </p>
        {quote.validUntil && <p className="quote-valid-until">試算の有効期限：{formatDate(quote.validUntil, dateStyle)}</p>}
      </div>
      {roundingRule && <p className="field-hint quote-rounding">{roundingRule}</p>}
    </div>
  );
}
