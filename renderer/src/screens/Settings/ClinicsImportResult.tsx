import { formatNumber } from '../../format/formatNumber.ts';
import { useClinicsImportStore } from '../../stores/clinicsImportStore.ts';
import { ClinicsImportProblems } from './ClinicsImportProblems.tsx';

/** What 取り込む did, and the rows left out with a file of them to fix in Excel. */
export function ClinicsImportResult() {
  const result = useClinicsImportStore((s) => s.result);
  const saveErrors = useClinicsImportStore((s) => s.saveErrors);
  if (!result) return null;
  return (
    <div className="import-result">
      <dl className="info-list">
        <dt>取り込んだ件数</dt>
        <dd>{formatNumber(result.imported)}件</dd>
        <dt>更新した件数</dt>
        <dd>{formatNumber(result.updated)}件</dd>
        <dt>登録済みのため取り込まなかった件数</dt>
        <dd>{formatNumber(result.skipped + result.unchanged)}件</dd>
        <dt>問題があり取り込まなかった行</dt>
        <dd>{formatNumber(result.rejected)}行</dd>
        <dt>種別が未確認の医療機関</dt>
        <dd>{formatNumber(result.unconfirmedKinds)}件</dd>
      </dl>
      {result.errorsFile && (
        <div className="actions">
          <button type="button" className="button" onClick={() => void saveErrors()}>
            取り込めなかった行を保存
          </button>
          <span className="field-hint">元の列に「行番号」と「理由」を加えたCSVです。Excelで直して、もう一度取り込めます。</span>
        </div>
      )}
      <ClinicsImportProblems caption="取り込めなかった行と理由" problems={result.problems} total={result.problemCount} />
    </div>
  );
}
