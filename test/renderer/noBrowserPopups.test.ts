import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

describe('confirmations', () => {
  it('are the app’s own dialog everywhere: no browser pop-up (window.confirm/alert/prompt) is left in the window’s code', () => {
    const found = sourceFiles(path.resolve('renderer/src')).flatMap((file) =>
      fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (/\bwindow\.(confirm|alert|prompt)\s*\(/.test(line) ? [`${path.relative('.', file)}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
