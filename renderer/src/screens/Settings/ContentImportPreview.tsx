import { rateTableMessages } from '../../../../shared/messages/rateTableMessages.ts';
import { useContentImportStore } from '../../stores/contentImportStore.ts';
import { RatePreviewTable } from './RatePreviewTable.tsx';
import { PackChangesList } from './PackChangesList.tsx';
import { PackPdfsChoice } from './PackPdfsChoice.tsx';

/** A chosen table or pack beside the content in force, or its problems, before anything is installed. */
export function ContentImportPreview() {
  const busy = useContentImportStore((s) => s.busy);
  const pending = useContentImportStore((s) => s.pending);
  const accept = useContentImportStore((s) => s.accept);
  const discard = useContentImportStore((s) => s.discard);
  if (!pending) return null;
  const { preview, request } = pending;
  const problems = preview.problems;
  return (
    <div className="content-preview" role="region" aria-label="読み込む内容の確認">
      <h3>読み込む内容の確認（{pending.file.name}）</h3>
      {request.kind === 'rates' && (
        <p>
          版「{request.version}」 / {rateTableMessages.sourceLabel(request.source.document, request.source.date)}
        </p>
      )}
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
        <RatePreviewTable preview={preview} />
      ) : (
        preview.candidate && (
          <>
            <p>
              チラシ {preview.current.code}（{preview.current.createdLabel}）を {preview.candidate.code}（{preview.candidate.createdLabel}）に置き換えます。
            </p>
            <PackChangesList changes={preview.changes} />
            <PackPdfsChoice pdfs={preview.pdfs} />
          </>
        )
      )}
      <div className="actions">
        {problems.length === 0 && !(preview.kind === 'pack' && preview.pdfs.some((p) => p.problem !== null)) && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void accept()}>
            この内容で取り込む
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={discard}>
          やめる
        </button>
      </div>
    </div>
  );
}
