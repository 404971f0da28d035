const integerFormat = new Intl.NumberFormat('ja-JP');

/** 1234 -> 「1,234」, the way staff read numbers on screen and on paper. */
export function formatNumber(value: number): string {
  return integerFormat.format(value);
}

/** 1234 -> 「1,234件」. */
export function formatCount(value: number): string {
  return `${integerFormat.format(value)}件`;
}

/** A byte size in the unit a clerk recognises (KB/MB), e.g. for an upload limit. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${integerFormat.format(Math.round(bytes / (1024 * 1024)))}MB`;
  if (bytes >= 1024) return `${integerFormat.format(Math.round(bytes / 1024))}KB`;
  return `${integerFormat.format(bytes)}バイト`;
}
