import { useId } from 'react';
import { JobProgress } from '../../components/JobProgress.tsx';
import { useClinicsImportStore } from '../../stores/clinicsImportStore.ts';
import { ClinicsImportPreview } from './ClinicsImportPreview.tsx';
import { ClinicsImportResult } from './ClinicsImportResult.tsx';
import { JobOutcome } from './JobOutcome.tsx';
import '../../styles/import.css';

/** 設定 → 名簿の取り込み: a clinic list from Excel, checked in a preview before 取り込む. */
export function ClinicsImportSection() {
  const headingId = useId();
  const job = useClinicsImportStore((s) => s.job);
  const running = useClinicsImportStore((s) => s.running);
  const preview = useClinicsImportStore((s) => s.preview);
  const result = useClinicsImportStore((s) => s.result);
  const chooseFile = useClinicsImportStore((s) => s.chooseFile);
  const cancel = useClinicsImportStore((s) => s.cancel);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>名簿の取り込み（Excel・CSV）</h2>
      <p>
        医療機関名簿をExcelのブック（.xlsx）か、CSVファイルから取り込みます。ブックは最初の表示されているシートを読み、別のシートも選べます。CSVはShift_JIS・UTF-8、カンマ区切り・タブ区切りのどれでも読めます。
        取り込む前に、列の割り当てと問題のある行を確認できます。取り込む直前にバックアップを作ります。
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void chooseFile()} disabled={running !== null}>
          ExcelまたはCSVファイルを選ぶ
        </button>
      </div>
      {running && (
        <JobProgress
          id="import-progress"
          label={running === 'import' ? '取り込んでいます' : 'ファイルを確認しています'}
          progress={job.progress}
          onCancel={cancel}
        />
      )}
      <JobOutcome job={job} />
      {preview && <ClinicsImportPreview />}
      {result && !preview && <ClinicsImportResult />}
    </section>
  );
}
