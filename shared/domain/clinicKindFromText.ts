import { clinicKindMessages as m } from '../messages/clinicKindMessages.ts';
import type { ClinicKind } from './clinic.ts';

/**
 * What a 種別 cell said. A kind is stored only when the words (or a bare 診療所 and its 病床数)
 * decide it; anything else is 未確認 with a question for staff, never a guess. `given` is false
 * when the cell told us nothing, so an update keeps the 種別 already recorded.
 */
export type KindReading = {
  kind: ClinicKind;
  given: boolean;
  /** The question the preview lists for this row, when the kind is 未確認. */
  question?: string;
  /** A kind the row suggests but does not state, for staff to confirm (never applied). */
  suggestion?: ClinicKind;
};

// Keys are the word with width, spaces, brackets and separators removed (see wordKey).
const words: Record<string, ClinicKind | 'clinic'> = {
  無床: 'clinic_no_beds',
  無床診療所: 'clinic_no_beds',
  診療所無床: 'clinic_no_beds',
  有床: 'clinic_with_beds',
  有床診療所: 'clinic_with_beds',
  診療所有床: 'clinic_with_beds',
  病院: 'hospital',
  老健: 'geriatric_facility',
  老人保健施設: 'geriatric_facility',
  介護老人保健施設: 'geriatric_facility',
  その他: 'other',
  未確認: 'unconfirmed',
  // 医療法 makes a dental clinic a 診療所 like any other: its beds decide, as for a bare 診療所.
  診療所: 'clinic',
  一般診療所: 'clinic',
  歯科診療所: 'clinic',
  clinicnobeds: 'clinic_no_beds',
  clinicwithbeds: 'clinic_with_beds',
  hospital: 'hospital',
  geriatricfacility: 'geriatric_facility',
  other: 'other',
  unconfirmed: 'unconfirmed',
};

function wordKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）「」[\]【】・_\-‐－]/g, '');
}

/**
 * Whether a clinic's name claims 病院, which 医療法 (第3条) reserves for hospitals. A bed count
 * under 20 contradicts it: then nothing is suggested, the row is only 未確認.
 */
export function nameSuggestsHospital(name: string, bedCount: number | null): boolean {
  return name.normalize('NFKC').includes('病院') && (bedCount === null || bedCount >= 20);
}

/**
 * Reads a 種別 cell with the row's 病床数 and name. `text` is undefined when the file has no 種別
 * column: every row is then 未確認, and only a name claiming 病院 is worth a question.
 */
export function readClinicKind(text: string | undefined, bedCount: number | null, name: string): KindReading {
  if (text === undefined) {
    return nameSuggestsHospital(name, bedCount) ? { kind: 'unconfirmed', given: false, question: m.nameSaysHospital, suggestion: 'hospital' } : { kind: 'unconfirmed', given: false };
  }
  const key = wordKey(text);
  const word = key === '' ? undefined : words[key];
  if (word !== undefined && word !== 'clinic') return { kind: word, given: word !== 'unconfirmed' };
  if (word === 'clinic') {
    if (bedCount === 0) return { kind: 'clinic_no_beds', given: true };
    if (bedCount !== null && bedCount <= 19) return { kind: 'clinic_with_beds', given: true };
    return unconfirmed(bedCount === null ? m.clinicWithoutBeds : m.clinicWithManyBeds(bedCount), name, bedCount);
  }
  return unconfirmed(key === '' ? m.noKind : m.unknownWord(clip(text.trim())), name, bedCount);
}

function unconfirmed(question: string, name: string, bedCount: number | null): KindReading {
  if (nameSuggestsHospital(name, bedCount)) return { kind: 'unconfirmed', given: false, question: `${question}。${m.nameSaysHospital}`, suggestion: 'hospital' };
  return { kind: 'unconfirmed', given: false, question };
}

function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
