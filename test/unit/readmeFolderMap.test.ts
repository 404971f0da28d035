import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const topFolders = ['electron', 'shared', 'renderer', 'resources', 'test'];

/** Every folder that holds a committed file under the top-level source folders, as `a/b/`. */
function committedFolders(): string[] {
  const files = execFileSync('git', ['ls-files', '--', ...topFolders], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/').slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) folders.add(`${parts.slice(0, depth).join('/')}/`);
  }
  return [...folders].sort();
}

describe('the README folder map', () => {
  it('names every folder a newcomer will find, and no folder that is gone', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const map = readme.slice(readme.indexOf('### Folder map'));
    const listed = [...map.matchAll(/^\| `([^`]+\/)` \|/gm)].map((m) => m[1]!);
    const present = committedFolders();
    expect(present.filter((folder) => !listed.includes(folder))).toEqual([]);
    expect(listed.filter((folder) => !present.includes(folder))).toEqual([]);
  });
});
