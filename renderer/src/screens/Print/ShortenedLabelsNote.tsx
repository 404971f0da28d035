import { mailingMessages } from '../../../../shared/messages/mailingMessages.ts';

/** More names than this make the warning longer than the preview it stands above. */
const shown = 10;

/**
 * 「3件の宛名が長すぎて省略されています」: the labels that end in 「…」 even at the smallest size,
 * named, so that no envelope goes out with its building or floor silently missing.
 */
export function ShortenedLabelsNote({ clinics }: { clinics: readonly { clinicId: string; name: string }[] }) {
  if (clinics.length === 0) return null;
  return (
    <div role="alert" className="message message-error print-labels-shortened">
      <p>
        {mailingMessages.labelsShortened(clinics.length)}
        {mailingMessages.labelsShortenedHint}
      </p>
      <ul>
        {clinics.slice(0, shown).map((clinic) => (
          <li key={clinic.clinicId}>{clinic.name}</li>
        ))}
        {clinics.length > shown && <li>{mailingMessages.andMore(clinics.length - shown)}</li>}
      </ul>
    </div>
  );
}
