import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { SetAsideRateTables } from '../../components/SetAsideRateTables.tsx';
import { queries } from '../../query/queries.ts';
import { useContent } from '../../query/useSharedReads.ts';
import { useContentImportStore } from '../../stores/contentImportStore.ts';
import { PackChangesList } from './PackChangesList.tsx';

const yen = new Intl.NumberFormat('ja-JP');
const dateTime = new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' });

/** 設定 → 商品内容と保険料表: the content in force, the Excel template, imports and their history. */
export function ContentSection() {
  const headingId = useId();
  const versionId = useId();
  const { pack, rates, problems: contentProblems } = useContent();
  // Set-aside rate tables get their own notice; the rest stay a list of file problems.
  const skipped = contentProblems.filter((p) => !p.setAside);
  const busy = useContentImportStore((s) => s.busy);
  const message = useContentImportStore((s) => s.message);
  const error = useContentImportStore((s) => s.error);
  const pending = useContentImportStore((s) => s.pending);
  const changes = useQuery(queries.contentChanges()).data ?? [];
  const saveTemplate = useContentImportStore((s) => s.saveTemplate);
  const chooseFile = useContentImportStore((s) => s.chooseFile);
  const accept = useContentImportStore((s) => s.accept);
  const discard = useContentImportStore((s) => s.discard);
  const revert = useContentImportStore((s) => s.revert);
  const [version, setVersion] = useState('');

  const preview = pending?.preview;
  const problems = preview?.problems ?? [];

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>商品内容と保険料表</h2>
      {pack && rates && (
        <dl className="content-current">
          <dt>チラシ</dt>
          <dd>
            {pack.document.code}（{pack.document.createdLabel}）
          </dd>
          <dt>保険料表</dt>
          <dd>
            {rates.version}（{rates.status === 'sample' ? '見本：実際の保険料ではありません' : '正式'}）
          </dd>
        </dl>
      )}
      {rates && <SetAsideRateTables problems={contentProblems} inForce={rates} />}
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
      <p className="section-lead">
        保険会社から届いた正式な保険料は、テンプレートをExcelで開いて入力し、CSV形式で保存してから読み込みます。読み込む前に、今の内容と並べて確認できます。
      </p>
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void saveTemplate()}>
          保険料表のテンプレートを保存
        </button>
      </div>
      <div className="field">
        <label htmlFor={versionId}>保険料表の版（CSVを読み込むとき）</label>
        <p className="field-hint">例：2026年度 正式</p>
        <div className="input-with-button">
          <input id={versionId} type="text" value={version} maxLength={60} onChange={(e) => setVersion(e.target.value)} />
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void chooseFile(version)}>
            保険料表・内容パックを読み込む
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
      {pending && preview && (
        <div className="content-preview" role="region" aria-label="読み込む内容の確認">
          <h3>読み込む内容の確認（{pending.file.name}）</h3>
          {problems.length > 0 ? (
            <>
              <p role="alert" className="message message-error">
                このファイルには {problems.length} 件の問題があるため取り込めません。直してからもう一度読み込んでください。
              </p>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">行</th>
                    <th scope="col">項目</th>
                    <th scope="col">内容</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={i}>
                      <td>{p.row > 0 ? p.row : '—'}</td>
                      <td className="problem-field">{p.field}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : preview.kind === 'rates' ? (
            <table className="data-table">
              <caption>
                今の保険料表「{preview.currentVersion}」と新しい保険料表「{preview.version}」（月額・12回払）
              </caption>
              <thead>
                <tr>
                  <th scope="col">種別</th>
                  <th scope="col">プラン</th>
                  <th scope="col">今の月額</th>
                  <th scope="col">新しい月額</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r, i) => (
                  <tr key={i}>
                    <td>{r.kindLabel}</td>
                    <td>{r.planName}</td>
                    <td className="number">{r.currentYen === null ? '—' : `${yen.format(r.currentYen)}円${preview.currentStatus === 'sample' ? '（見本）' : ''}`}</td>
                    <td className="number">{yen.format(r.newYen)}円</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <>
              <p>
                チラシ {preview.current.code}（{preview.current.createdLabel}）を {preview.candidate.code}（{preview.candidate.createdLabel}）に置き換えます。
              </p>
              <PackChangesList changes={preview.changes} />
            </>
          )}
          <div className="actions">
            {problems.length === 0 && (
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void accept()}>
                この内容で取り込む
              </button>
            )}
            <button type="button" className="button" disabled={busy} onClick={discard}>
              やめる
            </button>
          </div>
        </div>
      )}
      {changes.length > 0 && (
        <table className="data-table">
          <caption>取り込みの記録</caption>
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">内容</th>
              <th scope="col">担当者</th>
              <th scope="col">状態</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.id}>
                <td>{dateTime.format(new Date(c.installedAt))}</td>
                <td>
                  {c.kind === 'rates' ? '保険料表' : 'チラシ'}「{c.label}」
                </td>
                <td>{c.staffName ?? '—'}</td>
                <td>
                  {c.revertedAt ? (
                    '取り消し済み'
                  ) : (
                    <button type="button" className="button button-small" disabled={busy} onClick={() => void revert(c)}>
                      取り消す
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
