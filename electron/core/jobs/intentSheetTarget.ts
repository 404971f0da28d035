import type { ContentPack } from '../../../shared/content/contentPackSchema.ts';
import type { SetTarget } from '../../../shared/documents/buildDocumentSet.ts';
import type { AgencyTexts } from '../../../shared/domain/agencyTexts.ts';
import { intentQuestionsToAsk } from '../../../shared/domain/inquiryIntent.ts';
import { tokyoDateString } from '../../../shared/time/tokyoDate.ts';
import type { Db } from '../db/connection.ts';
import { intentsOf } from '../db/repos/inquiryIntents.ts';

/**
 * What a 意向確認書 prints for an inquiry: the questions its initial record asked, the standing
 * initial and final answers (a final made before the latest initial no longer stands), or the
 * questions a first record would ask with blank columns when nothing is recorded yet.
 */
export function intentSheetTarget(db: Db, inquiryId: string, pack: ContentPack, texts: AgencyTexts, documentDate: (date: string) => string): NonNullable<SetTarget['intent']> {
  const { initial, final } = intentsOf(db, inquiryId);
  const standingFinal = final && initial && final.createdAt >= initial.createdAt ? final : null;
  return {
    questions: initial?.questions ?? intentQuestionsToAsk(pack, texts),
    initial: initial ? { answers: initial.answers, on: documentDate(tokyoDateString(new Date(initial.createdAt))) } : null,
    final: standingFinal ? { answers: standingFinal.answers, on: documentDate(standingFinal.confirmedOn!), explanation: standingFinal.differsExplanation } : null,
  };
}
