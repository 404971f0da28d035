import { JobProgress } from '../../components/JobProgress.tsx';
import { useClinicsCsvStore } from '../../stores/clinicsCsvStore.ts';
import { isDesktop } from '../../api/client.ts';
import { JobOutcome } from './JobOutcome.tsx';

export function ClinicsExportSection() {
  const job = useClinicsCsvStore((s) => s.exportJob);
  const exportCsv = useClinicsCsvStore((s) => s.exportCsv);
  const cancelExport = useClinicsCsvStore((s) => s.cancelExport);
  const running = job.phase === 'running';
  return (
    <section className="panel" aria-labelledby="settings-export">
      <h2 id="settings-export">医療機関の書き出し（CSV）</h2>
      <p>
        登録されている医療機関の一覧をCSVファイルに書き出します。Excelで開けます。
        {isDesktop() ? '保存する場所を選ぶ画面が開きます。' : 'ファイルはブラウザのダウンロードに保存されます。'}
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void exportCsv()} disabled={running}>
          CSVを書き出す
        </button>
      </div>
      {running && <JobProgress id="export-progress" label="書き出しています" progress={job.progress} onCancel={cancelExport} />}
      <JobOutcome job={job} />
    </section>
  );
}
