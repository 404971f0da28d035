import { useId } from 'react';
import { useClinicsImportStore } from '../../stores/clinicsImportStore.ts';

const shownCells = 4;

/** Where the list is in the file: the book's sheet (hidden ones marked) and the header's row. */
export function ClinicsImportSource() {
  const preview = useClinicsImportStore((s) => s.preview);
  const running = useClinicsImportStore((s) => s.running);
  const setSheet = useClinicsImportStore((s) => s.setSheet);
  const setHeaderRow = useClinicsImportStore((s) => s.setHeaderRow);
  const sheetId = useId();
  const headerId = useId();
  if (!preview) return null;
  const rows = preview.headRows.some((r) => r.row === preview.headerRow)
    ? preview.headRows
    : [...preview.headRows, { row: preview.headerRow, cells: preview.headers }];
  return (
    <div className="import-options import-source">
      {preview.book && (
        <div className="field">
          <label htmlFor={sheetId}>シート</label>
          <select id={sheetId} value={preview.book.sheet} disabled={running !== null} onChange={(e) => setSheet(e.target.value)}>
            {preview.book.sheets.map((sheet) => (
              <option key={sheet.name} value={sheet.name}>
                {sheet.name}
                {sheet.hidden ? '（非表示のシート）' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={headerId}>見出しの行</label>
        <select id={headerId} value={preview.headerRow} disabled={running !== null} onChange={(e) => setHeaderRow(Number(e.target.value))}>
          {rows.map(({ row, cells }) => {
            const filled = cells.filter((c) => c.trim() !== '');
            const text = filled.slice(0, shownCells).join(' ／ ') + (filled.length > shownCells ? ' …' : '');
            return (
              <option key={row} value={row}>
                {row}行目：{text === '' ? '（空の行）' : text}
              </option>
            );
          })}
        </select>
        <p className="field-hint">表題などが見出しに選ばれているときは、列の名前が並んだ行を選んでください。それより上の行は取り込みません。</p>
      </div>
    </div>
  );
}
