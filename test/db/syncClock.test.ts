import { describe, expect, it } from 'vitest';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { createClinic, getClinic, updateClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { applyRemoteDocs } from '../../electron/core/sync/applyRemote.ts';
import { mergeLeaves } from '../../electron/core/sync/mergeLeaves.ts';
import { drain, syncMachine } from '../helpers/syncMachines.ts';

const clinic = (input: object) => clinicInputSchema.parse(input);
const twoDays = 2 * 24 * 60 * 60 * 1000;
const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs);

describe("a laptop whose clock is two days fast", () => {
  /** The office's clock is right; the laptop's is two days ahead. Both edit one phone number while apart. */
  function concurrentEdits() {
    const officeClock = { now: at('2026-11-20T01:00:00.000Z') };
    const laptopClock = { now: at('2026-11-20T01:00:00.000Z', twoDays) };
    const office = syncMachine('office-1', officeClock);
    const laptop = syncMachine('laptop', laptopClock);
    const saved = createClinic(office.db, clinic({ name: '枕崎医院', phone: '0993-72-0000' }), office.ctx);
    applyRemoteDocs(laptop.db, drain(office), '1', { now: laptop.ctx.now, clockOffsetMs: twoDays });

    laptopClock.now = at('2026-11-20T01:10:00.000Z', twoDays);
    updateClinic(laptop.db, saved.id, clinic({ name: '枕崎医院', phone: '0993-72-1111' }), laptop.ctx, getClinic(laptop.db, saved.id)!.revision);
    officeClock.now = at('2026-11-20T02:00:00.000Z');
    updateClinic(office.db, saved.id, clinic({ name: '枕崎医院', phone: '0993-72-2222' }), office.ctx, saved.revision);
    laptopClock.now = at('2026-11-20T02:05:00.000Z', twoDays);
    return { office, laptop, saved };
  }

  it('does not override a newer edit made at the office: its offline edit is stamped on the hub\'s clock', () => {
    const { office, laptop, saved } = concurrentEdits();
    const [fromLaptop] = drain(laptop, twoDays);
    const [fromOffice] = drain(office, 0);
    expect(fromLaptop?.stamps.phone?.t).toBe('2026-11-20T01:10:00.000Z');
    const { doc, notices } = mergeLeaves([fromLaptop!, fromOffice!]);
    expect(doc.fields.phone).toBe('0993-72-2222');
    expect(notices.map((n) => n.replaced.value)).toEqual(['0993-72-1111']);

    applyRemoteDocs(laptop.db, [doc, ...notices], '2', { now: laptop.ctx.now, clockOffsetMs: twoDays });
    applyRemoteDocs(office.db, [doc, ...notices], '2', { now: office.ctx.now, clockOffsetMs: 0 });
    expect(getClinic(laptop.db, saved.id)?.phone).toBe('0993-72-2222');
    expect(getClinic(office.db, saved.id)?.phone).toBe('0993-72-2222');
  });

  it('never stamps an edit later than the hub\'s now, even when the clock was set right before the laptop came back', () => {
    const { laptop } = concurrentEdits();
    // Set right: the laptop's clock now agrees with the hub, but its queued edit carries the fast time.
    laptop.ctx.now = () => at('2026-11-20T02:05:00.000Z');
    const [fromLaptop] = drain(laptop, 0);
    expect(Date.parse(fromLaptop!.stamps.phone!.t)).toBeLessThanOrEqual(Date.parse('2026-11-20T02:05:00.000Z'));
  });
});
