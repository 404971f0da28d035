import { useId } from 'react';
import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { PackText } from '../../components/ScreenText.tsx';
import { IncidentCaseBlock } from '../Product/IncidentCaseBlock.tsx';
import { StaffNote } from '../Product/StaffNote.tsx';
import { BreachRescaling } from './BreachRescaling.tsx';

/**
 * The flyer's incident case on 保険料試算, as the flyer states it: its items, its 約…万円 amounts
 * and its note on what pays for them. Rescaling to a clinic's own numbers is offered only when
 * the content pack carries insurer-approved unit costs; the flyer has none, and the app invents none.
 */
export function BreachSimulation({ pack }: { pack: ContentPack }) {
  const headingId = useId();
  return (
    <section className="panel breach-simulation" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <PackText pack={pack} path="incidentCase.title" />
      </h2>
      <IncidentCaseBlock pack={pack} />
      {pack.breachUnitCosts ? <BreachRescaling pack={pack} costs={pack.breachUnitCosts} /> : <StaffNote k="noUnitCosts" />}
    </section>
  );
}
