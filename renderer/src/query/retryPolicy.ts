import { ApiError } from '../api/ApiError.ts';

/** Attempts after the first, for a read the transport could not deliver. */
export const maxTransportRetries = 3;

/**
 * Whether a failed read is worth asking again: only when the answer never arrived (the host or
 * the main process was unreachable). A refusal (INVALID_INPUT, NOT_FOUND, CONFLICT, BUSY, …) is
 * an answer; asking again would only repeat it and delay the message.
 */
export function isTransportError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'UNAVAILABLE';
}

/** TanStack Query's `retry` option. */
export function retryTransportErrors(failureCount: number, error: unknown): boolean {
  return failureCount < maxTransportRetries && isTransportError(error);
}
