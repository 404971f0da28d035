import type { ContentPack } from '../../../shared/content/contentPackSchema.ts';
import type { RateTable } from '../../../shared/content/rateTableSchema.ts';
import { packText, rateText, type PackPath, type RatePath } from '../../../shared/documents/textOrigin.ts';
import type { AgencyTextKey, AgencyTexts } from '../../../shared/domain/agencyTexts.ts';
import { screenLabel, type ScreenLabelKey } from '../../../shared/messages/screenLabels.ts';
import { formatNumber } from '../format/formatNumber.ts';

/**
 * The words of the screens that explain the product, each marked with where it comes from
 * (`data-origin`), as the printed documents are: the screen check (test/e2e/screenWords) reads
 * the marks back and finds each pack text at its path, so a screen cannot say what the pack
 * does not hold.
 */

/** How a number of the content is written: 30,000 or 1,111円. */
export type FigureFormat = 'number' | 'yen';
const formatFigure = (format: FigureFormat) => (value: string | number) => {
  const text = formatNumber(Number(value));
  return format === 'yen' ? `${text}円` : text;
};

/** A sentence, name or figure of the approved content pack, read at its path. */
export function PackText({ pack, path, format }: { pack: ContentPack; path: PackPath; format?: FigureFormat }) {
  const { text } = packText(pack, path);
  return (
    <span data-origin="pack" data-path={path} data-format={format}>
      {format ? formatFigure(format)(text) : text}
    </span>
  );
}

/** A name or figure of the rate table in force (content too, with its own path). */
export function RateText({ rates, path, format }: { rates: RateTable; path: RatePath; format?: FigureFormat }) {
  const { text, origin } = rateText(rates, path, format ? formatFigure(format) : String);
  return (
    <span data-origin="pack" data-path={origin.from === 'pack' ? origin.path : path} data-format={format}>
      {text}
    </span>
  );
}

/** One of the agency's own named texts, as set in 設定. */
export function AgencyText({ texts, textKey }: { texts: AgencyTexts; textKey: AgencyTextKey }) {
  const { value, version } = texts[textKey];
  return (
    <span data-origin="agency" data-key={textKey} data-version={version}>
      {value ?? ''}
    </span>
  );
}

/** A heading, button or note of the app's own, from its catalogue. */
export function LabelText({ k }: { k: ScreenLabelKey }) {
  return (
    <span data-origin="label" data-key={k}>
      {screenLabel(k)}
    </span>
  );
}

/** An amount the app worked out (approved unit cost × the clerk's input): yen to the unit, never the flyer's 約…万円. */
export function ComputedYen({ yen }: { yen: number }) {
  return <span data-origin="computed">{formatFigure('yen')(yen)}</span>;
}
