import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Word = Record<string, unknown>;
type GetStyleProperty = (item: Word, stack: unknown, property: string, fallback: unknown) => unknown;
type Measure = ((this: unknown, words: Word[], stack: unknown) => Word[]) & { stylesPerRun?: true };

/** What a word carries besides its style: words split from one text node differ only in these. */
const notStyle = new Set(['text', 'lineEnd', 'noNewLine']);

/**
 * pdfmake's measuring resolves 22 style properties for every word through its style stack (a
 * push, a walk down the stack and a pop each), and in Japanese every character is a word: two
 * thirds of the time of measuring a page. The words of one text node carry the same own style and
 * are measured against the same stack, so they resolve to the same values: while one call of
 * measure() runs, each property is looked up once per run of words with equal own style, and
 * the words after the first get the value it resolved to.
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

/**
 * A getStyleProperty for one measure() call. A word's own style is read when it is first asked
 * about, before measure() writes its resolved values onto it.
 */
function rememberedPerRun(lookUp: GetStyleProperty, measuredStack: unknown): GetStyleProperty {
  let word: Word | undefined;
  let style: Word = {};
  let styleSize = 0;
  let resolved = new Map<string, { fallback: unknown; value: unknown }>();
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
        resolved = new Map();
      }
    }
    const known = resolved.get(property);
    if (known && known.fallback === fallback) return known.value;
    const value = lookUp(item, stack, property, fallback);
    resolved.set(property, { fallback, value });
    return value;
  };
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
