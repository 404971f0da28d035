import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

// Issue 23 §5: the app writes 問い合わせ / お問い合わせ one way. The flyer's own text (the
// content pack in resources/content, 「…ＦＡＸでお問合せください。」) stays as printed, so
// only the app's code and catalogues are walked here.
const otherSpellings = /問合せ|問い合せ|問合わせ/;

describe('お問い合わせ in the app’s own words', () => {
  it('is spelled 問い合わせ everywhere in the window, the shared catalogues and the main process', () => {
    const found = ['renderer/src', 'shared', 'electron'].flatMap((dir) =>
      sourceFiles(path.resolve(dir)).flatMap((file) =>
        fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (otherSpellings.test(line) ? [`${path.relative('.', file)}:${i + 1}: ${line.trim()}`] : [])),
      ),
    );
    expect(found).toEqual([]);
  });
});
