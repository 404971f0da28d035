import { intentQuestionsToAsk } from '../../../shared/domain/inquiryIntent.ts';
import type { ContentManager } from '../content/contentManager.ts';
import { statement, type Db } from '../db/connection.ts';
import { readAgencyTexts } from '../db/repos/agencyTexts.ts';
import { finalIntentQuestions, intentsOf, recordIntent } from '../db/repos/inquiryIntents.ts';
import type { WriteContext } from '../db/repos/writeContext.ts';
import { AppError } from '../errors.ts';
import type { HandlerMap } from './handlerMap.ts';

type IntentChannels = 'inquiries.intent.record' | 'inquiries.intent.list';

/** 意向の把握・確認 on an inquiry: its records, and a new one. */
export function intentHandlers(db: Db, content: Pick<ContentManager, 'current'>, writeContext: () => WriteContext): Pick<HandlerMap, IntentChannels> {
  const toAsk = () => intentQuestionsToAsk(content.current.pack, readAgencyTexts(db));
  return {
    'inquiries.intent.record': (input) => recordIntent(db, input, toAsk(), writeContext()),
    'inquiries.intent.list': ({ inquiryId }) => {
      if (!statement(db, 'SELECT 1 FROM inquiries WHERE id = ?').get(inquiryId)) throw new AppError('NOT_FOUND');
      const initial = toAsk();
      return { ...intentsOf(db, inquiryId), asking: { initial, final: finalIntentQuestions(db, inquiryId) ?? initial } };
    },
  };
}
