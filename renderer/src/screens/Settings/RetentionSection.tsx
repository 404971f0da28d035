import { useQuery } from '@tanstack/react-query';
import { retentionYearsSchema } from '../../../../shared/domain/retention.ts';
import { retentionMessages as m } from '../../../../shared/messages/retentionMessages.ts';
import { call } from '../../api/client.ts';
import { queries } from '../../query/queries.ts';
import { ExpiredRecordsList } from './ExpiredRecordsList.tsx';
import { NumberSettingForm } from './NumberSettingForm.tsx';

/**
 * 記録の保存期間 (issue 22 §6): how long the records of an inquiry that reached 申込 or 成約 stay
 * beyond 完全削除, and the records already past it, offered for deletion.
 */
export function RetentionSection() {
  const saved = useQuery(queries.retention()).data?.years ?? null;
  return (
    <section className="panel" aria-labelledby="settings-retention">
      <h2 id="settings-retention">{m.settingTitle}</h2>
      <p className="section-lead">{m.settingExplain}</p>
      <NumberSettingForm
        id="settings-retention-years"
        label={m.settingLabel}
        hint={m.yearsHint}
        unit="年"
        saved={saved}
        schema={retentionYearsSchema}
        notANumber={m.yearsNotNumber}
        field="years"
        save={async (years) => m.saved((await call('retention.update', { years })).years)}
      />
      {saved !== null && <ExpiredRecordsList years={saved} />}
    </section>
  );
}
