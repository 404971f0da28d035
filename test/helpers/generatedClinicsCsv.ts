import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import { clinicKindLabels } from '../../shared/domain/clinic.ts';

const header = '医療機関名,ふりがな,種別,病床数,郵便番号,所在地,電話番号,FAX番号,ご担当者名,会員番号,メモ\r\n';

/**
 * A clinic list as a user's spreadsheet would hold it, UTF-8, made of generated clinics: as many
 * rows as `rows`, or as few as reach `bytes`. Returns the file and its number of data rows.
 */
export function generatedClinicsCsv(size: { rows: number } | { bytes: number }): { bytes: Buffer; rows: number } {
  const lines: string[] = [];
  let length = Buffer.byteLength(header);
  const enough = () => ('rows' in size ? lines.length >= size.rows : length >= size.bytes);
  for (const c of generateClinics('rows' in size ? size.rows : 80_000)) {
    if (enough()) break;
    const line = [c.name, c.nameKana, clinicKindLabels[c.kind], c.bedCount ?? '', c.postalCode, c.address, c.phone, c.fax, c.contactPerson, c.memberNumber, 'メモ欄の文章がここに入ります。'].join(',') + '\r\n';
    lines.push(line);
    length += Buffer.byteLength(line);
  }
  if (!enough()) throw new Error('not enough generated clinics for the list asked for');
  return { bytes: Buffer.from(header + lines.join(''), 'utf8'), rows: lines.length };
}
