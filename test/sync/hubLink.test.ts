import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection.ts';
import { databaseFileName } from '../../electron/core/paths.ts';
import { saveHubSettings } from '../../electron/core/sync/hubSettings.ts';
import { connectionTo, machineUsers, openMachine, startHub, waitUntil, type Machine } from './machines.ts';

const twoDays = 2 * 24 * 60 * 60 * 1000;

/** What 参加する leaves in this machine's settings; the window's status speaks of sharing only then. */
function setUpToShare(machine: Machine, hubUrl: string): void {
  const db = openDatabase(path.join(machine.dataDir, databaseFileName));
  saveHubSettings(db, { url: hubUrl, user: machineUsers[0]!.name, pinnedFingerprint: null, caPem: null, joinedAt: null });
  db.close();
}

describe('reaching the hub', () => {
  it('measures the clock from the hub and reports caught up with nothing unsent', async () => {
    const hub = await startHub();
    const office = await openMachine();
    expect(office.core.sync.status().state).toBe('stopped');
    office.core.sync.start(connectionTo(hub));
    await waitUntil(() => office.core.sync.status().state === 'idle' && office.core.sync.status().lastSyncedAt !== null);
    const status = office.core.sync.status();
    expect(Math.abs(status.clockOffsetMs ?? Infinity)).toBeLessThan(60_000);
    expect(status.unsent).toBe(0);
    expect(office.core.sync.writesHeld()).toBe(false);
  });

  it('a machine whose clock is two days fast is told so and its writes are refused, with nothing saved', async () => {
    const hub = await startHub();
    const laptop = await openMachine({ clockOffsetMs: twoDays });
    const events: string[] = [];
    laptop.core.onEvent((event) => {
      if (event.type === 'sync') events.push(event.status.state);
    });
    setUpToShare(laptop, hub.dbUrl);
    laptop.core.sync.start(connectionTo(hub));
    await waitUntil(() => laptop.core.sync.status().state === 'clockSkew');
    expect(laptop.core.sync.status().message).toContain('この端末の時計がずれています');
    expect(laptop.core.sync.writesHeld()).toBe(true);
    const refused = await laptop.core.dispatch('clinics.create', { name: '桜島クリニック' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CLOCK_SKEW' } });
    expect(refused.ok ? '' : refused.error.message).toContain('この端末の時計がずれている');
    const list = await laptop.call<{ items: unknown[] }>('clinics.search', { query: '' });
    expect(list.items).toHaveLength(0);
    expect(events).toContain('clockSkew');
  });

  // A user who may log in but is not a member gets 403 from CouchDB 3 (told apart by the same
  // code) but 401 from pouchdb-server, so only the wrong password is played here.
  it('tells a wrong password apart from an unreachable hub, and keeps what was saved while the hub is away', async () => {
    const hub = await startHub([{ name: 'counter-1', password: 'right-password' }]);
    const wrongPassword = await openMachine();
    wrongPassword.core.sync.start(connectionTo(hub, { name: 'counter-1', password: 'wrong' }));
    await waitUntil(() => wrongPassword.core.sync.status().state === 'unreachable');
    expect(wrongPassword.core.sync.status().message).toContain('パスワードが違います');

    const member = await openMachine();
    member.core.sync.start(connectionTo(hub, { name: 'counter-1', password: 'right-password' }));
    await waitUntil(() => member.core.sync.status().state === 'idle');

    hub.kill();
    await member.call('clinics.create', { name: '霧島眼科' });
    await waitUntil(() => member.core.sync.status().state === 'unreachable');
    expect(member.core.sync.status().message).toContain('接続できません');
    // Nothing is lost while the hub is away: the clinic is still here, and still to be sent.
    expect((await member.call<{ items: unknown[] }>('clinics.search', { query: '' })).items).toHaveLength(1);
  });
});
