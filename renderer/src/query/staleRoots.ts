import type { DataArea } from '../../../shared/contract/dataAreas.ts';
import { queryRootReads, queryRoots, type QueryRoot } from './queryKeys.ts';

/** The query roots whose reads show any of these areas: what a `changed` event makes stale. */
export function staleRoots(areas: readonly DataArea[]): QueryRoot[] {
  return queryRoots.filter((root) => queryRootReads[root].some((area) => areas.includes(area)));
}
