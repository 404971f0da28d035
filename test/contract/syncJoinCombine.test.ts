import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubMessages } from '../../shared/messages/hubMessages.ts';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { importCsv, previewImport } from '../helpers/importJobs.ts';
import { call, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';

const pc1 = { name: 'pc1', password: 'pc1-very-secret-password' };
const pc2 = { name: 'pc2', password: 'pc2-very-secret-password' };

// Each test its own hub: what one test's machines shared must not be the next one's hub records.
let hub: CouchHub;
beforeEach(async () => {
  hub = await startCouchHub({ users: [pc1, pc2] });
});
afterEach(() => hub?.stop());

const access = (user: { name: string; password: string }) => ({ url: hub.dbUrl, user: user.name, password: user.password });

/** The roster both counters imported from the same Excel list, before anyone thought of sharing. */
const roster = [
  { name: '霧島眼科', phone: '0995-45-1234', memberNumber: '001234', address: '霧島市国分中央1-1' },
  { name: '隼人内科', phone: '0995-42-0001', address: '霧島市隼人町1' },
  { name: '国分歯科', address: '霧島市国分2-2' },
];

interface ClinicRow { id: string; name: string; phone: string; memberNumber: string; archivedAt: string | null; mergedInto: string | null }

async function register(t: TestHost, clinics: object[]): Promise<ClinicRow[]> {
  const made: ClinicRow[] = [];
  for (const clinic of clinics) {
    const answer = await call(t, 'clinics.create', clinic);
    expect(answer.body.ok).toBe(true);
    made.push(answer.body.result);
  }
  return made;
}

async function clinicsOf(t: TestHost, includeArchived = false): Promise<ClinicRow[]> {
  const answer = await call(t, 'clinics.search', { query: '', limit: 100, includeArchived });
  expect(answer.body.ok).toBe(true);
  return answer.body.result.items;
}

const names = (clinics: readonly ClinicRow[]) => clinics.map((clinic) => clinic.name).sort();

async function caughtUp(t: TestHost) {
  await call(t, 'sync.now', {});
  await expect.poll(async () => (await call(t, 'sync.status', {})).body.result.unsent, { timeout: 60_000 }).toBe(0);
}

describe('joining with records on both sides: 照合してまとめる', () => {
  it('two counters that registered the same roster end with one record per clinic on both, the inquiry under the kept record', async () => {
    const first = await startTestHost();
    const firstClinics = await register(first, [...roster, { name: '医療法人桜会 さくら病院', phone: '099-111-2222' }, { name: '鹿屋中央病院', phone: '0994-00-0000' }]);
    expect((await call(first, 'sync.join', { ...access(pc1), receiptPrefix: 'A' })).body.ok).toBe(true);
    await caughtUp(first);

    const second = await startTestHost();
    // The second counter knows 国分歯科's phone, which the first never typed in, and took an inquiry from 霧島眼科.
    const secondClinics = await register(second, [
      roster[0]!, roster[1]!, { ...roster[2]!, phone: '0995-46-7777' },
      { name: 'さくら病院附属クリニック', phone: '099-111-2222' }, { name: '出水ひふ科' },
    ]);
    const inquiry = (await call(second, 'inquiries.create', { clinicId: secondClinics[0]!.id, receivedOn: '2026-12-01', channel: 'fax', content: 'サイバー保険の資料がほしい' })).body.result.inquiry;

    // Joining without choosing is refused, and says what to do.
    const refused = await call(second, 'sync.join', { ...access(pc2), receiptPrefix: 'B' });
    expect(refused.body).toMatchObject({ ok: false, error: { message: hubMessages.bothHaveRecords } });

    const preview = (await call(second, 'sync.joinPreview', access(pc2))).body.result;
    expect(preview.matched).toHaveLength(3);
    expect(preview.uncertain).toHaveLength(1);
    // Staff confirm the three matched pairs and say the clinic sharing the hospital's switchboard is another institution.
    const pairs = preview.matched.map((pair: { hub: { id: string }; local: { id: string } }) => ({ hubId: pair.hub.id, localId: pair.local.id }));
    const joined = await call(second, 'sync.join', { ...access(pc2), receiptPrefix: 'B', combine: { pairs } });
    expect(joined.body.ok).toBe(true);
    expect(joined.body.result.combined).toMatchObject({ merged: 3, notMerged: [] });
    expect(joined.body.result.combined.backupFile).toMatch(/before-join/);
    const backups = (await call(second, 'backups.list', {})).body.result.items as { fileName: string; reason: string; counts: { clinics: number } }[];
    expect(backups.find((backup) => backup.fileName === joined.body.result.combined.backupFile)).toMatchObject({ reason: 'before-join', counts: { clinics: 5 } });

    await caughtUp(second);
    await caughtUp(first);
    await caughtUp(second);

    const expected = ['さくら病院附属クリニック', '出水ひふ科', '医療法人桜会 さくら病院', '国分歯科', '霧島眼科', '鹿屋中央病院', '隼人内科'].sort();
    for (const t of [first, second]) {
      const live = await clinicsOf(t);
      expect(names(live)).toEqual(expected);
      // The kept records are the hub's, with the ids the first counter has had all along.
      expect(live.find((clinic) => clinic.name === '霧島眼科')!.id).toBe(firstClinics[0]!.id);
      expect(live.find((clinic) => clinic.name === '霧島眼科')!.memberNumber).toBe('001234');
      expect(live.find((clinic) => clinic.name === '国分歯科')!.phone).toBe('0995-46-7777');
      // This machine's three records are archived, each pointing at the record it was merged into.
      const archived = (await clinicsOf(t, true)).filter((clinic) => clinic.mergedInto !== null);
      expect(archived.map((clinic) => [clinic.id, clinic.mergedInto])).toEqual(
        expect.arrayContaining([0, 1, 2].map((i) => [secondClinics[i]!.id, firstClinics[i]!.id])),
      );
      expect(archived).toHaveLength(3);
      // The inquiry moved with its clinic, its 受付番号 unchanged.
      const moved = (await call(t, 'inquiries.get', { id: inquiry.id })).body.result.inquiry;
      expect(moved).toMatchObject({ clinicId: firstClinics[0]!.id, receiptNumber: inquiry.receiptNumber });
    }
    await call(first, 'sync.leave', {});
    await call(second, 'sync.leave', {});
  });

  it('a pair the preview did not show is refused before anything is claimed or written', async () => {
    const first = await startTestHost();
    await register(first, [roster[0]!]);
    expect((await call(first, 'sync.join', { ...access(pc1), receiptPrefix: 'C' })).body.ok).toBe(true);
    await caughtUp(first);
    const second = await startTestHost();
    const [mine] = await register(second, [roster[0]!]);
    const answer = await call(second, 'sync.join', { ...access(pc2), receiptPrefix: 'D', combine: { pairs: [{ hubId: 'no-such-clinic', localId: mine!.id }] } });
    expect(answer.body).toMatchObject({ ok: false, error: { message: hubMessages.combineUnknownPair } });
    expect((await call(second, 'sync.status', {})).body.result).toMatchObject({ state: 'off', hubUrl: null });
    expect((await call(second, 'backups.list', {})).body.result.items.filter((b: { reason: string }) => b.reason === 'before-join')).toEqual([]);
    await call(first, 'sync.leave', {});
  });
  it('two counters that imported the same roster file, each with an inquiry numbered A-2026-0001, end with one record per clinic and both inquiries, numbers unchanged', async () => {
    const roster = ['会員番号,医療機関名,電話,住所', ...Array.from({ length: 30 }, (_, i) => `${String(200 + i).padStart(6, '0')},霧島第${i + 1}医院,0995-50-${String(1000 + i)},霧島市国分${i + 1}-1`)].join('\r\n') + '\r\n';
    const importRoster = async (t: TestHost) => {
      const fileId = await uploadFile(t, '会員名簿.csv', Buffer.from(roster, 'utf8'));
      await previewImport(t, fileId);
      expect(await importCsv(t, fileId)).toMatchObject({ imported: 30 });
    };
    const inquiryOn = async (t: TestHost, name: string) => {
      const clinic = (await clinicsOf(t)).find((c) => c.name === name)!;
      return (await call(t, 'inquiries.create', { clinicId: clinic.id, receivedOn: '2026-12-01', channel: 'phone' })).body.result.inquiry as { id: string; receiptNumber: string };
    };
    const first = await startTestHost();
    await importRoster(first);
    const firstInquiry = await inquiryOn(first, '霧島第1医院');
    const second = await startTestHost();
    await importRoster(second);
    const secondInquiry = await inquiryOn(second, '霧島第2医院');
    // Before sharing, both counters numbered with the default prefix.
    expect(secondInquiry.receiptNumber).toBe(firstInquiry.receiptNumber);

    expect((await call(first, 'sync.join', { ...access(pc1), receiptPrefix: 'A' })).body.ok).toBe(true);
    await caughtUp(first);
    const preview = (await call(second, 'sync.joinPreview', access(pc2))).body.result;
    expect(preview).toMatchObject({ uncertain: [], hubOnly: { count: 0 }, localOnly: { count: 0 } });
    expect(preview.matched).toHaveLength(30);
    const pairs = preview.matched.map((pair: { hub: { id: string }; local: { id: string } }) => ({ hubId: pair.hub.id, localId: pair.local.id }));
    const joined = await call(second, 'sync.join', { ...access(pc2), receiptPrefix: 'B', combine: { pairs } });
    expect(joined.body.result.combined).toMatchObject({ merged: 30, notMerged: [] });
    await caughtUp(second);
    await caughtUp(first);
    await caughtUp(second);

    for (const t of [first, second]) {
      const live = await clinicsOf(t);
      expect(live).toHaveLength(30);
      expect(new Set(live.map((c) => c.memberNumber)).size).toBe(30);
      for (const inquiry of [firstInquiry, secondInquiry]) {
        expect((await call(t, 'inquiries.get', { id: inquiry.id })).body.result.inquiry).toMatchObject({ receiptNumber: inquiry.receiptNumber });
      }
    }
    await call(first, 'sync.leave', {});
    await call(second, 'sync.leave', {});
  });
  it('a pair with one 会員番号 that staff keep apart: the number stays with the hub’s record, this machine’s record is named in the result, and both are on both machines', async () => {
    const first = await startTestHost();
    const [hubRecord] = await register(first, [{ name: '指宿なのはな医院', phone: '0993-22-1111', memberNumber: '000900' }]);
    expect((await call(first, 'sync.join', { ...access(pc1), receiptPrefix: 'A' })).body.ok).toBe(true);
    await caughtUp(first);
    const second = await startTestHost();
    const [mine] = await register(second, [{ name: '山川なのはな診療所', phone: '0993-34-2222', memberNumber: '000900' }]);
    const preview = (await call(second, 'sync.joinPreview', access(pc2))).body.result;
    expect(preview.matched).toMatchObject([{ rule: 'memberNumber', hub: { id: hubRecord!.id }, local: { id: mine!.id } }]);

    const joined = await call(second, 'sync.join', { ...access(pc2), receiptPrefix: 'B', combine: { pairs: [] } });
    expect(joined.body.result.combined).toMatchObject({ merged: 0, numbersLeftWithHub: [{ hub: { name: '指宿なのはな医院' }, local: { name: '山川なのはな診療所', memberNumber: '000900' } }] });
    await caughtUp(second);
    await caughtUp(first);
    for (const t of [first, second]) {
      const live = await clinicsOf(t);
      expect(live.map((c) => [c.name, c.memberNumber]).sort()).toEqual([['山川なのはな診療所', ''], ['指宿なのはな医院', '000900']]);
    }
    await call(first, 'sync.leave', {});
    await call(second, 'sync.leave', {});
  });
  it('a second join while one runs is refused (one backup, one pull), and a pair whose hub record is archived stays two records, said why', async () => {
    const first = await startTestHost();
    const [closed] = await register(first, [{ name: '閉院した枕崎医院', phone: '0993-72-1111' }]);
    expect((await call(first, 'clinics.archive', { id: closed!.id })).body.ok).toBe(true);
    expect((await call(first, 'sync.join', { ...access(pc1), receiptPrefix: 'A' })).body.ok).toBe(true);
    await caughtUp(first);
    const second = await startTestHost();
    await register(second, [{ name: '閉院した枕崎医院', phone: '0993-72-1111' }]);
    const preview = (await call(second, 'sync.joinPreview', access(pc2))).body.result;
    const pairs = preview.matched.map((pair: { hub: { id: string }; local: { id: string } }) => ({ hubId: pair.hub.id, localId: pair.local.id }));
    expect(pairs).toHaveLength(1);

    const input = { ...access(pc2), receiptPrefix: 'B', combine: { pairs } };
    const [one, other] = await Promise.all([call(second, 'sync.join', input), call(second, 'sync.join', input)]);
    const answers = [one.body, other.body];
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.find((answer) => !answer.ok)).toMatchObject({ error: { message: hubMessages.joinInProgress } });
    expect(answers.find((answer) => answer.ok).result.combined).toMatchObject({ merged: 0, notMerged: [{ reason: hubMessages.combineHubArchived }] });
    const backups = (await call(second, 'backups.list', {})).body.result.items as { reason: string }[];
    expect(backups.filter((backup) => backup.reason === 'before-join')).toHaveLength(1);
    await call(first, 'sync.leave', {});
    await call(second, 'sync.leave', {});
  });
});
