import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubMessages } from '../../shared/messages/hubMessages.ts';
import { startCouchHub, type CouchHub } from '../helpers/couchHub.ts';
import { call, startTestHost, type TestHost } from '../helpers/testHost.ts';

const pc1 = { name: 'pc1', password: 'pc1-very-secret-password' };
const pc2 = { name: 'pc2', password: 'pc2-very-secret-password' };

let hub: CouchHub;
beforeAll(async () => {
  hub = await startCouchHub({ users: [pc1, pc2] });
});
afterAll(() => hub?.stop());

const access = (user: { name: string; password: string }) => ({ url: hub.dbUrl, user: user.name, password: user.password });

/** The roster both counters typed in from the same Excel list, before anyone thought of sharing. */
const roster = [
  { name: '霧島眼科', phone: '0995-45-1234', memberNumber: '001234', address: '霧島市国分中央1-1' },
  { name: '隼人内科', phone: '0995-42-0001', address: '霧島市隼人町1' },
  { name: '国分歯科', address: '霧島市国分2-2' },
];

async function register(t: TestHost, clinics: object[]) {
  for (const clinic of clinics) expect((await call(t, 'clinics.create', clinic)).body.ok).toBe(true);
}

describe('joining with records on both sides: the preview (設定 → 複数の端末で使う)', () => {
  it('pairs the clinics both machines registered, asks about a shared phone number, and saves nothing', async () => {
    const first = await startTestHost();
    await register(first, [...roster, { name: '医療法人桜会 さくら病院', phone: '099-111-2222' }, { name: '鹿屋中央病院', phone: '0994-00-0000' }]);
    expect((await call(first, 'sync.join', { ...access(pc1), receiptPrefix: 'A' })).body.ok).toBe(true);
    await expect.poll(async () => (await call(first, 'sync.status', {})).body.result.unsent, { timeout: 60_000 }).toBe(0);

    const second = await startTestHost();
    await register(second, [...roster, { name: 'さくら病院附属クリニック', phone: '099-111-2222' }, { name: '出水ひふ科' }]);
    const answer = await call(second, 'sync.joinPreview', access(pc2));
    expect(answer.body.ok).toBe(true);
    const preview = answer.body.result;
    expect(preview.matched.map((pair: { hub: { name: string }; local: { name: string }; rule: string }) => [pair.local.name, pair.hub.name, pair.rule])).toEqual([
      ['霧島眼科', '霧島眼科', 'memberNumber'],
      ['隼人内科', '隼人内科', 'phone'],
      ['国分歯科', '国分歯科', 'nameAddress'],
    ]);
    expect(preview.uncertain).toMatchObject([{ local: { name: 'さくら病院附属クリニック' }, hub: { name: '医療法人桜会 さくら病院' }, reason: 'phoneOnlyNamesDiffer' }]);
    expect(preview.hubOnly).toMatchObject({ count: 1, first: [{ name: '鹿屋中央病院' }] });
    expect(preview.localOnly).toMatchObject({ count: 1, first: [{ name: '出水ひふ科' }] });
    // Only a look: not sharing, no password kept, nothing claimed.
    expect((await call(second, 'sync.status', {})).body.result).toMatchObject({ state: 'off', hubUrl: null });
    expect(fs.existsSync(path.join(second.dataDir, 'secrets')) ? fs.readdirSync(path.join(second.dataDir, 'secrets')) : []).toEqual([]);
    await call(first, 'sync.leave', {});
  });

  it('a wrong password is told next to the password field, as 接続を確認 tells it', async () => {
    const t = await startTestHost();
    const answer = await call(t, 'sync.joinPreview', access({ ...pc2, password: 'wrong' }));
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { password: hubMessages.unauthorized } } });
  });
});
