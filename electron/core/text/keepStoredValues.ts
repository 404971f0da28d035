import type { ClinicFields } from '../../../shared/domain/clinic.ts';
import { clinicFieldLabels } from '../../../shared/domain/clinic.ts';
import { csvMessages } from '../../../shared/messages/csvMessages.ts';
import { lostLeadingZeros } from '../../../shared/domain/clinicMatch.ts';
import { parsePhoneNumber } from '../../../shared/text/phoneNumber.ts';
import { isCp932Encodable, toCp932Equivalents } from './cp932.ts';

export interface KeptValue {
  field: string;
  message: string;
}

const textKeys = ['name', 'nameKana', 'postalCode', 'address', 'phone', 'fax', 'contactPerson', 'memberNumber', 'memo', 'noMailingReason'] as const satisfies readonly (keyof ClinicFields)[];

/** Marks Excel and LibreOffice write for a character Shift_JIS has none for, and this app's own. */
const lossMarks = '[?？〓]';

/**
 * Whether `incoming` is `stored` written in Shift_JIS by a spreadsheet: each character CP932
 * cannot write became ? (one per UTF-16 unit at most) or this app's 〓, and look-alikes such as
 * 〜 became the ones CP932 has (～).
 */
function lostInShiftJis(stored: string, incoming: string): boolean {
  const written = toCp932Equivalents(stored);
  if (written === incoming) return written !== stored;
  let pattern = '';
  let lost = false;
  for (const char of written) {
    if (isCp932Encodable(char)) pattern += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else {
      lost = true;
      pattern += `${lossMarks}{1,${char.length}}`;
    }
  }
  return lost && new RegExp(`^${pattern}$`, 'u').test(incoming);
}

/** A phone or FAX stored before the canonical form, and the same number in it. */
const samePhone = (stored: string, incoming: string) => {
  const parsed = parsePhoneNumber(stored);
  return parsed.ok && parsed.value === incoming;
};

/**
 * An update from a list that went through a spreadsheet (opened and saved in Excel): where a value
 * differs from the record only by what the round trip does to it, the record's value is kept.
 * Lost leading zeros and a character Shift_JIS cannot write are listed for the preview; a phone
 * number that is the same in canonical form is simply the same.
 */
export function keepStoredValues(stored: ClinicFields, incoming: ClinicFields): { fields: ClinicFields; kept: KeptValue[] } {
  const fields = { ...incoming };
  const kept: KeptValue[] = [];
  for (const key of textKeys) {
    const before = stored[key];
    const after = incoming[key];
    // 送付不要の理由 is absent from fields that do not carry the mark.
    if (before === undefined || after === undefined || before === after || after === '') continue;
    if ((key === 'phone' || key === 'fax') && samePhone(before, after)) {
      fields[key] = before;
    } else if (lostLeadingZeros(before, after)) {
      fields[key] = before;
      kept.push({ field: clinicFieldLabels[key], message: csvMessages.keptLeadingZeros(before, after) });
    } else if (lostInShiftJis(before, after)) {
      fields[key] = before;
      kept.push({ field: clinicFieldLabels[key], message: csvMessages.keptUnwritable(before.length > 40 ? `${before.slice(0, 40)}…` : before) });
    }
  }
  return { fields, kept };
}
