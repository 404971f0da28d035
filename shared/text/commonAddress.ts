/**
 * Where several towns share a postal code, what their addresses have in common, cut back to a
 * whole 都道府県・市区町村 so that 所在地 never ends in half a place name.
 */
export function commonAddress(addresses: readonly string[]): string {
  if (addresses.length === 0) return '';
  if (addresses.every((a) => a === addresses[0])) return addresses[0] ?? '';
  const chars = addresses.map((a) => [...a]);
  const first = chars[0] ?? [];
  let length = 0;
  while (length < first.length && chars.every((c) => c[length] === first[length])) length++;
  const prefix = first.slice(0, length);
  while (prefix.length > 0 && !/[都道府県市区町村郡]/.test(prefix[prefix.length - 1] ?? '')) prefix.pop();
  return prefix.join('');
}
