import { errorMessages, type ErrorCode } from '../../shared/messages/errors.ts';

/** An error a clerk should see: stable code, Japanese message, optional per-field messages. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string = errorMessages[code], fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}
