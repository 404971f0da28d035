import { clinicFieldLabels } from '../../../../shared/domain/clinic.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { formatNumber } from '../../format/formatNumber.ts';
import { useClinicsCsvStore } from '../../stores/clinicsCsvStore.ts';
import { JobOutcome } from './JobOutcome.tsx';

function fieldLabel(field: string): string {
  return Object.hasOwn(clinicFieldLabels, field) ? clinicFieldLabels[field as keyof typeof clinicFieldLabels] : field;
}

export function ClinicsImportSection() {
  const job = useClinicsCsvStore((s) => s.importJob);
  const result = useClinicsCsvStore((s) => s.importResult);
  const importCsv = useClinicsCsvStore((s) => s.importCsv);
  const cancelImport = useClinicsCsvStore((s) => s.cancelImport);
  const running = job.phase === 'running';
  return (
    <section className="panel" aria-labelledby="settings-import">
      <h2 id="settings-import">医療機関の取り込み（このアプリで書き出したCSV）</h2>
      <p>
        このアプリで書き出したCSVファイルから医療機関を取り込みます。このパソコンにすでにある医療機関（同じID）の行は、重複しないよう取り込みません。
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void importCsv()} disabled={running}>
          CSVファイルを選ぶ
        </button>
      </div>
      {running && <JobProgress id="import-progress" label="取り込んでいます" progress={job.progress} onCancel={cancelImport} />}
      <JobOutcome job={job} />
      {result && (
        <>
          <dl className="info-list">
            <dt>取り込んだ件数</dt>
            <dd>{formatNumber(result.imported)}件</dd>
            <dt>登録済みのため取り込まなかった件数</dt>
            <dd>{formatNumber(result.skipped)}件</dd>
          </dl>
          {result.problems.length > 0 && (
            <div className="table-scroll">
              <table className="data-table problems-table">
                <caption>取り込めなかった行と理由</caption>
                <thead>
                  <tr>
                    <th scope="col">行</th>
                    <th scope="col">項目</th>
                    <th scope="col">内容</th>
                  </tr>
                </thead>
                <tbody>
                  {result.problems.map((problem, index) => (
                    <tr key={`${problem.row}-${problem.field}-${index}`}>
                      <td className="number">{formatNumber(problem.row)}</td>
                      <td>{fieldLabel(problem.field)}</td>
                      <td>{problem.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
