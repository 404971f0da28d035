import { agencyTextKeys } from '../../../../shared/domain/agencyTexts.ts';
import { useAgencyTexts } from '../../query/useSharedReads.ts';
import { AgencyTextForm } from './AgencyTextForm.tsx';

/**
 * 代理店の文言: what the agency prints in its own name (its FAX form's number and questions, its
 * notices, how it solicits). The approved flyer's words are never edited here: they come only
 * from the content pack. They stay on this machine (versions numbered per machine predate
 * sharing; two PCs could both make a version 2), which the section says.
 */
export function AgencyTextsSection() {
  const { texts, error } = useAgencyTexts();
  return (
    <section className="panel" aria-labelledby="settings-agency-texts">
      <h2 id="settings-agency-texts">代理店の文言</h2>
      <p className="section-lead">
        代理店が自らの名前で書類に載せる文言です（チラシの文言は保険会社の承認済みのため、ここでは変えられません）。保存するたびに版が1つ上がり、印刷した書類にはその時点の版が記録されます。この端末だけの文言です。複数の端末で使っているときは、ほかの端末にも同じ文言を保存してください。
      </p>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {texts && agencyTextKeys.map((key) => <AgencyTextForm key={key} text={texts[key]} />)}
    </section>
  );
}
