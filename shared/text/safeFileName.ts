/**
 * A user-visible file name that every OS accepts: no path parts, none of the characters Windows
 * forbids, no control characters, and a length well inside Windows' limits.
 */
export function safeFileName(name: string, maxChars = 120): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim();
  return [...(cleaned || 'file')].slice(0, maxChars).join('');
}
