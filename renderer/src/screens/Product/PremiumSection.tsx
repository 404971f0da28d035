import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { ratedKinds, type RateTable } from '../../../../shared/content/rateTableSchema.ts';
import { LabelText, PackText, RateText } from '../../components/ScreenText.tsx';
import { StaffNote } from './StaffNote.tsx';

interface PremiumSectionProps {
  pack: ContentPack;
  rates: RateTable;
  presentation: boolean;
  onOpenQuote?: () => void;
}

/**
 * The flyer's premium section with the official table's monthly premiums, each read from the
 * table at its path. A sample table's figures are made up for practice: they are never shown
 * here, and staff are told that no official table is loaded.
 */
export function PremiumSection({ pack, rates, presentation, onOpenQuote }: PremiumSectionProps) {
  const official = rates.status === 'confirmed';
  return (
    <>
      {official ? (
        <>
          <p className="premium-scope">
            <PackText pack={pack} path="premium.scope" />{' '}
            <span className="premium-conditions">
              <PackText pack={pack} path="premium.conditionsLabel" />
            </span>
          </p>
          <div className="table-scroll">
            <table className="premium-table">
              <caption>
                <RateText rates={rates} path="title" />
              </caption>
              <thead>
                <tr>
                  <td />
                  {rates.plans.map((plan, i) => (
                    <th key={plan.id} scope="col">
                      <RateText rates={rates} path={`plans.${i}.name`} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ratedKinds.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">
                      <LabelText k={`kind.${kind}`} />
                    </th>
                    {rates.plans.map((plan) => (
                      <td key={plan.id} className="premium-figure">
                        <RateText rates={rates} path={`monthlyPremiums.${kind}.${plan.id}`} format="yen" />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!presentation && (
            <p className="premium-version">
              <LabelText k="rateTableVersion" />：<RateText rates={rates} path="version" />
            </p>
          )}
        </>
      ) : (
        <StaffNote k="noOfficialRates" />
      )}
      <p className="premium-note">
        <PackText pack={pack} path="premium.askAgencyNote" />
      </p>
      {!presentation && onOpenQuote && (
        <p className="product-action">
          <button type="button" className="button" onClick={onOpenQuote}>
            <LabelText k="openQuote" />
          </button>
        </p>
      )}
    </>
  );
}
