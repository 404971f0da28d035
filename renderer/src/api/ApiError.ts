import type { AppErrorBody } from '../../../shared/contract/envelope.ts';
import type { ErrorCode } from '../../../shared/messages/errors.ts';

/** An error envelope turned into something screens can catch and show as it is. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Field path (e.g. "name") -> Japanese message, for showing next to form fields. */
  readonly fields: Readonly<Record<string, string>>;

  constructor(body: AppErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.fields = body.fields ?? {};
  }

  get isCancelled(): boolean {
    return this.code === 'CANCELLED';
  }
}

/** A Japanese message for anything thrown, without ever showing a stack trace. */
export function errorMessageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
