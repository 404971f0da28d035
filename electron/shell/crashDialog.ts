import { dialog } from 'electron';
import type { Logger } from '../core/log/logger.ts';
import { isHubTransportError } from '../core/sync/hubTransportError.ts';
import { shellMessages } from './shellMessages.ts';

/** The stack for the log; the clerk only ever sees the Japanese text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * A handler for uncaughtException / unhandledRejection in the main process: log it and tell
 * the clerk in Japanese instead of Electron's English stack-trace box. The hub dropping a request
 * that PouchDB left unwatched is only logged: replication retries it by itself.
 */
export function crashDialog(log: Logger): (error: unknown) => void {
  return (error) => {
    if (isHubTransportError(error)) {
      log.warn('sync: a hub request failed outside replication', { error: (error as Error).message });
      return;
    }
    log.error('uncaught error in main process', { error: describeError(error) });
    dialog.showErrorBox(shellMessages.unexpectedErrorTitle, shellMessages.unexpectedError);
  };
}
