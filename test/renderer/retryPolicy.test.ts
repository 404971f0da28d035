import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/messages/errors.ts';
import { ApiError } from '../../renderer/src/api/ApiError.ts';
import { maxTransportRetries, retryTransportErrors } from '../../renderer/src/query/retryPolicy.ts';

const failing = (code: ErrorCode) => new ApiError({ code, message: 'x' });

/** A client with the app's retry rule and no waiting between attempts. */
const clientWithAppRetries = () =>
  new QueryClient({ defaultOptions: { queries: { retry: retryTransportErrors, retryDelay: 0 } } });

describe('reads are asked again only when the answer never arrived', () => {
  it('a refusal is shown at once, never asked again', async () => {
    for (const code of ['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'BUSY'] as const) {
      const client = clientWithAppRetries();
      let attempts = 0;
      await expect(
        client.fetchQuery({
          queryKey: ['refused', code],
          queryFn: () => {
            attempts++;
            throw failing(code);
          },
        }),
      ).rejects.toMatchObject({ code });
      expect(attempts).toBe(1);
    }
  });

  it('an unreachable host is asked again, and the answer shows once it is back', async () => {
    const client = clientWithAppRetries();
    let attempts = 0;
    const answer = await client.fetchQuery({
      queryKey: ['flaky'],
      queryFn: () => {
        attempts++;
        if (attempts < 3) throw failing('UNAVAILABLE');
        return 'clinics';
      },
    });
    expect([answer, attempts]).toEqual(['clinics', 3]);
  });

  it('an unreachable host is not asked forever', () => {
    expect(retryTransportErrors(maxTransportRetries - 1, failing('UNAVAILABLE'))).toBe(true);
    expect(retryTransportErrors(maxTransportRetries, failing('UNAVAILABLE'))).toBe(false);
  });

  it('a bug in the window (not an answer from the core) is not retried', () => {
    expect(retryTransportErrors(0, new TypeError('x is undefined'))).toBe(false);
  });
});
