import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { PackText } from '../../components/ScreenText.tsx';
import { IncidentCaseTable } from './IncidentCaseTable.tsx';

/** The flyer's incident case as the flyer states it, closed by its note on which coverage pays these costs. */
export function IncidentCaseBlock({ pack }: { pack: ContentPack }) {
  return (
    <>
      <p className="incident-summary">
        <PackText pack={pack} path="incidentCase.summary" />
      </p>
      <IncidentCaseTable pack={pack} />
      <p className="product-closing">
        <PackText pack={pack} path="incidentCase.closing" />
      </p>
      {pack.coverages[0] && (
        <p className="coverage-note">
          <PackText pack={pack} path="coverages.0.note" />
        </p>
      )}
    </>
  );
}
