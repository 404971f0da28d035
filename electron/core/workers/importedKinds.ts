import type { ImportProblem } from '../../../shared/contract/csvJobKinds.ts';
import { clinicFieldLabels, type ClinicFields, type ClinicKind } from '../../../shared/domain/clinic.ts';

interface KindReport {
  unconfirmedKinds: number;
  kindQuestions: ImportProblem[];
  kindQuestionCount: number;
  suggestedKinds: number;
}

/** What readClinicRow said about a row's 種別. */
interface KindRead {
  kindQuestion: string | undefined;
  suggestedKind: ClinicKind | undefined;
}

/**
 * The 種別 side of an import: a row's suggestion (a name with 病院) replaces 未確認 only when staff
 * ticked it in the preview, and the rows left 未確認 are counted with their questions.
 */
export function importedKinds(report: KindReport, options: { acceptSuggestedKinds: boolean; maxProblems: number }) {
  return {
    settleKind<F extends ClinicFields>(fields: F, read: KindRead): F {
      return fields.kind === 'unconfirmed' && read.suggestedKind && options.acceptSuggestedKinds ? { ...fields, kind: read.suggestedKind } : fields;
    },
    /** Called for rows that will be written only: an update keeps a 種別 staff already chose. */
    countKind(row: number, before: ClinicFields, after: ClinicFields, read: KindRead): void {
      if (before.kind !== 'unconfirmed') return;
      if (read.suggestedKind) report.suggestedKinds++;
      if (after.kind !== 'unconfirmed') return;
      report.unconfirmedKinds++;
      if (read.kindQuestion === undefined) return;
      report.kindQuestionCount++;
      if (report.kindQuestions.length < options.maxProblems) report.kindQuestions.push({ row, clinic: after.name, field: clinicFieldLabels.kind, message: read.kindQuestion });
    },
  };
}
