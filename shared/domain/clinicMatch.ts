import { normalizeForSearch } from '../text/normalizeForSearch.ts';
import type { ClinicFields } from './clinic.ts';
import type { MatchRule } from './clinicCsvImport.ts';

/** Whether `incoming` is `stored` read by a spreadsheet as a number: 000099 became 99. */
export function lostLeadingZeros(stored: string, incoming: string): boolean {
  return /^0\d*$/.test(stored) && incoming !== '' && stored.replace(/^0+(?=\d)/, '') === incoming;
}

/** A registered clinic as far as matching needs it. */
export interface MatchCandidate {
  id: string;
  memberNumber: string;
  address: string;
}

/** Lookups of registered clinics (the repo in the app, plain maps in tests). */
export interface ClinicMatchLookup {
  byId(id: string): MatchCandidate | undefined;
  byMemberNumber(memberNumber: string): MatchCandidate | undefined;
  byPhoneDigits(digits: string): MatchCandidate[];
  byNameNorm(nameNorm: string): MatchCandidate[];
}

export interface ClinicMatch {
  clinicId: string;
  rule: MatchRule;
}

/** What a row is matched on, normalised once per row: 会員番号, phone digits, name and address. */
export interface MatchKeys {
  memberNumber: string;
  phoneDigits: string;
  name: string;
  address: string;
  /** Name and address together, when both are given. */
  nameAddress: string | undefined;
}

/** The keys of a row's validated fields, normalised like the registered clinics' shadow columns. */
export function matchKeys(fields: Pick<ClinicFields, 'name' | 'address' | 'phone' | 'memberNumber'>): MatchKeys {
  const name = normalizeForSearch(fields.name);
  const address = normalizeForSearch(fields.address);
  return {
    memberNumber: fields.memberNumber,
    phoneDigits: normalizeForSearch(fields.phone),
    name,
    address,
    nameAddress: name !== '' && address !== '' ? `${name}\u0000${address}` : undefined,
  };
}

// Common names (〇〇内科クリニック) bring the same registered clinics up for many rows: each
// one's address is normalised once, not once per row.
const normalizedAddresses = new WeakMap<MatchCandidate, string>();
function normalizedAddress(candidate: MatchCandidate): string {
  let address = normalizedAddresses.get(candidate);
  if (address === undefined) normalizedAddresses.set(candidate, (address = normalizeForSearch(candidate.address)));
  return address;
}

/**
 * The registered clinic a row is, if any: same ID (this app's export), else same 会員番号, else
 * same phone number, else the same name and address once normalised. A candidate holding another
 * 会員番号 than the row's is a different institution that happens to share a phone or a name.
 */
export function findClinicMatch(row: { id?: string | undefined; keys: MatchKeys }, lookup: ClinicMatchLookup): ClinicMatch | null {
  if (row.id) {
    const found = lookup.byId(row.id);
    if (found) return { clinicId: found.id, rule: 'id' };
  }
  const { memberNumber: member, phoneDigits, name, address, nameAddress } = row.keys;
  if (member !== '') {
    const found = lookup.byMemberNumber(member);
    if (found) return { clinicId: found.id, rule: 'memberNumber' };
  }
  // A 会員番号 Excel stripped of its zeros is still the same one.
  const compatible = (c: MatchCandidate) => member === '' || c.memberNumber === '' || c.memberNumber === member || lostLeadingZeros(c.memberNumber, member);
  if (phoneDigits !== '') {
    const found = lookup.byPhoneDigits(phoneDigits).find(compatible);
    if (found) return { clinicId: found.id, rule: 'phone' };
  }
  if (nameAddress) {
    const found = lookup.byNameNorm(name).find((c) => compatible(c) && normalizedAddress(c) === address);
    if (found) return { clinicId: found.id, rule: 'nameAddress' };
  }
  return null;
}
