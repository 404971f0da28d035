import { generateClinics } from '../../../electron/core/db/seed/generateClinics.ts';
import type { ClinicFields } from '../../../shared/domain/clinic.ts';

/** Characters the primary fonts and Shift_JIS treat specially; the bench makes sure each occurs. */
export const rareKanji = ['髙', '﨑', '𠮷'] as const;

/**
 * `count` generated institutions (the seed generator's realistic records) whose names are all
 * different, so that no document of a batch can be a copy of another: a repeated name gets the
 * town it is in, then a branch number. Some names carry 髙, 﨑 and 𠮷, as real ones do.
 */
export function distinctClinics(count: number, seed: number): ClinicFields[] {
  const seen = new Set<string>();
  const out: ClinicFields[] = [];
  for (const clinic of generateClinics(count, seed)) {
    const town = /^鹿児島県(.+?[市郡])/.exec(clinic.address)?.[1] ?? '';
    let name = clinic.name;
    if (seen.has(name)) name = `${clinic.name}（${town}）`;
    for (let branch = 2; seen.has(name); branch++) name = `${clinic.name}（${town}）第${branch}`;
    seen.add(name);
    out.push({ ...clinic, name });
  }
  for (const char of rareKanji) {
    if (!out.some((c) => c.name.includes(char))) throw new Error(`no generated name holds ${char}: choose another seed`);
  }
  return out;
}
