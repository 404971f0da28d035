import { settingsUpdateSchema } from '../../../../shared/domain/settings.ts';
import { saveSettings, useSettings } from '../../query/useSharedReads.ts';
import { NumberSettingForm } from './NumberSettingForm.tsx';

/** Minutes without input before the header asks who is at the counter again (0: never). Kept on this machine only. */
export function CounterIdleField() {
  return (
    <NumberSettingForm
      id="settings-counter-idle-minutes"
      label="操作がないときに対応者を選び直すまでの時間"
      hint="この時間だれも操作しなかったら、対応者を「未選択」にして選び直してもらいます（0〜240分、0は選び直さない）。この端末だけの設定です。"
      unit="分"
      saved={useSettings().settings?.counterIdleMinutes ?? null}
      schema={settingsUpdateSchema.shape.counterIdleMinutes.unwrap()}
      notANumber="分数を入力してください"
      field="counterIdleMinutes"
      save={async (counterIdleMinutes) => {
        const minutes = (await saveSettings({ counterIdleMinutes })).counterIdleMinutes;
        return minutes === 0 ? '操作がなくても対応者はそのままにします。' : `${minutes}分間操作がなかったら、対応者を選び直してもらいます。`;
      }}
    />
  );
}
