import { createQueryClient } from './queryClient.ts';

/** The one query cache of this window (main.tsx connects it to the core's events). */
export const queryClient = createQueryClient();
