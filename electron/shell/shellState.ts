import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});
export type SavedBounds = z.infer<typeof boundsSchema>;

const shellStateSchema = z.object({
  window: boundsSchema.optional(),
  /** Where the clerk last saved a file, so the next save dialog opens there. */
  lastFolder: z.string().max(4096).optional(),
});
export type ShellState = z.infer<typeof shellStateSchema>;

const fileName = 'shell-state.json';

/**
 * What the desktop window remembers between starts (size, position, last folder), in the data
 * folder. A missing or damaged file just means defaults: it holds nothing that matters.
 */
export function createShellStateStore(dataDir: string) {
  const file = path.join(dataDir, fileName);
  let state: ShellState = {};
  try {
    const parsed = shellStateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) state = parsed.data;
  } catch {
    // First start, or an unreadable file: defaults.
  }
  return {
    get: (): ShellState => state,
    update(patch: Partial<ShellState>): void {
      state = { ...state, ...patch };
      try {
        fs.mkdirSync(dataDir, { recursive: true });
        // Written whole and renamed: a crash mid-write never leaves half a file.
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
        fs.renameSync(`${file}.tmp`, file);
      } catch {
        // Not remembering a window size is not worth bothering the clerk about.
      }
    },
  };
}
export type ShellStateStore = ReturnType<typeof createShellStateStore>;

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const defaultSize = { width: 1366, height: 768 };
export const minimumSize = { width: 1024, height: 700 };

/**
 * The window's bounds for this start: the saved ones when enough of them is on a display that
 * exists now (a laptop undocked from its second monitor must not open off-screen), clamped to that
 * display; otherwise the default size, centred by the system.
 */
export function restoredBounds(saved: SavedBounds | undefined, workAreas: readonly Rectangle[]): Partial<Rectangle> & { width: number; height: number } {
  if (!saved) return defaultSize;
  const visible = (area: Rectangle) =>
    Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x) >= 200 &&
    Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y) >= 100;
  const area = workAreas.find(visible);
  if (!area) return defaultSize;
  const width = Math.max(minimumSize.width, Math.min(saved.width, area.width));
  const height = Math.max(minimumSize.height, Math.min(saved.height, area.height));
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}
