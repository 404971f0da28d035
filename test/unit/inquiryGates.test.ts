import { describe, expect, it } from 'vitest';
import { buildChecklist, gateRefusalMessage, missingStepsFor, type StepFact } from '../../shared/domain/inquiryGates.ts';

const done: StepFact = { done: true, doneOn: '2026-12-01', by: '山田 花子' };
const notDone: StepFact = { done: false };
const allFacts = { finalIntentConfirmed: done, importantMattersHandedOver: done, staffIsSolicitor: done };

describe('the checklist before 申込 and 成約', () => {
  it('asks a clinic for the three steps and a hospital or 老健 also for the 告知書', () => {
    expect(buildChecklist('clinic_no_beds', [], allFacts).map((s) => s.step)).toEqual(['finalIntentConfirmed', 'importantMattersHandedOver', 'staffIsSolicitor']);
    for (const kind of ['hospital', 'geriatric_facility'] as const) {
      expect(buildChecklist(kind, [], allFacts).map((s) => s.step)).toEqual([
        'noticeFormRequested',
        'noticeFormReceived',
        'finalIntentConfirmed',
        'importantMattersHandedOver',
        'staffIsSolicitor',
      ]);
    }
  });

  it('takes a 告知書 step as done only while its newest mark has a date', () => {
    const list = buildChecklist('hospital', [{ step: 'noticeFormRequested', doneOn: '2026-11-30', by: '鈴木' }, { step: 'noticeFormReceived', doneOn: null, by: '鈴木' }], allFacts);
    expect(list[0]).toMatchObject({ step: 'noticeFormRequested', done: true, doneOn: '2026-11-30', by: '鈴木' });
    expect(list[1]).toMatchObject({ step: 'noticeFormReceived', done: false, doneOn: null, by: null });
  });

  it('lets 見積提示済 and 見送り through whatever is missing, and stops 申込 and 成約', () => {
    const list = buildChecklist('clinic_with_beds', [], { ...allFacts, importantMattersHandedOver: notDone });
    expect(missingStepsFor('quote_presented', list)).toEqual([]);
    expect(missingStepsFor('declined', list)).toEqual([]);
    expect(missingStepsFor('applied', list).map((s) => s.step)).toEqual(['importantMattersHandedOver']);
    expect(missingStepsFor('contracted', list).map((s) => s.step)).toEqual(['importantMattersHandedOver']);
  });

  it('names every missing step in one refusal, with the record’s own reason where it has one', () => {
    const list = buildChecklist('geriatric_facility', [], {
      finalIntentConfirmed: notDone,
      importantMattersHandedOver: notDone,
      staffIsSolicitor: { done: false, detail: '山田 花子さんの資格の有効期限（2026-11-30）が過ぎています。' },
    });
    const message = gateRefusalMessage('applied', missingStepsFor('applied', list));
    expect(message.split('\n')).toHaveLength(6);
    expect(message).toContain('「申込」にするには');
    for (const words of ['告知書の記入を先方に依頼', '告知書を受け取', '最終意向', '重要事項説明書', '有効期限（2026-11-30）が過ぎています']) expect(message).toContain(words);
  });
});
