import type { ReactNode } from 'react';
import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import type { RateTable } from '../../../../shared/content/rateTableSchema.ts';
import type { AgencyTexts } from '../../../../shared/domain/agencyTexts.ts';
import { LabelText, PackText } from '../../components/ScreenText.tsx';
import { ContactCard } from './ContactCard.tsx';
import { IncidentCaseBlock } from './IncidentCaseBlock.tsx';
import { PremiumSection } from './PremiumSection.tsx';
import { SolicitationCapacity } from './SolicitationCapacity.tsx';

/** One step of the explanation: a section on the 商品説明 screen, a page in 説明モード. */
export interface ProductSection {
  id: string;
  /** The short name in the table of contents. */
  navLabel: ReactNode;
  title: ReactNode;
  body: ReactNode;
}

interface SectionOptions {
  /** 説明モード faces the customer: it leaves out the counter's own controls and notes to staff. */
  presentation: boolean;
  rates: RateTable;
  agencyTexts: AgencyTexts | null;
  onOpenQuote?: () => void;
}

/**
 * The flyer's content in the order a clinic director can follow: why it matters, what can happen,
 * what it costs, what the insurance pays, the premium and whom to ask. Every sentence is the pack's
 * (or the rate table's), read at its path; only headings, buttons and notes to staff are the app's
 * own, from its label catalogue.
 */
export function productSections(pack: ContentPack, { presentation, rates, agencyTexts, onOpenQuote }: SectionOptions): ProductSection[] {
  const [, ...otherCoverages] = pack.coverages;
  const official = rates.status === 'confirmed';
  const sections: (ProductSection | null)[] = [
    {
      id: 'introduction',
      navLabel: <LabelText k="toc.introduction" />,
      title: <PackText pack={pack} path="productName" />,
      body: (
        <>
          <div className="intro-layout">
            <div className="intro-text">
              {pack.introduction.map((paragraph, i) => (
                <p key={paragraph}>
                  <PackText pack={pack} path={`introduction.${i}`} />
                </p>
              ))}
            </div>
            <p className="discount-badge">
              <span className="discount-label">
                <PackText pack={pack} path="groupDiscount.label" />
              </span>
              <span className="discount-value">
                <PackText pack={pack} path="groupDiscount.display" />
              </span>
            </p>
          </div>
          {presentation && <SolicitationCapacity texts={agencyTexts} presentation />}
        </>
      ),
    },
    {
      id: 'why-targeted',
      navLabel: <LabelText k="toc.why-targeted" />,
      title: <PackText pack={pack} path="whyTargeted.title" />,
      body: (
        <p className="product-lead">
          <PackText pack={pack} path="whyTargeted.text" />
        </p>
      ),
    },
    {
      id: 'attacks',
      navLabel: <LabelText k="toc.attacks" />,
      title: <PackText pack={pack} path="riskQuestion" />,
      body: (
        <div className="attack-layout">
          <h3 className="product-subheading">
            <PackText pack={pack} path="attackTypesTitle" />
          </h3>
          <ul className="attack-list" aria-label="サイバー攻撃の種類">
            {pack.attackTypes.map((attack, i) => (
              <li key={attack}>
                <PackText pack={pack} path={`attackTypes.${i}`} />
              </li>
            ))}
          </ul>
          <p className="attack-arrow" aria-hidden="true">
            ▼
          </p>
          <ul className="impact-list" aria-label="起こりうる影響">
            {pack.impacts.map((impact, i) => (
              <li key={impact}>
                <PackText pack={pack} path={`impacts.${i}`} />
              </li>
            ))}
          </ul>
        </div>
      ),
    },
    {
      id: 'incident-case',
      navLabel: <LabelText k="toc.incident-case" />,
      title: <PackText pack={pack} path="incidentCase.title" />,
      // The case, its closing and the note on what pays for it, in the flyer's order: 「上記費用」 is this table.
      body: <IncidentCaseBlock pack={pack} />,
    },
    // Each further coverage under its own heading, as the flyer sets 「損害賠償」 apart from the case.
    ...otherCoverages.map((_, n): ProductSection => {
      const i = n + 1;
      return {
        id: `coverage-${i}`,
        navLabel: <PackText pack={pack} path={`coverages.${i}.name`} />,
        title: <PackText pack={pack} path={`coverages.${i}.name`} />,
        body: (
          <div className="coverage-block">
            {pack.coverages[i]?.description && (
              <p className="product-lead">
                <PackText pack={pack} path={`coverages.${i}.description`} />
              </p>
            )}
            <p className="coverage-note">
              <PackText pack={pack} path={`coverages.${i}.note`} />
            </p>
          </div>
        ),
      };
    }),
    {
      id: 'damage-examples',
      navLabel: <LabelText k="toc.damage-examples" />,
      title: <PackText pack={pack} path="damageExamples.title" />,
      body: (
        <div className="example-groups">
          {pack.damageExamples.groups.map((group, g) => (
            <section key={group.heading} className="example-group" aria-label={group.heading}>
              <h3 className="product-subheading">
                <PackText pack={pack} path={`damageExamples.groups.${g}.heading`} />
              </h3>
              <ul className="example-list">
                {group.items.map((item, i) => (
                  <li key={item}>
                    <PackText pack={pack} path={`damageExamples.groups.${g}.items.${i}`} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ),
    },
    // The customer sees premiums only from the official table; while it is a sample the page is
    // left out of 説明モード and 商品説明 tells staff why.
    presentation && !official
      ? null
      : {
          id: 'premium',
          navLabel: <LabelText k="toc.premium" />,
          title: <PackText pack={pack} path="premium.title" />,
          body: <PremiumSection pack={pack} rates={rates} presentation={presentation} onOpenQuote={onOpenQuote} />,
        },
    {
      id: 'contacts',
      navLabel: <LabelText k="toc.contacts" />,
      title: <LabelText k="contactsTitle" />,
      body: (
        <>
          <div className="contact-grid">
            <ContactCard pack={pack} which="insurer" withWebsite />
            <ContactCard pack={pack} which="agency" />
          </div>
          <p className="consent-text">
            <PackText pack={pack} path="consent" />
          </p>
        </>
      ),
    },
  ];
  return sections.filter((section): section is ProductSection => section !== null);
}
