import { useEffect, useRef, useState } from 'react';
// The worker is a file of this build ('self' under the CSP), never a CDN or an inline blob of code.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type * as PdfJsModule from 'pdfjs-dist';
import { formatNumber } from '../../format/formatNumber.ts';

/**
 * Pages beyond this are not drawn; the saved PDF has them all. A mailing can have thousands of
 * pages, and every drawn page holds a full-size canvas in memory: the window would freeze.
 */
const maxPreviewPages = 10;

type PdfJs = typeof PdfJsModule;
let pdfjsPromise: Promise<PdfJs> | null = null;

/** pdf.js is loaded only when a preview is first shown, so the other screens do not carry it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return pdfjsPromise;
}

interface PdfPreviewProps {
  bytes: Uint8Array;
  /** The file name; the accessible name of the drawn pages. */
  title: string;
}

/**
 * Draws the PDF's pages onto canvases with pdf.js, as wide as the preview area. pdf.js of this
 * version uses no eval; fonts embedded in the PDF are loaded from memory.
 */
export function PdfPreview({ bytes, title }: PdfPreviewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [pageCount, setPageCount] = useState(0);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    let destroy: (() => void) | null = null;
    setState('loading');
    setPageCount(0);

    (async () => {
      const pdfjs = await loadPdfJs();
      // pdf.js transfers the buffer to its worker; a copy keeps the store's bytes usable.
      // Errors only: pdf.js warns about harmless font hinting quirks in the console otherwise.
      const task = pdfjs.getDocument({ data: bytes.slice(), verbosity: pdfjs.VerbosityLevel.ERRORS });
      destroy = () => void task.destroy();
      const pdf = await task.promise;
      if (cancelled) return;
      const pages = Math.min(pdf.numPages, maxPreviewPages);
      setPageCount(pdf.numPages);
      const style = getComputedStyle(container);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const width = Math.max(container.clientWidth - padding - 2, 300);
      const ratio = window.devicePixelRatio || 1;
      container.replaceChildren();
      for (let number = 1; number <= pages; number++) {
        const page = await pdf.getPage(number);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: (width / base.width) * ratio });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        canvas.className = 'print-preview-page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', pages > 1 ? `${title}（${number}ページ目）` : title);
        await page.render({ canvas, viewport }).promise;
        if (cancelled) return;
        // Each page appears as soon as it is drawn: the first one is what staff check.
        container.append(canvas);
        page.cleanup();
      }
      setState('drawn');
    })().catch(() => {
      if (!cancelled) setState('failed');
    });

    return () => {
      cancelled = true;
      destroy?.();
      container.replaceChildren();
    };
  }, [bytes, title]);

  return (
    <div className="print-preview">
      {state === 'loading' && <p className="print-preview-note">プレビューを表示しています…</p>}
      {state === 'failed' && (
        <p role="alert" className="message message-error">
          プレビューを表示できませんでした。「PDFを保存」で保存して開いてください。
        </p>
      )}
      {state !== 'failed' && pageCount > maxPreviewPages && (
        <p className="print-preview-note">
          最初の{maxPreviewPages}ページを表示しています（全{formatNumber(pageCount)}ページ）。保存したPDFにはすべてのページがあります。
        </p>
      )}
      <div ref={containerRef} className="print-preview-pages" data-state={state} />
    </div>
  );
}
