import { useId } from 'react';
import { ContentNotUsedHere } from '../../components/ContentNotUsedHere.tsx';
import { SetAsideRateTables } from '../../components/SetAsideRateTables.tsx';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';
import { useContent } from '../../query/useSharedReads.ts';
import { useContentImportStore } from '../../stores/contentImportStore.ts';
import { ContentChangesHistory } from './ContentChangesHistory.tsx';
import { ContentImportPreview } from './ContentImportPreview.tsx';
import { RateTableImportForm } from './RateTableImportForm.tsx';

/** 設定 → 商品内容と保険料表: the content in force, the Excel template, imports and their history. */
export function ContentSection() {
  const headingId = useId();
  const { pack, rates, importantMatters, problems: contentProblems } = useContent();
  const dateStyle = useDateStyle();
  // Set-aside rate tables get their own notice; the rest stay a list of file problems.
  const skipped = contentProblems.filter((p) => !p.setAside && !p.fromAnotherMachine);
  const busy = useContentImportStore((s) => s.busy);
  const message = useContentImportStore((s) => s.message);
  const error = useContentImportStore((s) => s.error);
  const choosePack = useContentImportStore((s) => s.choosePack);
  const installs = useContentImportStore((s) => s.installs);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>商品内容と保険料表</h2>
      {pack && rates && (
        <dl className="content-current">
          <dt>チラシ</dt>
          <dd>
            {pack.document.code}（{pack.document.createdLabel}）
          </dd>
          <dt>重要事項説明書</dt>
          <dd>{importantMatters ? `${importantMatters.code}（${formatDate(importantMatters.date, dateStyle)}）` : '入っていません（保険会社のPDFを含む内容パックを読み込むと印刷できます）'}</dd>
          <dt>保険料表</dt>
          <dd>
            {rates.version}
            {/* 「2026年度 正式」 says it once: the word is added only when the version does not carry it. */}
            {rates.status === 'sample' ? '（見本：実際の保険料ではありません）' : rates.version.includes('正式') ? '' : '（正式）'}
          </dd>
        </dl>
      )}
      {rates && <SetAsideRateTables problems={contentProblems} inForce={rates} />}
      <ContentNotUsedHere problems={contentProblems} except={(p) => p.setAside !== undefined} />
      {skipped.length > 0 && (
        <div role="alert" className="message message-error">
          <p>次のファイルは内容に誤りがあるため使っていません（前の正しい内容を使っています）。</p>
          <ul>
            {skipped.map((p) => (
              <li key={p.file}>
                {p.file}：{p.messages.slice(0, 3).join(' / ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* A fresh form after each install: the next table rests on a document of its own. */}
      <RateTableImportForm key={installs} busy={busy} />
      <div className="pack-import">
        <h3>内容パック（チラシの文言）</h3>
        <p className="section-lead">保険会社から届いた内容パック（JSONのファイル）を読み込みます。読み込む前に、変わる項目をすべて今の内容と並べて確認できます。</p>
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void choosePack()}>
            内容パックを読み込む
          </button>
        </div>
      </div>
      {message && (
        <p role="status" className="message message-success">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      <ContentImportPreview />
      <ContentChangesHistory />
    </section>
  );
}
