import { useEffect, useRef } from 'react';
import { documentKindNames, documentKinds, type DocumentKind } from '../../../../shared/documents/documentKinds.ts';
import { inquiryStatusLabels } from '../../../../shared/domain/inquiry.ts';
import { isDesktop } from '../../api/client.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';
import { usePrintStore } from '../../stores/printStore.ts';
import { PdfPreview } from './PdfPreview.tsx';
import { PrintClinicPicker } from './PrintClinicPicker.tsx';
import '../../styles/print.css';

/** 印刷: choose a document, optionally a clinic or one of its inquiries, make the PDF, look at it, save it. */
export function PrintScreen() {
  return (
    <section className="screen print-screen">
      <ScreenHeading>印刷</ScreenHeading>
      <div className="print-layout">
        <PrintChoices />
        <PrintResultPanel />
      </div>
    </section>
  );
}

function PrintChoices() {
  const documentKind = usePrintStore((s) => s.document);
  const chooseDocument = usePrintStore((s) => s.chooseDocument);
  const running = usePrintStore((s) => s.phase === 'running');
  const render = usePrintStore((s) => s.render);
  const cancel = usePrintStore((s) => s.cancel);
  const progress = usePrintStore((s) => s.progress);

  return (
    <section className="panel print-choices" aria-labelledby="print-choices-heading">
      <h2 id="print-choices-heading">作成する書類</h2>
      <fieldset className="print-kinds">
        <legend className="print-label">書類の種類</legend>
        <div className="print-kind-list">
          {documentKindNames.map((kind: DocumentKind) => (
            <label key={kind} className="print-kind">
              <input
                type="radio"
                name="print-document"
                value={kind}
                checked={documentKind === kind}
                onChange={() => chooseDocument(kind)}
              />
              {documentKinds[kind].label}
            </label>
          ))}
        </div>
      </fieldset>
      {documentKinds[documentKind].perClinic ? (
        <>
          <PrintClinicPicker />
          <PrintInquirySelect />
        </>
      ) : (
        <p className="field-hint">チラシは承認された内容のまま、どの医療機関にも同じものをお送りします（宛名は送付状に書きます）。</p>
      )}
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void render()} disabled={running}>
          PDFを作成
        </button>
      </div>
      {running && <JobProgress id="print-progress" label="PDFを作成しています" progress={progress} onCancel={cancel} />}
    </section>
  );
}

function PrintInquirySelect() {
  const clinic = usePrintStore((s) => s.clinic);
  const inquiries = usePrintStore((s) => s.inquiries);
  const inquiriesError = usePrintStore((s) => s.inquiriesError);
  const inquiryId = usePrintStore((s) => s.inquiryId);
  const chooseInquiry = usePrintStore((s) => s.chooseInquiry);
  const dateStyle = useDateStyle();
  if (!clinic) return null;
  return (
    <div className="print-field">
      <label htmlFor="print-inquiry" className="print-label">
        問い合わせ（任意）
      </label>
      <p id="print-inquiry-hint" className="field-hint">
        問い合わせを選ぶと、その受付番号が入ります。
      </p>
      <select
        id="print-inquiry"
        value={inquiryId}
        aria-describedby="print-inquiry-hint"
        disabled={inquiries === null}
        onChange={(e) => chooseInquiry(e.target.value)}
      >
        <option value="">{inquiries === null ? '読み込んでいます…' : '選ばない（医療機関の情報だけ）'}</option>
        {inquiries?.map((inquiry) => (
          <option key={inquiry.id} value={inquiry.id}>
            {[inquiry.receiptNumber, `${formatDate(inquiry.receivedOn, dateStyle)}受付`, inquiryStatusLabels[inquiry.status]].join('　')}
          </option>
        ))}
      </select>
      {inquiries !== null && inquiries.length === 0 && !inquiriesError && (
        <p className="field-hint">この医療機関の問い合わせはまだありません。</p>
      )}
      {inquiriesError && (
        <p role="alert" className="field-error">
          {inquiriesError}
        </p>
      )}
    </div>
  );
}

function PrintResultPanel() {
  const phase = usePrintStore((s) => s.phase);
  const message = usePrintStore((s) => s.message);
  const result = usePrintStore((s) => s.result);
  const saving = usePrintStore((s) => s.saving);
  const saveMessage = usePrintStore((s) => s.saveMessage);
  const save = usePrintStore((s) => s.save);
  const saveRef = useRef<HTMLButtonElement>(null);

  // When the PDF is ready, 「PDFを保存」 takes the focus: it is the next step.
  useEffect(() => {
    if (result) saveRef.current?.focus({ preventScroll: true });
  }, [result]);

  return (
    <section className="panel print-result" aria-labelledby="print-result-heading">
      <h2 id="print-result-heading">プレビュー</h2>
      {phase === 'failed' && message && (
        <p role="alert" className="message message-error">
          {message}
        </p>
      )}
      {phase === 'cancelled' && message && (
        <p role="status" className="message message-info">
          {message}
        </p>
      )}
      {!result && phase !== 'failed' && phase !== 'cancelled' && (
        <p className="print-empty">
          {phase === 'running' ? 'PDFを作成しています…' : '左で書類を選んで「PDFを作成」を押すと、ここに表示されます。'}
        </p>
      )}
      {result && (
        <>
          <p className="print-file-name">{result.file.name}</p>
          <div className="actions">
            <button ref={saveRef} type="button" className="button button-primary" onClick={() => void save()} disabled={saving}>
              PDFを保存
            </button>
          </div>
          <p role="status" className={saveMessage ? 'message message-success' : 'message-empty'}>
            {saveMessage}
          </p>
          {result.bytes ? (
            <PdfPreview bytes={result.bytes} title={`${result.file.name} のプレビュー`} />
          ) : (
            <p className="message message-info print-no-preview">
              この画面ではプレビューを表示できません。「PDFを保存」で保存して開いてください。
              {isDesktop() ? '' : '（ブラウザのダウンロードに保存されます）'}
            </p>
          )}
        </>
      )}
    </section>
  );
}
