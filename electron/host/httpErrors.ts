import type { ErrorCode } from '../../shared/messages/errors.ts';

/** HTTP status for each error code, so tools and tests can tell failures apart without parsing. */
export const statusForError: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  INVALID_INPUT: 422,
  INVALID_FILE: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  UNKNOWN_CHANNEL: 404,
  NOT_FOUND: 404,
  JOB_NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  FILE_WRITE_FAILED: 500,
  UNAVAILABLE: 503,
  CANCELLED: 409,
  BUSY: 409,
  CLOCK_SKEW: 409,
  CONFLICT: 409,
  TOO_MANY_WINDOWS: 429,
  DB_LOCKED: 409,
  DB_TOO_NEW: 409,
  DB_DAMAGED: 409,
  DB_MISSING: 409,
  DATA_DIR_READ_ONLY: 503,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};
