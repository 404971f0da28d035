import { useMemo, useRef, useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { useContent } from '../../query/useSharedReads.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { DocumentCode } from './DocumentCode.tsx';
import { PresentationMode } from './PresentationMode.tsx';
import { productSections } from './productSections.tsx';
import '../../styles/product.css';

/** 商品説明: the approved flyer, section by section, to explain across the desk; 説明モード shows it full screen. */
export function ProductScreen() {
  const { pack, error, reload } = useContent();
  const navigate = useUiStore((s) => s.navigate);
  const [presenting, setPresenting] = useState(false);
  const sectionRefs = useRef(new Map<string, HTMLElement>());

  const sections = useMemo(
    () => (pack ? productSections(pack, { presentation: false, onOpenQuote: () => navigate('quote') }) : []),
    [pack, navigate],
  );
  const pages = useMemo(() => (pack ? productSections(pack, { presentation: true }) : []), [pack]);

  const showSection = (id: string) => {
    const element = sectionRefs.current.get(id);
    element?.scrollIntoView({ block: 'start' });
    element?.querySelector<HTMLElement>('h2')?.focus();
  };

  return (
    <section className="screen product-screen">
      <ScreenHeading>商品説明</ScreenHeading>
      {error && (
        <div role="alert" className="message message-error notice-line">
          <p>{error}</p>
          <button type="button" className="button" onClick={reload}>
            もう一度読み込む
          </button>
        </div>
      )}
      {!pack && !error && <p className="message message-info">読み込んでいます…</p>}
      {pack && (
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
                説明モード
              </button>
              <p className="field-hint">全画面・大きな文字で1項目ずつ表示します（← → で移動、Esc で終了）</p>
            </div>
          </div>
          <DocumentCode document={pack.document} className="product-document-code" />

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
            <p>{pack.summaryNote}</p>
            <DocumentCode document={pack.document} />
          </footer>

          {presenting && (
            <PresentationMode
              sections={pages}
              document={pack.document}
              summaryNote={pack.summaryNote}
              onClose={() => setPresenting(false)}
            />
          )}
        </>
      )}
    </section>
  );
}
