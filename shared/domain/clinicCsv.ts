import { clinicKindLabels, clinicKinds, type Clinic, type ClinicKind } from './clinic.ts';

/** Columns of the clinic list CSV, in order. Headers are what Excel users see. */
export const clinicCsvColumns = [
  { key: 'id', header: 'ID' },
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
  { key: 'memo', header: 'メモ' },
  { key: 'createdAt', header: '登録日時' },
  { key: 'updatedAt', header: '更新日時' },
  { key: 'archivedAt', header: 'アーカイブ日時' },
] as const;

export type ClinicCsvKey = (typeof clinicCsvColumns)[number]['key'];

export function clinicToCsvRow(clinic: Clinic): string[] {
  return clinicCsvColumns.map(({ key }) => {
    if (key === 'kind') return clinicKindLabels[clinic.kind];
    const value = clinic[key];
    return value === null ? '' : String(value);
  });
}

export function kindFromLabel(label: string): ClinicKind | undefined {
  const trimmed = label.trim();
  return clinicKinds.find((k) => clinicKindLabels[k] === trimmed || k === trimmed);
}

/**
 * Excel runs a cell that starts with =, +, - or @ as a formula; a leading apostrophe makes it
 * text. Phone numbers never start with these, so only hostile or odd names are touched.
 */
export function escapeCsvFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function unescapeCsvFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
