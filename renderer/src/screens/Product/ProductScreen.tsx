import { useMemo, useRef, useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { LabelText, PackText } from '../../components/ScreenText.tsx';
import { useAgencyTexts, useContent } from '../../query/useSharedReads.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { DocumentCode } from './DocumentCode.tsx';
import { PresentationMode } from './PresentationMode.tsx';
import { productSections } from './productSections.tsx';
import { SolicitationCapacity } from './SolicitationCapacity.tsx';
import '../../styles/product.css';

/** 商品説明: the approved flyer, section by section, to explain across the desk; 説明モード shows it full screen. */
export function ProductScreen() {
  const { pack, rates, error, reload } = useContent();
  const { texts: agencyTexts } = useAgencyTexts();
  const navigate = useUiStore((s) => s.navigate);
  const [presenting, setPresenting] = useState(false);
  const sectionRefs = useRef(new Map<string, HTMLElement>());

  const sections = useMemo(
    () => (pack && rates ? productSections(pack, { presentation: false, rates, agencyTexts, onOpenQuote: () => navigate('quote') }) : []),
    [pack, rates, agencyTexts, navigate],
  );
  const pages = useMemo(() => (pack && rates ? productSections(pack, { presentation: true, rates, agencyTexts }) : []), [pack, rates, agencyTexts]);

  const showSection = (id: string) => {
    const element = sectionRefs.current.get(id);
    element?.scrollIntoView({ block: 'start' });
    element?.querySelector<HTMLElement>('h2')?.focus();
  };

  return (
    <section className="screen product-screen">
      <ScreenHeading>
        <LabelText k="productScreen" />
      </ScreenHeading>
      {error && (
        <div role="alert" className="message message-error notice-line">
          <p>{error}</p>
          <button type="button" className="button" onClick={reload}>
            <LabelText k="reload" />
          </button>
        </div>
      )}
      {(!pack || !rates) && !error && (
        <p className="message message-info">
          <LabelText k="loading" />
        </p>
      )}
      {pack && rates && (
        <>
          <div className="product-toolbar">
            <nav aria-label="説明の順序" className="product-toc">
              <ol>
                {sections.map((section, index) => (
                  <li key={section.id}>
                    <button type="button" className="toc-button" onClick={() => showSection(section.id)}>
                      <span className="toc-number" aria-hidden="true">
                        {index + 1}
                      </span>
                      {section.navLabel}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
            <div className="product-toolbar-side">
              <button type="button" className="button button-primary present-start" onClick={() => setPresenting(true)}>
                <LabelText k="presentStart" />
              </button>
              <p className="field-hint">
                <LabelText k="presentHint" />
              </p>
            </div>
          </div>
          <SolicitationCapacity texts={agencyTexts} presentation={false} />
          <DocumentCode pack={pack} className="product-document-code" />

          {sections.map((section, index) => (
            <section
              key={section.id}
              ref={(element) => {
                if (element) sectionRefs.current.set(section.id, element);
                else sectionRefs.current.delete(section.id);
              }}
              className={`product-section product-${section.id}`}
              aria-labelledby={`product-section-${section.id}`}
            >
              <h2 id={`product-section-${section.id}`} tabIndex={-1} className="product-section-title">
                <span className="step-number" aria-hidden="true">
                  {index + 1}
                </span>
                {section.title}
              </h2>
              {section.body}
            </section>
          ))}

          <footer className="product-footer">
            <p>
              <PackText pack={pack} path="summaryNote" />
            </p>
            <DocumentCode pack={pack} />
          </footer>

          {presenting && (
            <PresentationMode sections={pages} pack={pack} onClose={() => setPresenting(false)} />
          )}
        </>
      )}
    </section>
  );
}
