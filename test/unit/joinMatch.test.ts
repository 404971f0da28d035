import { describe, expect, it } from 'vitest';
import { planJoinMatches, type JoinClinic } from '../../shared/domain/joinMatch.ts';

let next = 0;
const clinic = (fields: Partial<JoinClinic> & { name: string }, side: 'pc' | 'hub'): JoinClinic => ({
  id: `${side}-${++next}`,
  phone: '',
  memberNumber: '',
  address: '',
  ...fields,
});

/** The same roster row as two machines imported it: same fields, each its own id. */
const onBoth = (fields: Partial<JoinClinic> & { name: string }) => [clinic(fields, 'pc'), clinic(fields, 'hub')] as const;

describe('matching this machine’s clinics with the hub’s when both hold records', () => {
  it('two machines that imported the same roster pair every clinic, whatever their ids', () => {
    const rows = [
      { name: '霧島眼科', phone: '0995-45-1234', memberNumber: '001234', address: '霧島市国分中央1-1' },
      { name: '隼人内科', phone: '0995-42-0001', memberNumber: '', address: '霧島市隼人町1' },
      { name: '国分歯科', phone: '', memberNumber: '', address: '霧島市国分2-2' },
    ].map(onBoth);
    const plan = planJoinMatches(rows.map(([pc]) => pc), rows.map(([, hub]) => hub));
    expect(plan.matched).toEqual([
      { hubId: rows[0]![1].id, localId: rows[0]![0].id, rule: 'memberNumber' },
      { hubId: rows[1]![1].id, localId: rows[1]![0].id, rule: 'phone' },
      { hubId: rows[2]![1].id, localId: rows[2]![0].id, rule: 'nameAddress' },
    ]);
    expect(plan).toMatchObject({ uncertain: [], hubOnly: [], localOnly: [] });
  });

  it('names and addresses typed differently (full-width digits, spaces) still pair', () => {
    const pc = clinic({ name: 'さくら 内科クリニック', address: '鹿児島市中央町１－２' }, 'pc');
    const hub = clinic({ name: 'さくら内科クリニック', address: '鹿児島市中央町1-2' }, 'hub');
    expect(planJoinMatches([pc], [hub]).matched).toEqual([{ hubId: hub.id, localId: pc.id, rule: 'nameAddress' }]);
  });

  it('a 会員番号 Excel stripped of its zeros on one machine still pairs by phone', () => {
    const pc = clinic({ name: '加治木医院', phone: '0995-62-0000', memberNumber: '000777' }, 'pc');
    const hub = clinic({ name: '加治木医院', phone: '0995-62-0000', memberNumber: '777' }, 'hub');
    expect(planJoinMatches([pc], [hub]).matched).toEqual([{ hubId: hub.id, localId: pc.id, rule: 'phone' }]);
  });

  it('asks staff about clinics that share a phone number under other names (one switchboard for a group)', () => {
    const pc = clinic({ name: '医療法人桜会 さくら病院', phone: '099-111-2222' }, 'pc');
    const hub = clinic({ name: 'さくら病院附属クリニック', phone: '099-111-2222' }, 'hub');
    expect(planJoinMatches([pc], [hub])).toEqual({ matched: [], uncertain: [{ hubId: hub.id, localId: pc.id, reason: 'phoneOnlyNamesDiffer' }], hubOnly: [], localOnly: [] });
  });

  it('asks staff about the same name when one side has no address to compare', () => {
    const pc = clinic({ name: '中央クリニック' }, 'pc');
    const hub = clinic({ name: '中央クリニック', address: '鹿屋市中央1' }, 'hub');
    expect(planJoinMatches([pc], [hub]).uncertain).toEqual([{ hubId: hub.id, localId: pc.id, reason: 'nameWithoutAddress' }]);
  });

  it('never pairs two different 会員番号, even under one name and phone', () => {
    const pc = clinic({ name: '中央クリニック', phone: '099-000-0000', memberNumber: '100001' }, 'pc');
    const hub = clinic({ name: '中央クリニック', phone: '099-000-0000', memberNumber: '100002' }, 'hub');
    expect(planJoinMatches([pc], [hub])).toEqual({ matched: [], uncertain: [], hubOnly: [hub.id], localOnly: [pc.id] });
  });

  it('pairs a clinic of this machine once: a second hub clinic like it arrives as its own record', () => {
    const pc = clinic({ name: '隼人内科', phone: '0995-42-0001' }, 'pc');
    const first = clinic({ name: '隼人内科', phone: '0995-42-0001' }, 'hub');
    const second = clinic({ name: '隼人内科', phone: '0995-42-0001', address: '霧島市隼人町1' }, 'hub');
    const plan = planJoinMatches([pc], [first, second]);
    expect(plan).toEqual({ matched: [{ hubId: first.id, localId: pc.id, rule: 'phone' }], uncertain: [], hubOnly: [second.id], localOnly: [] });
  });

  it('puts every clinic of both sides in exactly one place of the plan', () => {
    const local = [clinic({ name: 'A医院', phone: '01-1' }, 'pc'), clinic({ name: 'B医院' }, 'pc'), clinic({ name: 'C医院', memberNumber: '3' }, 'pc')];
    const hub = [clinic({ name: 'A医院', phone: '01-1' }, 'hub'), clinic({ name: 'B医院', address: 'x' }, 'hub'), clinic({ name: 'D医院' }, 'hub')];
    const plan = planJoinMatches(local, hub);
    const hubIds = [...plan.matched.map((p) => p.hubId), ...plan.uncertain.map((p) => p.hubId), ...plan.hubOnly].sort();
    const localIds = [...plan.matched.map((p) => p.localId), ...plan.uncertain.map((p) => p.localId), ...plan.localOnly].sort();
    expect(hubIds).toEqual(hub.map((c) => c.id).sort());
    expect(localIds).toEqual(local.map((c) => c.id).sort());
    expect(plan.localOnly).toEqual([local[2]!.id]);
    expect(plan.hubOnly).toEqual([hub[2]!.id]);
  });
});
