import { useId } from 'react';
import type { Quote } from '../../../../shared/quote/calculateQuote.ts';
import { clinicKindLabels } from '../../../../shared/domain/clinic.ts';
import { formatYen } from './formatYen.ts';
import { SampleStamp } from './SampleStamp.tsx';

type FigureQuote = Extract<Quote, { kind: 'figure' }>;

interface QuoteFiguresProps {
  quote: Pick<FigureQuote, 'clinicKind' | 'planName' | 'monthlyYen' | 'annualYen' | 'conditions' | 'tableVersion' | 'sample'>;
  /** The table's own explanation of how the figures are derived. */
  roundingRule?: string;
  compact?: boolean;
}

/**
 * A premium with everything it depends on beside it: 種別 and プラン, the table's conditions and
 * version, and the 見本 stamp while the table is a sample. Used for the live quote and a saved one.
 */
export function QuoteFigures({ quote, roundingRule, compact }: QuoteFiguresProps) {
  const conditionsId = useId();
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
          <div className="quote-figure">
            <dt>年間の合計（月額×12回）</dt>
            <dd className="quote-figure-annual">{formatYen(quote.annualYen)}</dd>
          </div>
        </dl>
        {quote.sample && <SampleStamp />}
      </div>
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
      </div>
      {roundingRule && <p className="field-hint quote-rounding">{roundingRule}</p>}
    </div>
  );
}
