import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxContentFileBytes } from '../../electron/core/content/contentManager.ts';
import { maxPackListItems, maxPackTextChars } from '../../shared/content/contentPackSchema.ts';
import { call, startTestHost, uploadFile, type TestHost } from '../helpers/testHost.ts';
import { packRequest } from '../helpers/officialRateTable.ts';

type Pack = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const bundledPack = (): Pack => JSON.parse(fs.readFileSync(path.resolve('resources/content/SJ24-13707.json'), 'utf8')) as Pack;
/** 2026-12-04 00:30 in Japan while it is still 12-03 in UTC: "today" must be Japan's date. */
const counterClock = () => new Date('2026-12-03T15:30:00Z');

async function preview(t: TestHost, pack: Pack | string) {
  const fileId = await uploadFile(t, 'pack.json', typeof pack === 'string' ? pack : JSON.stringify(pack), 'contentFile');
  return { fileId, answer: (await call(t, 'content.previewImport', packRequest(fileId))).body.result };
}

/** A refused pack leaves the content in force and the content folder exactly as they were. */
async function expectNothingInstalled(t: TestHost, fileId: string) {
  const before = (await call(t, 'content.get', {})).body.result;
  const accepted = await call(t, 'content.acceptImport', packRequest(fileId));
  expect(accepted.status).toBe(422);
  expect(accepted.body.error.message).toMatch(/^取り込めません：/);
  expect((await call(t, 'content.get', {})).body.result).toEqual(before);
  expect(fs.existsSync(path.join(t.dataDir, 'content')) ? fs.readdirSync(path.join(t.dataDir, 'content')) : []).toEqual([]);
  expect((await call(t, 'content.changes', {})).body.result.items).toEqual([]);
}

describe('the side-by-side check of a new content pack shows every difference', () => {
  it('shows a change of only the insurer\'s website address, old and new', async () => {
    const t = await startTestHost({ now: counterClock });
    const pack = bundledPack();
    const old = pack.insurerWebsite as string;
    pack.insurerWebsite = 'https://example.com/cyber';
    const { answer } = await preview(t, pack);
    expect(answer.problems).toEqual([]);
    expect(answer.changes).toEqual([{ path: 'insurerWebsite', label: '保険会社のウェブサイトのアドレス', before: old, after: 'https://example.com/cyber' }]);
  });

  it('shows a change of only the product name', async () => {
    const t = await startTestHost({ now: counterClock });
    const pack = bundledPack();
    pack.productName = '医療機関向けサイバー保険（新）';
    const { answer } = await preview(t, pack);
    expect(answer.changes).toEqual([{ path: 'productName', label: '商品名', before: '医療機関用サイバー保険', after: '医療機関向けサイバー保険（新）' }]);
  });

  it('shows a change of only the creation date, accepting today in Japan although UTC is a day behind', async () => {
    const t = await startTestHost({ now: counterClock });
    const pack = bundledPack();
    pack.document.createdOn = '2026-12-04';
    const { fileId, answer } = await preview(t, pack);
    expect(answer.problems).toEqual([]);
    expect(answer.changes).toEqual([{ path: 'document.createdOn', label: '作成日', before: '2025-01-16', after: '2026-12-04' }]);
    expect((await call(t, 'content.acceptImport', packRequest(fileId))).status).toBe(200);
  });

  it('names nested fields and list entries in Japanese, and a field only one side has', async () => {
    const t = await startTestHost({ now: counterClock });
    const pack = bundledPack();
    pack.contacts.insurer.phone = '0120-000-000';
    pack.attackTypes[2] = 'ランサムウェア（新しい説明）';
    pack.quoteSheet = { title: '保険料試算書', notice: '概算です。' };
    const current = bundledPack();
    const { answer } = await preview(t, pack);
    expect(answer.changes).toEqual([
      { path: 'attackTypes.2', label: '攻撃の種類 › 3番目', before: current.attackTypes[2], after: 'ランサムウェア（新しい説明）' },
      { path: 'contacts.insurer.phone', label: '保険会社の連絡先 › 電話番号', before: current.contacts.insurer.phone, after: '0120-000-000' },
      { path: 'quoteSheet.title', label: '保険料試算書の文言 › 見出し', before: null, after: '保険料試算書' },
      { path: 'quoteSheet.notice', label: '保険料試算書の文言 › 注意書き', before: null, after: '概算です。' },
    ]);
  });

  it('says nothing changes only when nothing does', async () => {
    const t = await startTestHost({ now: counterClock });
    const { answer } = await preview(t, bundledPack());
    expect(answer.changes).toEqual([]);
  });
});

describe('a content pack that is too large, too long or dated in the future is refused and changes nothing', () => {
  it('refuses a product name of 100,000 characters (inside the file size limit), naming the field', async () => {
    const t = await startTestHost({ now: counterClock });
    const pack = bundledPack();
    pack.productName = '保'.repeat(100_000);
    const { fileId, answer } = await preview(t, pack);
    expect(answer.problems).toEqual([{ row: 0, field: '商品名', message: `商品名は${maxPackTextChars}文字以内にしてください` }]);
    await expectNothingInstalled(t, fileId);
  });

  it('refuses a list longer than any flyer holds, naming it', async () => {
    const t = await startTestHost({ now: counterClock });
    const pack = bundledPack();
    pack.attackTypes = Array.from({ length: maxPackListItems + 1 }, (_, i) => `攻撃${i + 1}`);
    const { fileId, answer } = await preview(t, pack);
    expect(answer.problems).toEqual([{ row: 0, field: '攻撃の種類', message: `攻撃の種類は${maxPackListItems}件までにしてください` }]);
    await expectNothingInstalled(t, fileId);
  });

  it('keeps the approved flyer\'s longest text well inside the limit', () => {
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(bundledPack());
    expect(Math.max(...strings.map((s) => s.length)) * 3).toBeLessThan(maxPackTextChars);
  });

  it('refuses a file over 2 MB before reading it', async () => {
    const t = await startTestHost({ now: counterClock });
    const pack = bundledPack();
    const padded = `${JSON.stringify(pack)}${' '.repeat(maxContentFileBytes)}`;
    const { fileId, answer } = await preview(t, padded);
    expect(answer.problems).toEqual([{ row: 0, field: 'ファイル', message: 'ファイルが大きすぎます（2MBまで）。内容パックや保険料表のファイルか確認してください' }]);
    await expectNothingInstalled(t, fileId);
  });

  it('refuses a creation date after today in Japan, by the core\'s clock', async () => {
    const t = await startTestHost({ now: counterClock });
    const pack = bundledPack();
    pack.document.createdOn = '2026-12-05';
    const { fileId, answer } = await preview(t, pack);
    expect(answer.problems).toEqual([
      { row: 0, field: '作成日', message: '作成日 2026-12-05 が今日（2026-12-04）より後になっています。保険会社から届いたファイルか確認してください' },
    ]);
    await expectNothingInstalled(t, fileId);
  });
});
