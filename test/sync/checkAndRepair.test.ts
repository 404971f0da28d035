import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SyncCheckResult, SyncRepairResult } from '../../shared/domain/syncCheck.ts';
import { connectionTo, differences, editClinic, hubDocs, machineUsers, openMachine, startHub, syncUntilConverged, type ClinicView, type Machine } from './machines.ts';

/** Changes a machine's SQLite file as another program would: straight to the tables, the outbox left out. */
function writeBehindTheApp(machine: Machine, write: (db: Database.Database) => void): void {
  const db = new Database(machine.core.dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      db.prepare('UPDATE sync_state SET applying = 1 WHERE id = 1').run();
      write(db);
      db.prepare('UPDATE sync_state SET applying = 0 WHERE id = 1').run();
    })();
  } finally {
    db.close();
  }
}

/** A clinic's row as the file holds it, to put back behind the app's back. */
function clinicRow(machine: Machine, id: string): Record<string, unknown> {
  const db = new Database(machine.core.dbPath, { readonly: true, fileMustExist: true });
  try {
    const { seq: _seq, ...row } = db.prepare('SELECT * FROM clinics WHERE id = ?').get(id) as Record<string, unknown>;
    return row;
  } finally {
    db.close();
  }
}

const insertRow = (db: Database.Database, row: Record<string, unknown>) =>
  db.prepare(`INSERT INTO clinics (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((c) => `@${c}`).join(', ')})`).run(row);

/** Runs a job as the window does (start, then its state until it ends) and returns its result. */
async function runJob<T>(machine: Machine, kind: string, input: unknown): Promise<T> {
  const { jobId } = await machine.call<{ jobId: string }>('jobs.start', { kind, input });
  for (;;) {
    const job = await machine.call<{ state: string; result?: unknown; error?: { message: string } }>('jobs.get', { jobId });
    if (job.state === 'succeeded') return job.result as T;
    if (job.state !== 'running') throw new Error(`${kind}: ${job.state} ${job.error?.message ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const check = (machine: Machine) => runJob<SyncCheckResult>(machine, 'sync.check', {});
const repair = (machine: Machine) => runJob<SyncRepairResult>(machine, 'sync.repair', { confirm: true });

const revisions = async (hub: Parameters<typeof hubDocs>[0]) => new Map([...(await hubDocs(hub))].map(([id, doc]) => [id, doc._rev]));

describe('点検と修復', () => {
  it('finds rows changed behind the app’s back, says what differs in words, and repairs them from the hub without sending anything', async () => {
    const hub = await startHub();
    const office = await openMachine();
    const laptop = await openMachine();
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    laptop.core.sync.start(connectionTo(hub, machineUsers[2]));
    const changed = await office.call<ClinicView>('clinics.create', { name: '枕崎中央病院', phone: '0993-72-0001', memo: '理事長に説明済み' });
    const removed = await office.call<ClinicView>('clinics.create', { name: '坊津診療所', phone: '0993-67-0001' });
    await syncUntilConverged(hub, [office, laptop]);
    expect((await check(laptop)).items).toEqual([]);

    writeBehindTheApp(laptop, (db) => {
      db.prepare("UPDATE clinics SET phone = '0000-00-0000', memo = '' WHERE id = ?").run(changed.id);
      db.prepare('DELETE FROM clinics WHERE id = ?').run(removed.id);
    });
    const found = await check(laptop);
    expect(found.counts).toMatchObject({ differs: 1, missingHere: 1 });
    const byLabel = new Map(found.items.map((item) => [item.recordLabel, item]));
    expect(byLabel.get('枕崎中央病院')).toMatchObject({
      kind: 'differs',
      recordKind: '医療機関',
      fields: [
        { fieldLabel: '電話番号', here: '0000-00-0000', shared: '0993-72-0001' },
        { fieldLabel: 'メモ', here: '（空欄）', shared: '理事長に説明済み' },
      ],
    });
    expect(byLabel.get('坊津診療所')).toMatchObject({ kind: 'missingHere', recordKind: '医療機関' });

    const before = await revisions(hub);
    const repaired = await repair(laptop);
    expect(repaired).toMatchObject({ repaired: 2, queued: 0, left: 0, backup: { reason: 'before-repair' } });
    expect(await laptop.call<ClinicView>('clinics.get', { id: changed.id })).toMatchObject({ phone: '0993-72-0001', memo: '理事長に説明済み' });
    expect(await laptop.call<ClinicView>('clinics.get', { id: removed.id })).toMatchObject({ name: '坊津診療所' });
    expect(laptop.core.sync.status().unsent).toBe(0);
    await laptop.core.sync.syncNow();
    // The repair went into this machine's rows only: the hub holds the same revisions as before.
    expect(await revisions(hub)).toEqual(before);
    expect(await differences(hub, laptop)).toEqual([]);
    expect((await check(laptop)).items).toEqual([]);

    // Sharing goes on as before: an edit on one PC still reaches the other.
    await editClinic(office, changed.id, { memo: '資料を送付' });
    await syncUntilConverged(hub, [office, laptop]);
    expect(await laptop.call<ClinicView>('clinics.get', { id: changed.id })).toMatchObject({ memo: '資料を送付' });
  });

  it('a record only this machine holds is queued to send, not removed; one deleted on the hub goes, after a backup', async () => {
    const hub = await startHub();
    const office = await openMachine();
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    const kept = await office.call<ClinicView>('clinics.create', { name: '知覧医院' });
    const purged = await office.call<ClinicView>('clinics.create', { name: '頴娃診療所' });
    await syncUntilConverged(hub, [office]);
    const purgedRow = clinicRow(office, purged.id);
    // 完全削除 on another machine reaches this one; then both rows come back behind the app's back,
    // one of them under an id the hub has never seen.
    const docId = `clinics:${purged.id}`;
    const rev = String((await hubDocs(hub)).get(docId)!._rev);
    await hub.request('DELETE', `${new URL(hub.dbUrl).pathname}/${encodeURIComponent(docId)}?rev=${rev}`, undefined, hub.admin);
    await syncUntilConverged(hub, [office]);
    const onlyHere = { ...clinicRow(office, kept.id), id: '01a00000-0000-7000-8000-000000000001', name: '知覧医院（別棟）' };
    writeBehindTheApp(office, (db) => {
      insertRow(db, purgedRow);
      insertRow(db, onlyHere);
    });

    const found = await check(office);
    expect(new Map(found.items.map((i) => [i.recordLabel, i.kind]))).toEqual(new Map([['頴娃診療所', 'removedOnHub'], ['知覧医院（別棟）', 'neverSent']]));
    const repaired = await repair(office);
    expect(repaired).toMatchObject({ repaired: 1, queued: 1, backup: { reason: 'before-repair' } });
    expect((await office.core.dispatch('clinics.get', { id: purged.id })).ok).toBe(false);
    await syncUntilConverged(hub, [office]);
    expect((await hubDocs(hub)).get(`clinics:${onlyHere.id}`)).toMatchObject({ fields: { name: '知覧医院（別棟）' } });
    // The backup taken first still holds the removed record.
    const backups = await office.call<{ items: { reason: string; counts: { clinics: number } }[] }>('backups.list', {});
    expect(backups.items.find((b) => b.reason === 'before-repair')!.counts.clinics).toBe(3);
  });
});
