import type { Db } from '../db/connection.ts';
import { unsentChanges } from '../sync/unsentChanges.ts';
import type { HandlerMap } from './handlerMap.ts';

/** 復元 on a sharing machine lists first what it would lose (点検と修復 itself runs as jobs). */
export function syncRepairHandlers(deps: { db: Db }) {
  return {
    'sync.unsentChanges': () => unsentChanges(deps.db),
  } satisfies Partial<HandlerMap>;
}
