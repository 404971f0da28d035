import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/openTestCore.ts';

async function ok<T>(promise: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.result as T;
}

describe('"today" at the counter, with the machine clock in UTC', () => {
  it('at 08:30 JST (23:30 UTC the day before) ホーム lists follow-ups due on the Japanese date', async () => {
    // 2026-11-24 08:30 in Japan.
    const core = await openTestCore(undefined, () => new Date('2026-11-23T23:30:00Z'));
    expect(process.env.TZ).toBe('UTC');
    const clinic = await ok<{ id: string }>(core.dispatch('clinics.create', { name: '中央医院' }));
    const add = async (nextActionOn: string) =>
      (await ok<{ inquiry: { receiptNumber: string } }>(
        core.dispatch('inquiries.create', { clinicId: clinic.id, receivedOn: '2026-11-20', channel: 'phone', nextActionOn }),
      )).inquiry.receiptNumber;
    const dueToday = await add('2026-11-24');
    await add('2026-11-25');
    const summary = await ok<{ today: string; due: { receiptNumber: string }[] }>(core.dispatch('home.summary', {}));
    expect(summary.today).toBe('2026-11-24');
    expect(summary.due.map((i) => i.receiptNumber)).toEqual([dueToday]);
  });

  it('records change times as real instants, whatever the display date', async () => {
    const core = await openTestCore(undefined, () => new Date('2026-11-23T23:30:00Z'));
    const clinic = await ok<{ createdAt: string }>(core.dispatch('clinics.create', { name: '中央医院' }));
    expect(clinic.createdAt).toBe('2026-11-23T23:30:00.000Z');
  });
});
