import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const stylesDir = path.resolve('renderer/src/styles');

describe('the window’s stylesheets', () => {
  it('close every rule they open: one brace left open swallows every rule after it, in this file and the ones bundled after it', () => {
    const unbalanced = fs
      .readdirSync(stylesDir)
      .filter((f) => f.endsWith('.css'))
      .flatMap((file) => {
        const css = fs.readFileSync(path.join(stylesDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
        let depth = 0;
        for (const ch of css) {
          if (ch === '{') depth += 1;
          else if (ch === '}') depth -= 1;
          if (depth < 0) return [`${file}: a } with nothing to close`];
        }
        return depth === 0 ? [] : [`${file}: ${depth} rule(s) left open`];
      });
    expect(unbalanced).toEqual([]);
  });
});
