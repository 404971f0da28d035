import type { ImportProblem } from '../../../shared/contract/csvJobKinds.ts';
import { clinicFieldLabels, noMailingReasonRequired, type ClinicFields } from '../../../shared/domain/clinic.ts';
import type { ClinicImportField, RowProblem } from '../../../shared/domain/clinicCsvImport.ts';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';

interface NoMailingReport {
  noMailingChanges: ImportProblem[];
  noMailingChangeCount: number;
}

/**
 * The 送付不要 side of an import. A list without the columns leaves a clinic's mark and reason as
 * they are; with them, the mark is taken as the file has it. A reason without the mark is not
 * stored (the form keeps none either): the row goes in unmarked and the preview says so on the
 * row, where staff see a mark they meant to type, rather than the whole row being refused.
 */
export function importedNoMailing(report: NoMailingReport, options: { maxProblems: number }) {
  return {
    /**
     * The row's fields as they will be stored, with notes for the preview; a problem when a new
     * mark has no reason (an update may keep the reason stored: its merged fields come here).
     */
    settle<F extends ClinicFields>(fields: F, given: ReadonlySet<ClinicImportField>): { ok: true; fields: F; notes: RowProblem[] } | { ok: false; problems: RowProblem[] } {
      if (fields.noMailing === true) {
        if (fields.noMailingReason) return { ok: true, fields, notes: [] };
        return { ok: false, problems: [{ field: clinicFieldLabels.noMailingReason, message: noMailingReasonRequired }] };
      }
      const notes = given.has('noMailingReason') ? [{ field: clinicFieldLabels.noMailingReason, message: csvMessages.noMailingReasonNotTaken }] : [];
      return { ok: true, fields: { ...fields, noMailing: false, noMailingReason: '' }, notes };
    },

    /** Lists a row that turns the mark on (a new clinic marked, too) or off: mailings change with it. */
    noteChange(row: number, before: boolean, after: ClinicFields): void {
      const marked = after.noMailing === true;
      if (marked === before) return;
      report.noMailingChangeCount++;
      if (report.noMailingChanges.length >= options.maxProblems) return;
      const message = marked ? csvMessages.noMailingMarked(after.noMailingReason ?? '') : csvMessages.noMailingCleared;
      report.noMailingChanges.push({ row, clinic: after.name, field: clinicFieldLabels.noMailing, message });
    },
  };
}
