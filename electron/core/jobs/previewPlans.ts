import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { JobArgs } from './jobRunner.ts';
import type { ClinicsCsvImportReport } from '../workers/clinicsCsvImport.worker.ts';

type PreviewInput = JobArgs<'clinics.previewImport'>;
type ImportInput = JobArgs<'clinics.importCsv'>;

interface KeptPlan {
  path: string;
  input: PreviewInput;
  /** What the preview resolved the choices it was not given to. */
  resolved: Pick<ClinicsCsvImportReport, 'mapping' | 'headerRow'> & { sheet: string | undefined };
}

/**
 * The plan of each list's latest preview (importPlanFile.ts), by the list's file id, so that
 * 取り込む writes what the preview worked out instead of reading a 200,000-row list a second
 * time. Only the latest preview of a list counts: each new one (another column, another sheet)
 * replaces it. Plans lie beside their list in the core's transit folder (emptied at close and at
 * start) and go with it.
 */
export function previewPlans(listHeld: (fileId: string) => boolean) {
  const kept = new Map<string, KeptPlan>();
  const pending = new Map<string, string>();

  function drop(fileId: string): void {
    const plan = kept.get(fileId);
    if (plan) fs.rmSync(plan.path, { force: true });
    kept.delete(fileId);
  }

  return {
    /** A path for the plan of the preview starting now; the list's older plan no longer counts. */
    reserve(fileId: string, path: string): string {
      drop(fileId);
      // A list swept away unused takes its plan with it (its names must not outlive it).
      for (const listId of kept.keys()) if (!listHeld(listId)) drop(listId);
      const older = pending.get(fileId);
      // A preview superseded while running (staff changed a column) must not leave its plan as the list's.
      if (older) fs.rmSync(older, { force: true });
      pending.set(fileId, path);
      return path;
    },

    /** The preview finished: its plan is the list's, if it is still the latest preview and wrote one. */
    keep(fileId: string, path: string, input: PreviewInput, report: ClinicsCsvImportReport): void {
      if (pending.get(fileId) !== path) {
        fs.rmSync(path, { force: true });
        return;
      }
      pending.delete(fileId);
      if (!fs.existsSync(path)) return;
      kept.set(fileId, { path, input, resolved: { mapping: report.mapping, headerRow: report.headerRow, sheet: report.book?.sheet } });
    },

    /** The preview failed or was cancelled: its half-written plan goes, and it is no longer the list's pending one. */
    abandon(fileId: string, path: string): void {
      fs.rmSync(path, { force: true });
      if (pending.get(fileId) === path) pending.delete(fileId);
    },

    /**
     * The plan an import may write from: the list's latest preview, made with the same choices.
     * A choice the import leaves out must have been left out by the preview too (both then
     * resolve it alike); one it gives must be what the preview used.
     */
    matching(input: ImportInput): string | undefined {
      const plan = kept.get(input.fileId);
      if (!plan) return undefined;
      const same = <T>(given: T | undefined, previewGiven: T | undefined, resolved: T | undefined) =>
        given === undefined ? previewGiven === undefined : isDeepStrictEqual(given, resolved);
      const matches =
        input.onMatch === plan.input.onMatch &&
        input.acceptSuggestedKinds === plan.input.acceptSuggestedKinds &&
        same(input.mapping, plan.input.mapping, plan.resolved.mapping) &&
        same(input.sheet, plan.input.sheet, plan.resolved.sheet) &&
        same(input.headerRow, plan.input.headerRow, plan.resolved.headerRow);
      return matches ? plan.path : undefined;
    },

    drop,
  };
}
