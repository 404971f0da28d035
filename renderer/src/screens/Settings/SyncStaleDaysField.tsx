import { settingsUpdateSchema } from '../../../../shared/domain/settings.ts';
import { saveSettings, useSettings } from '../../query/useSharedReads.ts';
import { NumberSettingForm } from './NumberSettingForm.tsx';

/** How many days without a sync before ホーム says so (a laptop out of the office). */
export function SyncStaleDaysField() {
  return (
    <NumberSettingForm
      id="settings-sync-stale-days"
      label="同期していない日数のお知らせ"
      hint="この日数のあいだ一度も同期できなかったら、ホームでお知らせします（1〜30日）"
      unit="日"
      saved={useSettings().settings?.syncStaleDays ?? null}
      schema={settingsUpdateSchema.shape.syncStaleDays.unwrap()}
      notANumber="日数を入力してください"
      field="syncStaleDays"
      save={async (syncStaleDays) => `${(await saveSettings({ syncStaleDays })).syncStaleDays}日以上同期していないときに、ホームでお知らせします。`}
    />
  );
}
