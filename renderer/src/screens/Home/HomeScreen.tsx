import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { useAppInfoStore } from '../../stores/appInfoStore.ts';
import { modeLabels } from '../modeLabels.ts';

export function HomeScreen() {
  const info = useAppInfoStore((s) => s.info);
  const error = useAppInfoStore((s) => s.error);
  return (
    <section className="screen">
      <ScreenHeading>ホーム</ScreenHeading>
      <p className="lead">
        医療機関向けサイバー保険の窓口用アプリです。左のメニューから画面を選んでください。
      </p>
      <ul className="home-guide">
        <li>
          <strong>医療機関</strong>：窓口に来られた医療機関を登録し、名前やふりがなで探せます。
        </li>
        <li>
          <strong>設定</strong>：データの保存場所の確認と、医療機関一覧のCSV書き出し・取り込みができます。
        </li>
      </ul>
      <h2>このアプリについて</h2>
      {error ? (
        <p role="alert" className="message message-error">
          {error}
        </p>
      ) : (
        <dl className="info-list">
          <dt>バージョン</dt>
          <dd>{info ? info.version : '読み込み中…'}</dd>
          <dt>動作モード</dt>
          <dd>{info ? modeLabels[info.mode] : '読み込み中…'}</dd>
        </dl>
      )}
    </section>
  );
}
