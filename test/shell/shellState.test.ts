import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShellStateStore, restoredBounds } from '../../electron/shell/shellState.ts';
import { tempDir } from '../helpers/tempDir.ts';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const monitor = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('the window remembers its place', () => {
  it('comes back where it was when that place is on a display', () => {
    expect(restoredBounds({ x: 1500, y: 50, width: 1600, height: 900, maximized: false }, [laptop, monitor])).toEqual({ x: 1500, y: 50, width: 1600, height: 900 });
  });

  it('opens on screen at the default size when the monitor it was on is gone', () => {
    expect(restoredBounds({ x: 1500, y: 50, width: 1600, height: 900, maximized: false }, [laptop])).toEqual({ width: 1366, height: 768 });
    expect(restoredBounds(undefined, [laptop])).toEqual({ width: 1366, height: 768 });
  });

  it('is pulled fully onto its display and never made smaller than the minimum', () => {
    expect(restoredBounds({ x: -300, y: 600, width: 2000, height: 500, maximized: false }, [laptop])).toEqual({ x: 0, y: 28, width: 1366, height: 700 });
  });

  it('keeps its state in the data folder between starts, and shrugs off a damaged file', () => {
    const dir = tempDir();
    const store = createShellStateStore(dir);
    expect(store.get()).toEqual({});
    store.update({ window: { x: 10, y: 20, width: 1400, height: 800, maximized: true } });
    store.update({ lastFolder: 'C:\\Users\\窓口\\Documents' });
    expect(createShellStateStore(dir).get()).toEqual({ window: { x: 10, y: 20, width: 1400, height: 800, maximized: true }, lastFolder: 'C:\\Users\\窓口\\Documents' });
    fs.writeFileSync(path.join(dir, 'shell-state.json'), '{"window": {"x": "left"');
    expect(createShellStateStore(dir).get()).toEqual({});
  });
});
