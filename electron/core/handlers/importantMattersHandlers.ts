import type { Db } from '../db/connection.ts';
import { handoversOf, importantMattersHandedOver, recordHandover, withdrawHandover } from '../db/repos/importantMatters.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { AppError } from '../errors.ts';
import type { HandlerMap } from './handlerMap.ts';

type ImportantMattersChannels = 'importantMatters.list' | 'importantMatters.record' | 'importantMatters.withdraw';

/** 重要事項説明書の交付: an inquiry's handovers, recording one, and withdrawing one recorded by mistake. */
export function importantMattersHandlers(db: Db, writeContext: () => WriteContext): Pick<HandlerMap, ImportantMattersChannels> {
  return {
    'importantMatters.list': ({ inquiryId }) => {
      if (!db.prepare('SELECT 1 FROM inquiries WHERE id = ?').get(inquiryId)) throw new AppError('NOT_FOUND');
      return { items: handoversOf(db, inquiryId), handedOver: importantMattersHandedOver(db, inquiryId) };
    },
    'importantMatters.record': (input) => recordHandover(db, input, writeContext()),
    'importantMatters.withdraw': (input) => withdrawHandover(db, input, writeContext()),
  };
}
