import { describe, expect, it } from 'vitest';
import { tokyoToday } from '../../shared/time/tokyoDate.ts';
import { type ClinicView, differences, officeAndLaptop, syncUntilConverged } from './machines.ts';

interface IntentsView {
  initial: { id: string; answers: string[]; actor: { name: string | null } | null } | null;
  final: { id: string; answers: string[]; differsExplanation: string; confirmedOn: string } | null;
  history: { id: string }[];
  asking: { initial: { questions: string[] }; final: { questions: string[] } };
}

describe('intent records shared between machines', () => {
  it('the initial intent heard at one counter and the final one confirmed at another are both on every machine', async () => {
    const { hub, office, laptop } = await officeAndLaptop();
    const clinic = await office.call<ClinicView>('clinics.create', { name: '鹿屋中央病院' });
    const { inquiry } = await office.call<{ inquiry: { id: string } }>('inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-24', channel: 'visit' });
    const { asking } = await office.call<IntentsView>('inquiries.intent.list', { inquiryId: inquiry.id });
    const answers = asking.initial.questions.map((_, i) => (i === 1 ? '月1万円' : i === 0 ? '賠償' : ''));
    await office.call('inquiries.intent.record', { inquiryId: inquiry.id, stage: 'initial', questions: asking.initial, answers });
    await syncUntilConverged(hub, [office, laptop]);

    // The laptop confirms the final intent against the initial one it received.
    const onLaptop = await laptop.call<IntentsView>('inquiries.intent.list', { inquiryId: inquiry.id });
    expect(onLaptop.initial?.answers).toEqual(answers);
    const finalAnswers = answers.map((a, i) => (i === 1 ? '月2万円' : a));
    await laptop.call('inquiries.intent.record', {
      inquiryId: inquiry.id,
      stage: 'final',
      questions: onLaptop.asking.final,
      answers: finalAnswers,
      confirmedOn: tokyoToday(),
      differsExplanation: '補償を手厚くするため',
    });
    await syncUntilConverged(hub, [office, laptop]);

    const atOffice = await office.call<IntentsView>('inquiries.intent.list', { inquiryId: inquiry.id });
    expect(atOffice.final).toMatchObject({ answers: finalAnswers, differsExplanation: '補償を手厚くするため', confirmedOn: tokyoToday() });
    expect(atOffice.history).toHaveLength(2);
    for (const machine of [office, laptop]) expect(await differences(hub, machine)).toEqual([]);
  });
});
