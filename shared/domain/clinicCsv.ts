import { csvDateTime } from '../csv/csvDateTime.ts';
import { clinicKindLabels, clinicKinds, type Clinic, type ClinicKind } from './clinic.ts';
import { noMailingMark } from './noMailingCell.ts';

/**
 * Columns of the clinic list CSV, in order. Headers are what Excel users see. The internal ID is
 * last, where nobody starts reading; a file starting with the letters "ID" is one Excel takes
 * for a SYLK file and refuses to open. 送付不要 comes before メモ, next to what it is about; the
 * export writes the mark as the word itself, which staff type into Excel the same way.
 */
export const clinicCsvColumns = [
  { key: 'name', header: '医療機関名' },
  { key: 'nameKana', header: 'ふりがな' },
  { key: 'kind', header: '種別' },
  { key: 'bedCount', header: '病床数' },
  { key: 'postalCode', header: '郵便番号' },
  { key: 'address', header: '所在地' },
  { key: 'phone', header: '電話番号' },
  { key: 'fax', header: 'FAX番号' },
  { key: 'contactPerson', header: 'ご担当者名' },
  { key: 'memberNumber', header: '会員番号' },
  { key: 'noMailing', header: '送付不要' },
  { key: 'noMailingReason', header: '送付不要の理由' },
  { key: 'memo', header: 'メモ' },
  { key: 'createdAt', header: '登録日時' },
  { key: 'updatedAt', header: '更新日時' },
  { key: 'archivedAt', header: 'アーカイブ日時' },
  { key: 'id', header: '管理用ID（変更しないでください）' },
] as const;

export type ClinicCsvKey = (typeof clinicCsvColumns)[number]['key'];

export function clinicToCsvRow(clinic: Clinic): string[] {
  return clinicCsvColumns.map(({ key }) => {
    if (key === 'kind') return clinicKindLabels[clinic.kind];
    if (key === 'noMailing') return clinic.noMailing ? noMailingMark : '';
    if (key === 'createdAt' || key === 'updatedAt' || key === 'archivedAt') return csvDateTime(clinic[key]);
    const value = clinic[key];
    return value === null ? '' : String(value);
  });
}

export function kindFromLabel(label: string): ClinicKind | undefined {
  const trimmed = label.trim();
  return clinicKinds.find((k) => clinicKindLabels[k] === trimmed || k === trimmed);
}

// Excel runs a cell that starts with =, + , - or @ as a formula, and so it does with their
// full-width forms (＝＋－＠, which Japanese IME typing produces), and after a leading space,
// ideographic space, tab or line break, which it skips.
const formulaStart = /^[=+\-@＝＋－＠ \u3000\t\r\n]/;
const escapedFormulaStart = /^'[=+\-@＝＋－＠ \u3000\t\r\n]/;

/**
 * A cell Excel would run as a formula, made text with a leading apostrophe. Phone numbers never
 * start with these, so only hostile or odd names and memos are touched.
 */
export function escapeCsvFormula(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

/** The cell as it was before escapeCsvFormula: this app's export reads back unchanged. */
export function unescapeCsvFormula(cell: string): string {
  return escapedFormulaStart.test(cell) ? cell.slice(1) : cell;
}
