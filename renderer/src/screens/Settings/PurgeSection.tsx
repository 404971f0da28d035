import { useState } from 'react';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { formatCount } from '../../format/formatNumber.ts';
import { usePurgeStore } from '../../stores/purgeStore.ts';
import { queries } from '../../query/queries.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { useQuery } from '@tanstack/react-query';
import { retentionMessages } from '../../../../shared/messages/retentionMessages.ts';

/**
 * 完全削除: archiving is how records are removed day to day; deleting them for good lives only
 * here, always after a backup and a confirmation.
 */
export function PurgeSection() {
  const counted = useQuery(queries.purgePreview());
  const preview = counted.data ?? null;
  const countError = counted.error ? errorMessageOf(counted.error, '件数を読み込めませんでした。') : null;
  const busy = usePurgeStore((s) => s.busy);
  const message = usePurgeStore((s) => s.message);
  const [confirming, setConfirming] = useState(false);

  const nothing = preview !== null && preview.clinics === 0 && preview.inquiries === 0;
  return (
    <section className="panel" aria-labelledby="settings-purge">
      <h2 id="settings-purge">アーカイブした記録の完全削除</h2>
      <p className="field-hint">
        アーカイブした医療機関と、その問い合わせをデータから完全に削除します。進行中や成約の問い合わせがある医療機関と、保存期間中の記録は削除しません。削除の前に自動でバックアップを取ります。
      </p>
      {countError && (
        <p role="alert" className="message message-error">
          {countError}
        </p>
      )}
      {preview && (
        <p className="purge-counts">
          削除の対象：医療機関 {formatCount(preview.clinics)}・問い合わせ {formatCount(preview.inquiries)}
          {preview.keptClinics > 0 && `（進行中・成約の問い合わせがあるため残す医療機関 ${formatCount(preview.keptClinics)}）`}
        </p>
      )}
      {preview && preview.retained.count > 0 && preview.retained.earliestEndsOn && (
        <p className="message message-info">{retentionMessages.retained(preview.retained.count, preview.retained.years, preview.retained.earliestEndsOn)}</p>
      )}
      <div className="actions">
        <button type="button" className="button button-danger" disabled={busy || nothing || preview === null} onClick={() => setConfirming(true)}>
          完全削除…
        </button>
      </div>
      <p role="status" className={message ? (message.error ? 'message message-error' : 'message message-success') : 'message-empty'}>
        {message?.text}
      </p>
      {confirming && preview && <PurgeDialog clinics={preview.clinics} inquiries={preview.inquiries} onClose={() => setConfirming(false)} />}
    </section>
  );
}

function PurgeDialog({ clinics, inquiries, onClose }: { clinics: number; inquiries: number; onClose(): void }) {
  const purge = usePurgeStore((s) => s.purge);
  const busy = usePurgeStore((s) => s.busy);
  const [understood, setUnderstood] = useState(false);
  return (
    <ModalDialog title="完全削除の確認" onRequestClose={onClose} alert>
      <p>
        医療機関 <strong>{formatCount(clinics)}</strong>・問い合わせ <strong>{formatCount(inquiries)}</strong> を完全に削除します。
      </p>
      <p>削除の前にバックアップを取ります。元に戻すときは、設定の「バックアップ」からそのバックアップを復元してください。</p>
      <label className="checkbox-label">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
        内容を確認しました
      </label>
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          disabled={!understood || busy}
          onClick={() =>
            void purge().then((done) => {
              if (done) onClose();
            })
          }
        >
          完全削除する
        </button>
        <button type="button" className="button" onClick={onClose}>
          やめる
        </button>
      </div>
    </ModalDialog>
  );
}
