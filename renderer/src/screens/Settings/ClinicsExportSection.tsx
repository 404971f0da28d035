import { useId } from 'react';
import { exportEncodings, csvEncodingLabels, type ExportEncoding } from '../../../../shared/csv/csvFormat.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { formatNumber } from '../../format/formatNumber.ts';
import { exportRecordLabels, useClinicsCsvStore, type ExportFormat, type ExportRecords } from '../../stores/clinicsCsvStore.ts';
import { isDesktop } from '../../api/client.ts';
import { JobOutcome } from './JobOutcome.tsx';
import '../../styles/import.css';

const encodingHints: Record<ExportEncoding, string> = {
  utf8bom: 'おすすめ。どの文字もそのまま書き出せます（Excel 2016以降）',
  shift_jis: '古いExcelや他のソフトに渡すとき。書けない文字があれば書き出す前にお知らせします',
};

const formatLabels: Record<ExportFormat, { label: string; hint: string }> = {
  csv: { label: 'CSV', hint: 'どのソフトでも読めます。Excelで開いて保存すると、先頭の0が消えることがあります' },
  xlsx: { label: 'Excelのブック（.xlsx）', hint: 'すべてのセルを文字列で書くので、会員番号・郵便番号・電話番号の先頭の0が消えません' },
};

/** 設定 → CSV・Excelの書き出し: clinics or inquiries, as CSV (UTF-8 with BOM or Shift_JIS) or an Excel book. */
export function ClinicsExportSection() {
  const headingId = useId();
  const job = useClinicsCsvStore((s) => s.exportJob);
  const records = useClinicsCsvStore((s) => s.records);
  const encoding = useClinicsCsvStore((s) => s.encoding);
  const format = useClinicsCsvStore((s) => s.format);
  const setFormat = useClinicsCsvStore((s) => s.setFormat);
  const includeArchived = useClinicsCsvStore((s) => s.includeArchived);
  const setRecords = useClinicsCsvStore((s) => s.setRecords);
  const setEncoding = useClinicsCsvStore((s) => s.setEncoding);
  const setIncludeArchived = useClinicsCsvStore((s) => s.setIncludeArchived);
  const exportCsv = useClinicsCsvStore((s) => s.exportCsv);
  const cancelExport = useClinicsCsvStore((s) => s.cancelExport);
  const running = job.phase === 'running';
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>CSV・Excelの書き出し</h2>
      <p>
        医療機関または問い合わせ（状況と日付つき）の一覧をCSVファイルかExcelのブックに書き出します。「=」などで始まるセルは、開いたときに計算式として動かないようにしてあります。
        {isDesktop() ? '保存する場所を選ぶ画面が開きます。' : 'ファイルはブラウザのダウンロードに保存されます。'}
      </p>
      <div className="import-options">
        <fieldset className="import-choices">
          <legend>書き出すもの</legend>
          {(['clinics', 'inquiries'] as ExportRecords[]).map((value) => (
            <label key={value} className="import-choice">
              <input type="radio" name="export-records" checked={records === value} disabled={running} onChange={() => setRecords(value)} />
              {exportRecordLabels[value]}
            </label>
          ))}
        </fieldset>
        <fieldset className="import-choices">
          <legend>形式</legend>
          {(['csv', 'xlsx'] as ExportFormat[]).map((value) => (
            <label key={value} className="import-choice">
              <input type="radio" name="export-format" checked={format === value} disabled={running} onChange={() => setFormat(value)} />
              <span>
                {formatLabels[value].label}
                <span className="import-choice-hint">{formatLabels[value].hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="import-choices" disabled={format === 'xlsx'}>
          <legend>文字コード（CSV）</legend>
          {exportEncodings.map((value) => (
            <label key={value} className="import-choice">
              <input type="radio" name="export-encoding" checked={encoding === value} disabled={running} onChange={() => setEncoding(value)} />
              <span>
                {csvEncodingLabels[value]}
                <span className="import-choice-hint">{encodingHints[value]}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </div>
      <label className="import-choice">
        <input type="checkbox" checked={includeArchived} disabled={running} onChange={(e) => setIncludeArchived(e.target.checked)} />
        アーカイブしたものも含める
      </label>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void exportCsv()} disabled={running}>
          {format === 'xlsx' ? 'Excelのブックを書き出す' : 'CSVを書き出す'}
        </button>
      </div>
      {running && <JobProgress id="export-progress" label="書き出しています" progress={job.progress} onCancel={cancelExport} />}
      <JobOutcome job={job} />
      <UnencodableChoice />
    </section>
  );
}

/** The characters Shift_JIS cannot write and the rows they are in; nothing is saved until a choice. */
function UnencodableChoice() {
  const pending = useClinicsCsvStore((s) => s.pending);
  const resolvePending = useClinicsCsvStore((s) => s.resolvePending);
  const discardPending = useClinicsCsvStore((s) => s.discardPending);
  if (!pending) return null;
  const nameHeader = pending.records === 'clinics' ? '医療機関' : '問い合わせ';
  return (
    <div className="import-preview" role="region" aria-label="Shift_JISで書けない文字">
      <h3>Shift_JISで書けない文字があります</h3>
      <p role="alert" className="message message-error">
        次の文字はShift_JISにないため、そのままでは書き出せません。まだ何も保存していません。UTF-8（BOM付き）で書き出すか、「〓」に置き換えて書き出すかを選んでください。
      </p>
      <div className="table-scroll">
        <table className="data-table unencodable-table">
          <caption>書けない文字と、その文字がある行（見出しが1行目）</caption>
          <thead>
            <tr>
              <th scope="col">文字</th>
              <th scope="col">行</th>
              <th scope="col">{nameHeader}</th>
              <th scope="col">項目</th>
            </tr>
          </thead>
          <tbody>
            {pending.unencodable.flatMap((entry) =>
              entry.rows.map((r, i) => (
                <tr key={`${entry.codePoint}-${r.row}-${r.field}`}>
                  <td className="unencodable-char">
                    {i === 0 && (
                      <>
                        <span lang="ja">{entry.char}</span> <span className="import-code-point">{entry.codePoint}</span>
                        {entry.rowCount > entry.rows.length && <span className="import-code-point">（全{formatNumber(entry.rowCount)}行）</span>}
                      </>
                    )}
                  </td>
                  <td className="number">{formatNumber(r.row)}</td>
                  <td>{r.label}</td>
                  <td>{r.field}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void resolvePending('utf8bom')}>
          UTF-8（BOM付き）で書き出す
        </button>
        <button type="button" className="button" onClick={() => void resolvePending('replace')}>
          「〓」に置き換えてShift_JISで書き出す
        </button>
        <button type="button" className="button" onClick={discardPending}>
          やめる
        </button>
      </div>
    </div>
  );
}
