/**
 * IPC channel names between the preload and the shell. Kept free of zod so that the sandboxed
 * preload bundle stays a few kilobytes.
 */
export const ipcChannels = {
  call: 'contract:call',
  event: 'contract:event',
  openFile: 'contract:open-file',
  saveFile: 'contract:save-file',
  readFile: 'contract:read-file',
  printFile: 'contract:print-file',
} as const;
