import { useId } from 'react';
import { csvDelimiterLabels, csvEncodingLabels } from '../../../../shared/csv/csvFormat.ts';
import {
  clinicImportFieldLabels,
  clinicImportFields,
  clinicMatchActionLabels,
  clinicMatchActions,
  excelColumnName,
  requiredImportFields,
  type ClinicImportField,
} from '../../../../shared/domain/clinicCsvImport.ts';
import { clinicKindMessages } from '../../../../shared/messages/clinicKindMessages.ts';
import { formatNumber } from '../../format/formatNumber.ts';
import { useClinicsImportStore } from '../../stores/clinicsImportStore.ts';
import { ClinicsImportProblems } from './ClinicsImportProblems.tsx';
import { ClinicsImportSource } from './ClinicsImportSource.tsx';

const matchHints = {
  skip: '今の登録内容をそのまま残します',
  update: '空欄でないセルの内容で上書きします（空欄のセルは今の内容を消しません）',
  addNew: '同じ医療機関が2件になります（会員番号が同じ行は追加できません）',
} as const;
// 送付不要 is a yes/no column: its blank cell is the export's 'not marked', not a missing value.
const updateHintWithNoMailing = '空欄でないセルの内容で上書きします（空欄のセルは今の内容を消しません。ただし「送付不要」の列は、空欄なら送付不要を外します）';

const sampleColumns = 2;

/** The check before 取り込む: how the file was read, which column fills which field, what will happen. */
export function ClinicsImportPreview() {
  const file = useClinicsImportStore((s) => s.file);
  const preview = useClinicsImportStore((s) => s.preview);
  const mapping = useClinicsImportStore((s) => s.mapping);
  const onMatch = useClinicsImportStore((s) => s.onMatch);
  const running = useClinicsImportStore((s) => s.running);
  const setColumn = useClinicsImportStore((s) => s.setColumn);
  const setOnMatch = useClinicsImportStore((s) => s.setOnMatch);
  const acceptSuggestedKinds = useClinicsImportStore((s) => s.acceptSuggestedKinds);
  const setAcceptSuggestedKinds = useClinicsImportStore((s) => s.setAcceptSuggestedKinds);
  const runImport = useClinicsImportStore((s) => s.runImport);
  const discard = useClinicsImportStore((s) => s.discard);
  const matchLegendId = useId();
  if (!file || !preview) return null;

  const missing = preview.missing.map((f) => `「${clinicImportFieldLabels[f]}」`).join('、');
  const matched = preview.matches.byId + preview.matches.byMemberNumber + preview.matches.byPhone + preview.matches.byNameAddress;
  return (
    <div className="import-preview" role="region" aria-label="取り込む内容の確認">
      <h3>取り込む内容の確認（{file.name}）</h3>
      <dl className="info-list import-facts">
        {preview.book ? (
          <>
            <dt>形式</dt>
            <dd>Excelのブック（セルは画面に表示されているとおりに読みます）</dd>
          </>
        ) : (
          <>
            <dt>文字コード</dt>
            <dd>{csvEncodingLabels[preview.encoding]}</dd>
            <dt>区切り</dt>
            <dd>{csvDelimiterLabels[preview.delimiter]}</dd>
          </>
        )}
        <dt>データの行</dt>
        <dd>
          {formatNumber(preview.rowCount)}行{preview.blankRows > 0 && `（空の行${formatNumber(preview.blankRows)}行は飛ばします）`}
        </dd>
      </dl>
      <ClinicsImportSource />

      <div className="table-scroll">
        <table className="data-table mapping-table">
          <caption>列の割り当て（見出しから推測しました。違うときは選び直してください）</caption>
          <thead>
            <tr>
              <th scope="col">列</th>
              <th scope="col">見出し</th>
              <th scope="col">取り込む項目</th>
              <th scope="col">先頭の行の内容</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((header, column) => {
              const letter = excelColumnName(column);
              return (
                <tr key={column}>
                  <td className="mapping-letter">{letter}</td>
                  <td>{header === '' ? <span className="import-muted">（見出しなし）</span> : header}</td>
                  <td>
                    <select
                      aria-label={`${letter}列「${header}」の取り込み先`}
                      value={mapping[column] ?? ''}
                      disabled={running === 'import'}
                      onChange={(e) => setColumn(column, e.target.value as ClinicImportField | '')}
                    >
                      <option value="">取り込まない</option>
                      {clinicImportFields.map((field) => (
                        <option key={field} value={field}>
                          {clinicImportFieldLabels[field]}
                          {requiredImportFields.includes(field) ? '（必須）' : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="mapping-sample">
                    {preview.sample
                      .slice(0, sampleColumns)
                      .map((s) => s.cells[column] ?? '')
                      .filter((v) => v !== '')
                      .join(' ／ ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {preview.missing.length > 0 && (
        <p role="alert" className="message message-error">
          {missing}にあたる列を「取り込む項目」で選んでください。選ぶまで取り込めません。
        </p>
      )}

      <fieldset className="import-choices" aria-labelledby={matchLegendId}>
        <legend id={matchLegendId}>登録済みの医療機関と同じ行</legend>
        <p className="field-hint">会員番号、電話番号、医療機関名と所在地の順に照らし合わせます。</p>
        {clinicMatchActions.map((action) => (
          <label key={action} className="import-choice">
            <input type="radio" name="import-on-match" checked={onMatch === action} disabled={running === 'import'} onChange={() => setOnMatch(action)} />
            <span>
              {clinicMatchActionLabels[action]}
              <span className="import-choice-hint">{action === 'update' && mapping.includes('noMailing') ? updateHintWithNoMailing : matchHints[action]}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {preview.missing.length === 0 && (
        <dl className="info-list import-summary" aria-label="取り込みの見込み">
          <dt>新しく追加</dt>
          <dd>{formatNumber(preview.willImport)}件</dd>
          <dt>更新</dt>
          <dd>{formatNumber(preview.willUpdate)}件</dd>
          <dt>登録済みのため取り込まない</dt>
          <dd>
            {formatNumber(preview.willSkip + preview.unchanged)}件
            {matched > 0 &&
              `（一致：会員番号${formatNumber(preview.matches.byMemberNumber)}件・電話番号${formatNumber(preview.matches.byPhone)}件・名前と所在地${formatNumber(preview.matches.byNameAddress)}件${preview.matches.byId > 0 ? `・ID${formatNumber(preview.matches.byId)}件` : ''}）`}
          </dd>
          <dt>問題があり取り込まない行</dt>
          <dd>{formatNumber(preview.rejected)}行</dd>
          <dt>種別を未確認として登録</dt>
          <dd>{formatNumber(preview.unconfirmedKinds)}件{preview.unconfirmedKinds > 0 && '（推測はしません。登録後に医療機関の画面で種別を選んでください）'}</dd>
        </dl>
      )}
      <ClinicsImportProblems caption="問題のある行（この行は取り込みません）" problems={preview.problems} total={preview.problemCount} />
      {preview.suggestedKinds > 0 && (
        <label className="checkbox-label import-suggested-kinds">
          <input type="checkbox" checked={acceptSuggestedKinds} disabled={running !== null} onChange={(e) => setAcceptSuggestedKinds(e.target.checked)} />
          {clinicKindMessages.acceptSuggested(formatNumber(preview.suggestedKinds))}
        </label>
      )}
      <ClinicsImportProblems caption="種別を確かめてほしい行（未確認として取り込みます）" problems={preview.kindQuestions} total={preview.kindQuestionCount} />
      <ClinicsImportProblems caption="送付不要が変わる医療機関" problems={preview.noMailingChanges} total={preview.noMailingChangeCount} detailHeader="内容" />
      <ClinicsImportProblems caption="ファイルのとおりには取り込まないセル（内容の欄のとおりにします）" problems={preview.changes} total={preview.changeCount} detailHeader="内容" />

      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={running !== null || preview.missing.length > 0}
          onClick={() => void runImport()}
        >
          取り込む
        </button>
        <button type="button" className="button" disabled={running === 'import'} onClick={discard}>
          やめる
        </button>
      </div>
    </div>
  );
}
