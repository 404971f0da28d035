import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Word = Record<string, unknown>;
type GetStyleProperty = (item: Word, stack: unknown, property: string, fallback: unknown) => unknown;
type Measure = ((this: unknown, words: Word[], stack: unknown) => Word[]) & { stylesPerRun?: true };

/** What a word carries besides its style: words split from one text node differ only in these. */
export const notStyle = new Set(['text', 'lineEnd', 'noNewLine']);

/**
 * pdfmake's measuring resolves 22 style properties for every word it measures through its style
 * stack (a push, a walk down the stack and a pop each, about 9 µs a word). The words of one text
 * node carry the same own style and are measured against the same stack, so they resolve to the
 * same values: while one call of measure() runs, the stack is walked once per run of words with
 * equal own style, for all properties at once, and every lookup is answered from that.
 */
export function resolveStylesOncePerRun(): void {
  const measuring = (require('pdfmake/js/TextInlines.js') as { default: { prototype: { measure: Measure } } }).default.prototype;
  const styles = (require('pdfmake/js/StyleContextStack.js') as { default: { getStyleProperty: GetStyleProperty } }).default;
  if (measuring.measure.stylesPerRun) return;
  const measure = measuring.measure;
  const lookUp = styles.getStyleProperty;
  const once: Measure = function (this: unknown, words, stack) {
    styles.getStyleProperty = rememberedPerRun(lookUp, stack);
    try {
      return measure.call(this, words, stack);
    } finally {
      styles.getStyleProperty = lookUp;
    }
  };
  once.stylesPerRun = true;
  measuring.measure = once;
}

interface StyleStack {
  styleDictionary?: Record<string, Word | undefined>;
  defaultStyle?: Word | null;
  styleOverrides: Array<string | Word>;
}

const isValue = (value: unknown) => value !== undefined && value !== null;

/**
 * A getStyleProperty for one measure() call. A word's own style is read when it is first asked
 * about, before measure() writes its resolved values onto it. For each own style, the stack is
 * walked once for every property (see flatten) instead of once per property and word.
 */
function rememberedPerRun(lookUp: GetStyleProperty, measuredStack: unknown): GetStyleProperty {
  let word: Word | undefined;
  let style: Word = {};
  let styleSize = 0;
  let flat: Word | undefined;
  return (item, stack, property, fallback) => {
    if (stack !== measuredStack) return lookUp(item, stack, property, fallback);
    if (item !== word) {
      word = item;
      const size = sameStyleSize(item, style);
      if (size !== styleSize) {
        style = {};
        styleSize = 0;
        for (const key in item) {
          if (notStyle.has(key)) continue;
          style[key] = item[key];
          styleSize++;
        }
        flat = undefined;
      }
    }
    // As pdfmake: a value the word carries itself comes first.
    if (isValue(item[property])) return item[property];
    flat ??= flatten(stack as StyleStack, item);
    const value = property in flat ? flat[property] : (stack as StyleStack).defaultStyle?.[property];
    return isValue(value) ? value : fallback;
  };
}

/**
 * Every property pdfmake's StyleContextStack.getProperty would find for `item`: the stack with
 * the item pushed as autopush pushes it (its named styles, then itself), searched from the top,
 * a named style through its own values and then its parents, the last parent first.
 */
function flatten(stack: StyleStack, item: Word): Word {
  const overrides: Array<string | Word> = [...stack.styleOverrides];
  if (item.section === undefined) {
    const names = item.style ? (Array.isArray(item.style) ? (item.style as string[]) : [item.style as string]) : [];
    overrides.push(...names, item);
  }
  const flat: Word = {};
  const take = (values: Word) => {
    for (const key in values) if (!(key in flat) && isValue(values[key])) flat[key] = values[key];
  };
  const takeNamed = (name: string, visited: Set<string>) => {
    if (visited.has(name)) return;
    visited.add(name);
    const named = stack.styleDictionary?.[name];
    if (!named) return;
    take(named);
    if (!named.extends) return;
    const parents = Array.isArray(named.extends) ? (named.extends as string[]) : [named.extends as string];
    for (let i = parents.length - 1; i >= 0; i--) takeNamed(parents[i]!, visited);
  };
  for (let i = overrides.length - 1; i >= 0; i--) {
    const override = overrides[i]!;
    if (typeof override === 'string') takeNamed(override, new Set());
    else take(override);
  }
  return flat;
}
/** How many style properties a word has if each equals the one in `style`, else -1. */
function sameStyleSize(word: Word, style: Word): number {
  let size = 0;
  for (const key in word) {
    if (notStyle.has(key)) continue;
    if (!Object.hasOwn(style, key) || style[key] !== word[key]) return -1;
    size++;
  }
  return size;
}
