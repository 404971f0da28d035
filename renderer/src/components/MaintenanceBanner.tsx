import { formatNumber } from '../format/formatNumber.ts';
import { useMaintenance } from '../query/useAppInfo.ts';

/**
 * While the core rebuilds its search data after an upgrade it refuses writes (BUSY); this says
 * so on every screen, with how far it has got, so a refused 保存 is not a surprise.
 */
export function MaintenanceBanner() {
  const maintenance = useMaintenance();
  if (!maintenance) return null;
  const { done, total } = maintenance;
  return (
    <div className="message message-info maintenance-banner">
      <p role="status">
        検索用のデータを更新しています（{formatNumber(done)} / {formatNumber(total)} 件）。終わるまで登録・変更はできません。
      </p>
      {total > 0 ? (
        <progress aria-label="検索用のデータの更新" max={total} value={Math.min(done, total)} />
      ) : (
        <progress aria-label="検索用のデータの更新" />
      )}
    </div>
  );
}
