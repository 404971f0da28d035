/** The screens in menu order; the id is also the address in the hash (#/clinics). */
export const screenList = [
  { id: 'home', label: 'ホーム' },
  { id: 'product', label: '商品説明' },
  { id: 'quote', label: '保険料試算' },
  { id: 'clinics', label: '医療機関' },
  { id: 'inquiries', label: '問い合わせ' },
  { id: 'print', label: '印刷' },
  { id: 'settings', label: '設定' },
] as const;

export type ScreenId = (typeof screenList)[number]['id'];

const screenIds = new Set<string>(screenList.map((s) => s.id));

/** '#/clinics' -> 'clinics'; anything else (including the preview's '#token=…') -> 'home'. */
export function screenFromHash(hash: string): ScreenId {
  const id = /^#\/([a-z]+)/.exec(hash)?.[1];
  return id && screenIds.has(id) ? (id as ScreenId) : 'home';
}

export function hashForScreen(id: ScreenId): string {
  return `#/${id}`;
}

export function screenLabel(id: ScreenId): string {
  return screenList.find((s) => s.id === id)?.label ?? '';
}
