import type { AgencyTexts } from '../../../../shared/domain/agencyTexts.ts';
import { AgencyText } from '../../components/ScreenText.tsx';
import { StaffNote } from './StaffNote.tsx';

/**
 * The insurer's registered name and whether the agency acts as 代理 or 媒介, which the law
 * (保険業法294条3項) wants stated before soliciting: the agency's own text, as set in 設定.
 * Unset, the customer is shown nothing invented and the clerk is told to set it.
 */
export function SolicitationCapacity({ texts, presentation }: { texts: AgencyTexts | null; presentation: boolean }) {
  if (!texts) return null;
  if (texts.solicitationCapacity.value) {
    return (
      <p className="solicitation-capacity">
        <AgencyText texts={texts} textKey="solicitationCapacity" />
      </p>
    );
  }
  return presentation ? null : <StaffNote k="solicitationUnset" />;
}
