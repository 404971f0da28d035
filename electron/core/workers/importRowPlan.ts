import fs from 'node:fs';
import type { CsvDelimiter, CsvEncoding } from '../../../shared/csv/csvFormat.ts';
import { clinicInputSchema, clinicFieldLabels } from '../../../shared/domain/clinic.ts';
import { escapeCsvFormula } from '../../../shared/domain/clinicCsv.ts';
import { importRowMessages, isBlankRecord, mergeForUpdate, readClinicRow, rowClinicName, sameClinicFields, type MatchRule } from '../../../shared/domain/clinicCsvImport.ts';
import { findClinicMatch, matchKeys, type MatchKeys } from '../../../shared/domain/clinicMatch.ts';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';
import type { Db } from '../db/connection.ts';
import { clinicMatchLookup, type ClinicImportWrite } from '../db/repos/clinicImport.ts';
import { getClinic } from '../db/repos/clinicRecords.ts';
import { pickClinicFields } from '../../../shared/domain/clinicMerge.ts';
import { encodeCsvText, toExcelCsv } from '../text/csvText.ts';
import { keepStoredValues } from '../text/keepStoredValues.ts';
import type { ClinicsCsvImportData, ClinicsCsvImportReport } from './clinicsCsvImport.worker.ts';
import { importedKinds } from './importedKinds.ts';
import { importedNoMailing } from './importedNoMailing.ts';

const progressEvery = 1000;
const noCells: string[] = [];

export interface RejectedRow {
  row: number;
  cells: string[];
  reasons: string[];
}

/** Reads, checks and matches every row; fills the counts and the problems, and says what to write. */
export function planRows(
  db: Db,
  data: ClinicsCsvImportData,
  report: ClinicsCsvImportReport,
  body: string[][],
  firstRow: number,
  progress: (done: number, total: number) => void,
): { write: ClinicImportWrite; rejected: RejectedRow[] } {
  const lookup = clinicMatchLookup(db);
  const inserts: ClinicImportWrite['inserts'][number][] = [];
  const updates: ClinicImportWrite['updates'][number][] = [];
  const rejected: RejectedRow[] = [];
  // Rows earlier in the file, so that a list holding one clinic twice is caught.
  const seenMember = new Map<string, number>();
  const seenPhone = new Map<string, number>();
  const seenNameAddress = new Map<string, number>();
  const seenIds = new Set<string>();
  const updatedClinics = new Map<string, number>();
  const matchCounter: Record<MatchRule, keyof ClinicsCsvImportReport['matches']> = {
    id: 'byId',
    memberNumber: 'byMemberNumber',
    phone: 'byPhone',
    nameAddress: 'byNameAddress',
  };

  const reject = (row: number, cells: string[], problems: { field: string; message: string }[]) => {
    report.rejected++;
    report.problemCount += problems.length;
    const clinic = rowClinicName(cells, report.mapping);
    for (const p of problems) if (report.problems.length < data.maxProblems) report.problems.push({ row, clinic, ...p });
    // Kept by a preview too: its plan is what the import writes, rejected rows' CSV included.
    rejected.push({ row, cells, reasons: problems.map((p) => `${p.field}：${p.message}`) });
  };
  const note = (row: number, cells: string[], changes: { field: string; message: string }[]) => {
    if (changes.length === 0) return;
    report.changeCount += changes.length;
    const clinic = rowClinicName(cells, report.mapping);
    for (const c of changes) if (report.changes.length < data.maxProblems) report.changes.push({ row, clinic, ...c });
  };
  const remember = (row: number, keys: MatchKeys) => {
    if (keys.memberNumber !== '') seenMember.set(keys.memberNumber, row);
    if (keys.phoneDigits !== '') seenPhone.set(keys.phoneDigits, row);
    if (keys.nameAddress) seenNameAddress.set(keys.nameAddress, row);
  };
  const duplicateInFile = (keys: MatchKeys): { row: number; rule: MatchRule } | undefined => {
    const member = keys.memberNumber !== '' ? seenMember.get(keys.memberNumber) : undefined;
    if (member !== undefined) return { row: member, rule: 'memberNumber' };
    if (data.onMatch === 'addNew') return undefined;
    const phone = keys.phoneDigits !== '' ? seenPhone.get(keys.phoneDigits) : undefined;
    if (phone !== undefined) return { row: phone, rule: 'phone' };
    const same = keys.nameAddress ? seenNameAddress.get(keys.nameAddress) : undefined;
    return same === undefined ? undefined : { row: same, rule: 'nameAddress' };
  };
  const memberLabel = clinicFieldLabels.memberNumber;
  const { settleKind, countKind } = importedKinds(report, data);
  const noMailing = importedNoMailing(report, data);

  body.forEach((cells, index) => {
    if (index % progressEvery === 0) progress(index, body.length);
    // Read once: the row's cells stay only in the rejected list, if it goes there.
    body[index] = noCells;
    if (isBlankRecord(cells)) return;
    const row = firstRow + index;
    const read = readClinicRow(cells, report.mapping);
    if (!read.ok) return reject(row, cells, read.problems);
    const { fields, given } = read;
    const keys = matchKeys(fields);
    const match = findClinicMatch({ id: read.id, keys }, lookup);

    if (match && data.onMatch !== 'addNew') {
      report.matches[matchCounter[match.rule]]++;
      if (data.onMatch === 'skip') {
        report.willSkip++;
        return;
      }
      const earlier = updatedClinics.get(match.clinicId);
      if (earlier !== undefined) return reject(row, cells, [{ field: clinicFieldLabels.name, message: importRowMessages.sameClinicTwice(earlier) }]);
      // With its 送付不要: a list without the columns then keeps the mark and reason as they are.
      const stored = getClinic(db, match.clinicId)!;
      const current = { ...pickClinicFields(stored), noMailing: stored.noMailing, noMailingReason: stored.noMailingReason };
      const merged = clinicInputSchema.safeParse(mergeForUpdate(current, fields, given));
      if (!merged.success) {
        return reject(row, cells, merged.error.issues.map((i) => ({ field: clinicFieldLabels[String(i.path[0]) as keyof typeof clinicFieldLabels] ?? '', message: i.message })));
      }
      const mark = noMailing.settle(merged.data, given);
      if (!mark.ok) return reject(row, cells, mark.problems);
      // A value a spreadsheet mangled (000099 -> 99, 𠮷 -> ?) is not a change staff made.
      const { fields: next, kept } = keepStoredValues(current, settleKind(mark.fields, read));
      if (next.memberNumber !== current.memberNumber && next.memberNumber !== '') {
        const holder = lookup.byMemberNumber(next.memberNumber);
        if ((holder && holder.id !== match.clinicId) || seenMember.has(next.memberNumber)) {
          return reject(row, cells, [{ field: memberLabel, message: importRowMessages.memberNumberTaken(next.memberNumber) }]);
        }
      }
      updatedClinics.set(match.clinicId, row);
      remember(row, matchKeys(next));
      if (sameClinicFields(current, next)) {
        report.unchanged++;
        note(row, cells, [...mark.notes, ...kept]);
        return;
      }
      report.willUpdate++;
      countKind(row, merged.data, next, read);
      noMailing.noteChange(row, current.noMailing, next);
      note(row, cells, [...read.changes, ...mark.notes, ...kept]);
      updates.push({ id: match.clinicId, fields: next });
      return;
    }

    if (match) report.matches[matchCounter[match.rule]]++;
    const mark = noMailing.settle(fields, given);
    if (!mark.ok) return reject(row, cells, mark.problems);
    if (fields.memberNumber !== '' && lookup.byMemberNumber(fields.memberNumber)) {
      return reject(row, cells, [{ field: memberLabel, message: importRowMessages.memberNumberTaken(fields.memberNumber) }]);
    }
    const twin = duplicateInFile(keys);
    if (twin) {
      const field = twin.rule === 'memberNumber' ? memberLabel : twin.rule === 'phone' ? clinicFieldLabels.phone : clinicFieldLabels.name;
      return reject(row, cells, [{ field, message: importRowMessages.duplicateInFile(twin.row, twin.rule) }]);
    }
    // An ID from this app's export keeps the clinic's identity, unless it is here already.
    const id = read.id && !match && !seenIds.has(read.id) ? read.id : undefined;
    if (id) seenIds.add(id);
    remember(row, keys);
    report.willImport++;
    const settled = settleKind(mark.fields, read);
    countKind(row, fields, settled, read);
    noMailing.noteChange(row, false, settled);
    note(row, cells, [...read.changes, ...mark.notes]);
    inserts.push({ fields: settled, id });
  });
  progress(body.length, body.length);
  return { write: { inserts, updates }, rejected };
}

/**
 * The rows left out, as a CSV the user can fix in Excel and import again: the original columns
 * (so the same mapping fits), then 行番号 and 理由, in the file's own encoding and delimiter.
 */
export function writeErrors(
  outPath: string,
  headers: string[],
  headerWidth: number,
  rows: RejectedRow[],
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
): void {
  const width = Math.max(headerWidth, ...rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
  const records = [
    [...pad(headers).map(escapeCsvFormula), csvMessages.errorsRowNumberHeader, csvMessages.errorsReasonHeader],
    ...rows.map((r) => [...pad(r.cells).map(escapeCsvFormula), String(r.row), r.reasons.join(' ／ ')]),
  ];
  const text = toExcelCsv(records, delimiter);
  fs.writeFileSync(outPath, encodeCsvText(text, encoding));
}
