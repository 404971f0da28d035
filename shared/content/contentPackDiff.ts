import { contentMessages } from '../messages/contentMessages.ts';
import type { ContentPack } from './contentPackSchema.ts';
import type { ContentPackChange } from './contentImport.ts';

type Path = (string | number)[];

const fieldLabels: Readonly<Record<string, string>> = contentMessages.fieldLabels;
const leafLabels: Readonly<Record<string, string>> = contentMessages.leafLabels;

/** How staff read a field's place: the label of its nearest labelled part, then the rest of its path. */
export function contentFieldLabel(path: Path): string {
  for (let end = path.length; end > 0; end--) {
    const label = fieldLabels[path.slice(0, end).join('.')];
    if (label === undefined) continue;
    const rest = path.slice(end).map((part) => (typeof part === 'number' ? contentMessages.nthItem(part + 1) : (leafLabels[part] ?? part)));
    return [label, ...rest].join(' › ');
  }
  return path.join('.');
}

const asText = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));
const isBranch = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;

function collect(before: unknown, after: unknown, path: Path, out: ContentPackChange[]): void {
  if (isBranch(before) || isBranch(after)) {
    const keys = new Set<string | number>();
    for (const side of [before, after]) {
      if (Array.isArray(side)) side.forEach((_, i) => keys.add(i));
      else if (isBranch(side)) Object.keys(side).forEach((k) => keys.add(k));
    }
    // Own properties only: a key named like an Object.prototype member reads nothing inherited.
    const at = (side: unknown, key: string | number) => (isBranch(side) && Object.hasOwn(side, key) ? (side as Record<string | number, unknown>)[key] : undefined);
    for (const key of keys) collect(at(before, key), at(after, key), [...path, key], out);
    return;
  }
  const was = asText(before);
  const now = asText(after);
  if (was !== now) out.push({ path: path.join('.'), label: contentFieldLabel(path), before: was, after: now });
}

/**
 * Every field in which a new pack differs from the one in force, in the pack's own order, with its
 * old and new text: a pack that changes only the website address must not preview as 変更なし.
 */
export function diffContentPacks(current: ContentPack, candidate: ContentPack): ContentPackChange[] {
  const out: ContentPackChange[] = [];
  collect(current, candidate, [], out);
  return out;
}
