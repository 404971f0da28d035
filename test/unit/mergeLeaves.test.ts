import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeLeaves, mergeNotices, noticeId } from '../../electron/core/sync/mergeLeaves.ts';
import { stampChanges } from '../../electron/core/sync/recordDocs.ts';
import type { FieldStamp, RecordDoc } from '../../electron/core/sync/syncPorts.ts';

const docId = 'clinics:0190a000-0000-7000-8000-000000000001';
const counters = new Map<string, number>();

/** One machine's edit of the record, stamped by the real stamping code. */
function edit(current: RecordDoc | undefined, machine: string, t: string, changes: Record<string, unknown>): RecordDoc {
  const counter = (counters.get(machine) ?? 0) + 1;
  counters.set(machine, counter);
  const row = { ...current?.fields, id: '0190a000-0000-7000-8000-000000000001', updated_at: t, updated_by: machine, ...changes };
  const fields = current ? { ...changes, updated_at: t, updated_by: machine } : row;
  const changedAt = Object.fromEntries(Object.keys(fields).map((f) => [f, t]));
  // A write that changes nothing (the same value at the same skewed time) makes no revision, as in the app.
  return stampChanges(current, { docId, table: 'clinics', recordId: row.id, fields, changedAt, row, gone: false, marks: {} }, { machineId: machine, counter, schema: 11 }) ?? current!;
}

const created = () => edit(undefined, 'office-1', '2026-11-20T01:00:00.000Z', { name: '鹿児島眼科', phone: '099-000-0000', memo: '' });

describe('merging conflicting revisions of one record, field by field', () => {
  it('merges edits of different fields on two machines without a notice', () => {
    const base = created();
    const pc = edit(base, 'office-2', '2026-11-20T02:00:00.000Z', { phone: '099-111-1111' });
    const laptop = edit(base, 'laptop', '2026-11-20T02:01:00.000Z', { memo: '院長は午後' });
    const { doc, notices } = mergeLeaves([pc, laptop]);
    expect(doc.fields).toMatchObject({ name: '鹿児島眼科', phone: '099-111-1111', memo: '院長は午後' });
    expect(notices).toEqual([]);
  });

  it('takes a sequential edit without a notice, even when its clock is behind the edit it replaced', () => {
    const base = created();
    const first = edit(base, 'office-2', '2026-11-20T03:00:00.000Z', { phone: '099-222-2222' });
    // The laptop saw office-2's edit, then edited the same field with a clock an hour behind.
    const after = edit(first, 'laptop', '2026-11-20T02:00:00.000Z', { phone: '099-333-3333' });
    const { doc, notices } = mergeLeaves([first, after]);
    expect(doc.fields.phone).toBe('099-333-3333');
    expect(notices).toEqual([]);
  });

  it('lets the later concurrent edit win and keeps the replaced value as a notice with the same id in either order', () => {
    const base = created();
    const pc = edit(base, 'office-2', '2026-11-20T02:00:00.000Z', { phone: '099-111-1111' });
    const laptop = edit(base, 'laptop', '2026-11-20T02:05:00.000Z', { phone: '099-555-5555' });
    const one = mergeLeaves([pc, laptop]);
    const other = mergeLeaves([laptop, pc]);
    expect(JSON.stringify(one)).toBe(JSON.stringify(other));
    expect(one.doc.fields.phone).toBe('099-555-5555');
    expect(one.notices).toHaveLength(1);
    expect(one.notices[0]).toMatchObject({
      _id: `notice:${noticeId(docId, 'phone', pc.stamps.phone!)}`,
      field: 'phone',
      kept: { value: '099-555-5555', stamp: { m: 'laptop' } },
      replaced: { value: '099-111-1111', stamp: { m: 'office-2' } },
      resolvedAt: null,
    });
    expect(one.doc.seen).toEqual({ laptop: laptop.seen.laptop, 'office-1': base.seen['office-1'], 'office-2': pc.seen['office-2'] });
  });

  it('breaks a tie of edit times by machine id, the same way on every machine', () => {
    const base = created();
    const a = edit(base, 'machine-a', '2026-11-20T02:00:00.000Z', { memo: 'A の記録' });
    const b = edit(base, 'machine-b', '2026-11-20T02:00:00.000Z', { memo: 'B の記録' });
    expect(mergeLeaves([a, b]).doc.fields.memo).toBe('B の記録');
    expect(mergeLeaves([b, a]).doc.fields.memo).toBe('B の記録');
  });

  it('makes no notice when two machines typed the same value at the same time', () => {
    const base = created();
    const a = edit(base, 'office-2', '2026-11-20T02:00:00.000Z', { phone: '099-777-7777' });
    const b = edit(base, 'laptop', '2026-11-20T02:03:00.000Z', { phone: '099-777-7777' });
    expect(mergeLeaves([a, b]).notices).toEqual([]);
  });

  it('notices every replaced value of a three-way conflict, and a machine that saw only two makes the same notice ids', () => {
    const base = created();
    const a = edit(base, 'office-1', '2026-11-20T02:00:00.000Z', { name: '鹿児島眼科クリニック' });
    const b = edit(base, 'office-2', '2026-11-20T02:01:00.000Z', { name: '鹿児島眼科医院' });
    const c = edit(base, 'laptop', '2026-11-20T02:02:00.000Z', { name: 'かごしま眼科' });
    const all = mergeLeaves([b, c, a]);
    expect(all.doc.fields.name).toBe('かごしま眼科');
    expect(all.notices.map((n) => n.replaced.value).sort()).toEqual(['鹿児島眼科クリニック', '鹿児島眼科医院']);
    const partial = mergeLeaves([a, b]);
    expect(all.notices.map((n) => n._id)).toContain(partial.notices[0]!._id);
    // The two machines wrote that notice with different kept values: merged, the latest stands.
    const same = all.notices.find((n) => n._id === partial.notices[0]!._id)!;
    expect(mergeNotices([partial.notices[0]!, same]).kept.value).toBe('かごしま眼科');
    expect(mergeNotices([same, partial.notices[0]!]).kept.value).toBe('かごしま眼科');
  });

  it('keeps a field only a newer app knows, from whichever revision has it', () => {
    const base = created();
    const newer = { ...edit(base, 'office-2', '2026-11-20T02:00:00.000Z', { memo: '新版' }) };
    newer.fields = { ...newer.fields, email: 'info@example.jp' };
    newer.stamps = { ...newer.stamps, email: { t: '2026-11-20T02:00:00.000Z', m: 'office-2', c: 99 } };
    const older = edit(base, 'laptop', '2026-11-20T02:01:00.000Z', { phone: '099-888-8888' });
    expect(mergeLeaves([older, newer]).doc.fields).toMatchObject({ email: 'info@example.jp', memo: '新版', phone: '099-888-8888' });
  });

  it('gives the same merged document and notices whatever the order of the revisions (property)', () => {
    const machines = ['m-a', 'm-b', 'm-c'];
    const stamp = fc.record({ t: fc.constantFrom('2026-11-20T01:00:00.000Z', '2026-11-20T02:00:00.000Z', '2026-11-20T03:00:00.000Z'), m: fc.constantFrom(...machines), c: fc.integer({ min: 1, max: 4 }) });
    const leaf = fc
      .record({
        name: fc.option(fc.tuple(fc.constantFrom('甲', '乙', '丙'), stamp), { nil: undefined }),
        memo: fc.option(fc.tuple(fc.constantFrom('', '午前', '午後'), stamp), { nil: undefined }),
        seen: fc.dictionary(fc.constantFrom(...machines), fc.integer({ min: 0, max: 4 })),
        schema: fc.constantFrom(10, 11, 12),
      })
      .map(({ name, memo, seen, schema }): RecordDoc => {
        const entries: [string, [string, FieldStamp]][] = [];
        if (name) entries.push(['name', name]);
        if (memo) entries.push(['memo', memo]);
        return {
          _id: docId,
          table: 'clinics',
          schema,
          fields: Object.fromEntries(entries.map(([f, [v]]) => [f, v])),
          stamps: Object.fromEntries(entries.map(([f, [, s]]) => [f, s])),
          seen,
        };
      });
    fc.assert(
      fc.property(
        fc.array(leaf, { minLength: 1, maxLength: 4 }).chain((leaves) => fc.tuple(fc.constant(leaves), fc.shuffledSubarray(leaves, { minLength: leaves.length }))),
        ([leaves, shuffled]) => {
          expect(JSON.stringify(mergeLeaves(shuffled))).toBe(JSON.stringify(mergeLeaves(leaves)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('brings machines that edited and synced in any order to one document, with notices only for edits made apart (property)', () => {
    const machines = ['m-a', 'm-b', 'm-c'] as const;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), at: fc.integer({ min: 0, max: 2 }), field: fc.constantFrom('name', 'memo'), value: fc.constantFrom('甲', '乙', '丙', '丁'), skewMin: fc.integer({ min: -30, max: 30 }) }),
      fc.record({ kind: fc.constant('sync' as const), from: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 0, max: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.boolean(), (ops, alwaysSynced) => {
        counters.clear();
        const start = created();
        const replicas = machines.map(() => start);
        let minute = 0;
        let notices = 0;
        const sync = (a: number, b: number) => {
          const merged = mergeLeaves([replicas[a]!, replicas[b]!]);
          notices += merged.notices.length;
          replicas[a] = merged.doc;
          replicas[b] = merged.doc;
        };
        const syncAll = () => {
          for (let round = 0; round < 2; round++) for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) if (a !== b) sync(a, b);
        };
        for (const o of ops) {
          if (o.kind === 'sync') {
            if (o.from !== o.to) sync(o.from, o.to);
            continue;
          }
          minute += 1;
          // Clocks a little off either way: order must come from what each machine had seen, not from its clock.
          const t = new Date(Date.parse('2026-11-20T03:00:00.000Z') + (minute * 60 + o.skewMin) * 1000).toISOString();
          replicas[o.at] = edit(replicas[o.at], machines[o.at]!, t, { [o.field]: o.value });
          if (alwaysSynced) syncAll();
        }
        syncAll();
        expect(JSON.stringify(replicas[1])).toBe(JSON.stringify(replicas[0]));
        expect(JSON.stringify(replicas[2])).toBe(JSON.stringify(replicas[0]));
        if (alwaysSynced) expect(notices).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
