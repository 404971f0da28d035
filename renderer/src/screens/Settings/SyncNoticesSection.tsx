import { useSyncStatus } from '../../query/useSyncReads.ts';
import { SyncNoticesList } from './SyncNoticesList.tsx';

/** 同期: the conflict notices of every record, for a machine that shares (or once did and has some left). */
export function SyncNoticesSection() {
  const status = useSyncStatus().status;
  if (!status || (status.state === 'off' && status.openNotices === 0)) return null;
  return (
    <section className="panel" aria-labelledby="settings-sync-notices">
      <h2 id="settings-sync-notices">同期</h2>
      <p className="section-lead">
        同じ項目が複数の端末で同時に変更されたときは、新しい方の値をすべての端末に残し、置き換えられた値をここに表示します。置き換えられた値の方が正しいときは「元に戻す」を押してください。
      </p>
      <SyncNoticesList emptyText="確認が必要なお知らせはありません。" />
    </section>
  );
}
