import { QueryClient } from '@tanstack/react-query';
import { retryTransportErrors } from './retryPolicy.ts';

/**
 * The window's query cache. Reads stay fresh because the core says when they are not
 * (`changed`), so nothing refetches on focus or on a timer; a screen shown again reads again,
 * as it always did.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: retryTransportErrors,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // Keep what was shown while a new answer is on its way (typing in a search box).
        staleTime: 0,
      },
      mutations: { retry: false },
    },
  });
}
