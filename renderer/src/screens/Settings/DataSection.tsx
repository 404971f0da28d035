import { useAppInfo } from '../../query/useAppInfo.ts';
import { modeLabels } from '../modeLabels.ts';

export function DataSection() {
  const { info, error } = useAppInfo();
  return (
    <section className="panel" aria-labelledby="settings-data">
      <h2 id="settings-data">データ</h2>
      {error ? (
        <p role="alert" className="message message-error">
          {error}
        </p>
      ) : (
        <dl className="info-list">
          <dt>データの保存場所</dt>
          <dd className="path">{info ? info.dataDir : '読み込み中…'}</dd>
          <dt>バージョン</dt>
          <dd>{info ? info.version : '読み込み中…'}</dd>
          <dt>動作モード</dt>
          <dd>{info ? modeLabels[info.mode] : '読み込み中…'}</dd>
        </dl>
      )}
    </section>
  );
}
