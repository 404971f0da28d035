import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Print the document shown in the 印刷 preview. */
  print(): void;
  openDataFolder(): void;
  about(): void;
}

/**
 * The application menu in Japanese with the usual shortcuts. Roles give each item the system's
 * own behaviour (undo in a text field, zoom of the page); labels are ours because Electron's
 * defaults are English.
 */
export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: '医療機関サイバー保険 窓口',
          submenu: [
            { label: 'このアプリについて', click: actions.about },
            { type: 'separator' },
            { role: 'hide', label: '隠す' },
            { role: 'hideOthers', label: 'ほかを隠す' },
            { role: 'unhide', label: 'すべてを表示' },
            { type: 'separator' },
            { role: 'quit', label: '終了' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: 'ファイル',
      submenu: [
        { label: '印刷…', accelerator: 'CmdOrCtrl+P', click: actions.print },
        { type: 'separator' },
        { label: 'データの保存場所を開く', click: actions.openDataFolder },
        ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: '終了', accelerator: 'Alt+F4' } as const]),
      ],
    },
    {
      label: '編集',
      submenu: [
        { role: 'undo', label: '元に戻す' },
        { role: 'redo', label: 'やり直す' },
        { type: 'separator' },
        { role: 'cut', label: '切り取り' },
        { role: 'copy', label: 'コピー' },
        { role: 'paste', label: '貼り付け' },
        { role: 'selectAll', label: 'すべて選択' },
      ],
    },
    {
      label: '表示',
      submenu: [
        { role: 'reload', label: '再読み込み' },
        { type: 'separator' },
        { role: 'zoomIn', label: '拡大', accelerator: 'CmdOrCtrl+Plus' },
        // Japanese keyboards put + on Shift+;, so Ctrl+; and Ctrl+= zoom in too.
        { role: 'zoomIn', label: '拡大', accelerator: 'CmdOrCtrl+;', visible: false },
        { role: 'zoomIn', label: '拡大', accelerator: 'CmdOrCtrl+=', visible: false },
        { role: 'zoomOut', label: '縮小', accelerator: 'CmdOrCtrl+-' },
        { role: 'resetZoom', label: '実際のサイズ', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全画面表示' },
      ],
    },
    {
      label: 'ヘルプ',
      submenu: [{ label: 'バージョン情報', click: actions.about }],
    },
  ];
}
