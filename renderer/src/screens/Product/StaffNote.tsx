import type { ScreenLabelKey } from '../../../../shared/messages/screenLabels.ts';
import { LabelText } from '../../components/ScreenText.tsx';

/** A note for the clerk, marked as the counter's own so it is never read out as the insurer's word. */
export function StaffNote({ k }: { k: ScreenLabelKey }) {
  return (
    <div className="staff-note" role="note">
      <p className="staff-note-badge">
        <LabelText k="staffOnly" />
      </p>
      <p>
        <LabelText k={k} />
      </p>
    </div>
  );
}
