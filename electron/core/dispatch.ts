import { contract, isChannel, type Channel } from '../../shared/contract/channels.ts';
import { areasWrittenBy, areasWrittenByJob } from '../../shared/contract/channelWrites.ts';
import type { DataArea } from '../../shared/contract/dataAreas.ts';
import type { JobKind } from '../../shared/contract/jobs.ts';
import type { Envelope } from '../../shared/contract/envelope.ts';
import { fieldMessages } from '../../shared/contract/issues.ts';
import { errorMessages, type ErrorCode } from '../../shared/messages/errors.ts';
import { AppError } from './errors.ts';
import { isWriteDenied } from './files/readOnlyDataDir.ts';
import type { HandlerMap } from './handlers/handlerMap.ts';
import type { Logger } from './log/logger.ts';

export function failure(code: ErrorCode, message: string = errorMessages[code], fields?: Record<string, string>): Envelope<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

export interface DispatchHooks {
  /** Called once after a writing channel's handler has committed, with the areas it declares. */
  announce?: (areas: readonly DataArea[]) => void;
  /** True while writes must wait (start-up maintenance): writing channels get BUSY, or the code given. */
  writesHeld?: () => boolean | ErrorCode;
}

/**
 * The one entry point of both transports: known channel, valid argument, then the handler.
 * Nothing reaches a handler unvalidated, and nothing but an envelope leaves.
 */
export function createDispatcher(handlers: HandlerMap, log: Logger, hooks: DispatchHooks = {}) {
  return async function dispatch(channel: string, input: unknown): Promise<Envelope<unknown>> {
    if (typeof channel !== 'string' || !isChannel(channel)) return failure('UNKNOWN_CHANNEL');
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) {
      const fields = fieldMessages(parsed.error);
      const first = Object.values(fields)[0];
      return failure('INVALID_INPUT', first ? `${errorMessages.INVALID_INPUT}（${first}）` : errorMessages.INVALID_INPUT, fields);
    }
    const writes = areasWrittenBy(channel);
    // A job that writes (an import) does so on its own connection and announces itself when it
    // succeeds, so only its start is held back here.
    const jobWrites = channel === 'jobs.start' ? areasWrittenByJob((parsed.data as { kind: JobKind }).kind) : [];
    const held = writes.length > 0 || jobWrites.length > 0 ? hooks.writesHeld?.() : false;
    if (held) return failure(held === true ? 'BUSY' : held);
    try {
      const handler = handlers[channel] as (args: unknown) => unknown;
      const result = await handler(parsed.data);
      // The handler has returned, so its transaction has committed: the window may refetch.
      if (writes.length > 0) hooks.announce?.(writes);
      return { ok: true, result: contract[channel as Channel].output.parse(result) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message, error.fields);
      // The folder turned read-only under the running app (permissions changed, a volume
      // remounted): nothing was saved, and the clerk can be told why.
      if (isWriteDenied(error)) {
        log.error('write refused: data folder not writable', { channel, error: String(error) });
        return failure('DATA_DIR_READ_ONLY');
      }
      log.error('handler failed', { channel, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      return failure('INTERNAL');
    }
  };
}
