import type { ImportProblem } from '../../../../shared/contract/jobs.ts';
import { formatNumber } from '../../format/formatNumber.ts';

/** Every problem row: the row number as Excel shows it, its clinic, the field, and why. */
export function ClinicsImportProblems({
  caption,
  problems,
  total,
  detailHeader = '理由',
}: {
  caption: string;
  problems: ImportProblem[];
  total: number;
  detailHeader?: string;
}) {
  if (problems.length === 0) return null;
  return (
    <div className="table-scroll import-problems">
      <table className="data-table problems-table">
        <caption>
          {caption}
          {total > problems.length && `（最初の${formatNumber(problems.length)}件を表示。全${formatNumber(total)}件）`}
        </caption>
        <thead>
          <tr>
            <th scope="col">行</th>
            <th scope="col">医療機関名</th>
            <th scope="col">項目</th>
            <th scope="col">{detailHeader}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={`${problem.row}-${problem.field}-${index}`}>
              <td className="number">{formatNumber(problem.row)}</td>
              <td>{problem.clinic}</td>
              <td>{problem.field}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
