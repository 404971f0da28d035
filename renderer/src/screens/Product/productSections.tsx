import { useId, type ReactNode } from 'react';
import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { ContactCard } from './ContactCard.tsx';
import { IncidentCaseTable, groupByCategory } from './IncidentCaseTable.tsx';

/** One step of the explanation: a section on the 商品説明 screen, a page in 説明モード. */
export interface ProductSection {
  id: string;
  /** The short name in the table of contents. */
  navLabel: string;
  title: string;
  body: ReactNode;
}

interface SectionOptions {
  /** 説明モード leaves out controls that only make sense at the counter's own screen. */
  presentation: boolean;
  onOpenQuote?: () => void;
}

/**
 * The flyer's content in the order a clinic director can follow: why it matters, what can happen,
 * what it costs, what the insurance pays, the premium and whom to ask. Every sentence is the pack's;
 * only headings and labels are the app's own.
 */
export function productSections(pack: ContentPack, { presentation, onOpenQuote }: SectionOptions): ProductSection[] {
  const [costCoverage, ...otherCoverages] = pack.coverages;
  const caseCategories = groupByCategory(pack.incidentCase.items).map((g) => g.category);
  return [
    {
      id: 'introduction',
      navLabel: 'はじめに',
      title: pack.productName,
      body: (
        <div className="intro-layout">
          <div className="intro-text">
            {pack.introduction.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
          <p className="discount-badge">
            <span className="discount-label">{pack.groupDiscount.label}</span>
            <span className="discount-value">{pack.groupDiscount.display}</span>
          </p>
        </div>
      ),
    },
    {
      id: 'why-targeted',
      navLabel: 'サイバーリスク',
      title: pack.whyTargeted.title,
      body: <p className="product-lead">{pack.whyTargeted.text}</p>,
    },
    {
      id: 'attacks',
      navLabel: '攻撃と影響',
      title: pack.riskQuestion,
      body: (
        <div className="attack-layout">
          <h3 className="product-subheading">{pack.attackTypesTitle}</h3>
          <ul className="attack-list" aria-label="サイバー攻撃の種類">
            {pack.attackTypes.map((attack) => (
              <li key={attack}>{attack}</li>
            ))}
          </ul>
          <p className="attack-arrow" aria-hidden="true">
            ▼
          </p>
          <ul className="impact-list" aria-label="起こりうる影響">
            {pack.impacts.map((impact) => (
              <li key={impact}>{impact}</li>
            ))}
          </ul>
        </div>
      ),
    },
    {
      id: 'incident-case',
      navLabel: '対応事例',
      title: pack.incidentCase.title,
      body: (
        <>
          <p className="incident-summary">{pack.incidentCase.summary}</p>
          <IncidentCaseTable incidentCase={pack.incidentCase} />
          <p className="product-closing">{pack.incidentCase.closing}</p>
        </>
      ),
    },
    {
      id: 'coverages',
      navLabel: 'お支払いの対象',
      title: '保険のお支払いの対象',
      body: (
        <div className="coverage-list">
          {costCoverage && (
            <CoverageCard coverage={costCoverage}>
              <p className="coverage-basis">「{pack.incidentCase.title}」の費用</p>
              <ul className="coverage-categories">
                {caseCategories.map((category) => (
                  <li key={category}>{category}</li>
                ))}
              </ul>
            </CoverageCard>
          )}
          {otherCoverages.map((coverage) => (
            <CoverageCard key={coverage.name} coverage={coverage} />
          ))}
        </div>
      ),
    },
    {
      id: 'damage-examples',
      navLabel: '被害例',
      title: pack.damageExamples.title,
      body: (
        <div className="example-groups">
          {pack.damageExamples.groups.map((group) => (
            <section key={group.heading} className="example-group" aria-label={group.heading}>
              <h3 className="product-subheading">{group.heading}</h3>
              <ul className="example-list">
                {group.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ),
    },
    {
      id: 'premium',
      navLabel: '保険料',
      title: pack.premium.title,
      body: (
        <>
          <p className="premium-scope">
            {pack.premium.scope} <span className="premium-conditions">{pack.premium.conditionsLabel}</span>
          </p>
          <p className="premium-note">{pack.premium.askAgencyNote}</p>
          {!presentation && onOpenQuote && (
            <p className="product-action">
              <button type="button" className="button" onClick={onOpenQuote}>
                保険料試算を開く
              </button>
            </p>
          )}
        </>
      ),
    },
    {
      id: 'contacts',
      navLabel: 'お問い合わせ先',
      title: 'お問い合わせ先',
      body: (
        <>
          <div className="contact-grid">
            <ContactCard contact={pack.contacts.insurer} website={pack.insurerWebsite} />
            <ContactCard contact={pack.contacts.agency} />
          </div>
          <p className="consent-text">{pack.consent}</p>
        </>
      ),
    },
  ];
}

/** One coverage with the flyer's note; `children` stands between the description and the note (what 「上記費用」 refers to). */
function CoverageCard({ coverage, children }: { coverage: ContentPack['coverages'][number]; children?: ReactNode }) {
  const titleId = useId();
  return (
    <section className="coverage-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="coverage-name">
        {coverage.name}
      </h3>
      {coverage.description && <p>{coverage.description}</p>}
      {children}
      <p className="coverage-note">{coverage.note}</p>
    </section>
  );
}
