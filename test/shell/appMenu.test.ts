import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../electron/shell/appMenu.ts';

const actions = () => ({ print: vi.fn(), openDataFolder: vi.fn(), about: vi.fn() });
const submenu = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];
const find = (menu: MenuItemConstructorOptions[], label: string) => menu.find((item) => item.label === label)!;

describe('the application menu', () => {
  it('is in Japanese: ファイル, 編集, 表示, ヘルプ on Windows, with the app menu first on macOS', () => {
    expect(menuTemplate('win32', actions()).map((m) => m.label)).toEqual(['ファイル', '編集', '表示', 'ヘルプ']);
    expect(menuTemplate('darwin', actions()).map((m) => m.label)).toEqual(['医療機関サイバー保険 窓口', 'ファイル', '編集', '表示', 'ヘルプ']);
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const labels = menuTemplate(platform, actions()).flatMap((m) => [m.label, ...submenu(m).map((i) => i.label)]).filter(Boolean);
      expect(labels.every((label) => /[ぁ-んァ-ン一-龯]/.test(label!))).toBe(true);
    }
  });

  it('prints with Ctrl/Cmd+P, and zooms with the usual keys (Ctrl+; too, for Japanese keyboards)', () => {
    const a = actions();
    const menu = menuTemplate('win32', a);
    const print = find(submenu(find(menu, 'ファイル')), '印刷…');
    expect(print.accelerator).toBe('CmdOrCtrl+P');
    (print.click as () => void)();
    expect(a.print).toHaveBeenCalledOnce();
    const view = submenu(find(menu, '表示'));
    expect(view.filter((i) => i.role === 'zoomIn').map((i) => i.accelerator)).toEqual(['CmdOrCtrl+Plus', 'CmdOrCtrl+;', 'CmdOrCtrl+=']);
    expect(view.find((i) => i.role === 'zoomOut')?.accelerator).toBe('CmdOrCtrl+-');
    expect(view.find((i) => i.role === 'resetZoom')?.accelerator).toBe('CmdOrCtrl+0');
    expect(view.some((i) => i.role === 'togglefullscreen')).toBe(true);
  });

  it('edits with the system roles, so undo and paste work in every field', () => {
    const edit = submenu(find(menuTemplate('linux', actions()), '編集'));
    expect(edit.filter((i) => i.role).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('has no developer tools', () => {
    const all = menuTemplate('win32', actions()).flatMap((m) => submenu(m));
    expect(all.some((i) => i.role === 'toggleDevTools' || i.role === 'forceReload')).toBe(false);
  });
});
