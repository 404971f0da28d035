import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../electron/core/content/loadContent.ts';
import { tempDir } from '../helpers/tempDir.ts';

const bundled = path.resolve('resources/content');
const sample = () => JSON.parse(fs.readFileSync(path.join(bundled, 'rates/SJ24-13707-sample.json'), 'utf8')) as Record<string, unknown>;

/** An official table as an earlier version of the app installed it from the template: 見本 names kept. */
const officialWithSampleNames = () => ({ ...sample(), status: 'confirmed', version: '2026年度 正式', title: '月額保険料' });
const officialClean = (version: string) => ({
  ...officialWithSampleNames(),
  version,
  plans: [
    { id: 'P1', name: 'ベーシック' },
    { id: 'P2', name: 'スタンダード' },
    { id: 'P3', name: 'プレミアム' },
  ],
});

/** A data folder's content/ with the given installed rate tables, named as install() names them. */
function installed(tables: Record<string, unknown>): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'rates'));
  for (const [name, table] of Object.entries(tables)) fs.writeFileSync(path.join(dir, 'rates', name), JSON.stringify(table));
  return dir;
}

describe('an installed official table that today’s rules refuse', () => {
  it('is named as set aside with its reasons, not silently replaced by the sample', () => {
    const content = loadContent([bundled, installed({ '20261101T000000000Z-aaaaaaaa-rates.json': officialWithSampleNames() })]);
    expect(content.rates.status).toBe('sample');
    expect(content.problems).toEqual([
      {
        file: '20261101T000000000Z-aaaaaaaa-rates.json',
        kind: 'rates',
        setAside: { version: '2026年度 正式', official: true },
        messages: [
          expect.stringMatching(/^【1番目のプランの名称】正式な保険料表のプラン名「見本プラン1」に見本の言葉/),
          expect.stringMatching(/^【2番目のプランの名称】/),
          expect.stringMatching(/^【3番目のプランの名称】/),
        ],
      },
    ]);
  });

  it('falls back to the previous official table and names the refused newer one', () => {
    const content = loadContent([
      bundled,
      installed({ '20251101T000000000Z-aaaaaaaa-rates.json': officialClean('2025年度 正式'), '20261101T000000000Z-bbbbbbbb-rates.json': officialWithSampleNames() }),
    ]);
    expect(content.rates.version).toBe('2025年度 正式');
    expect(content.problems).toEqual([expect.objectContaining({ kind: 'rates', setAside: { version: '2026年度 正式', official: true } })]);
  });

  it('is only a file problem once a later valid table has replaced it anyway', () => {
    const content = loadContent([
      bundled,
      installed({ '20251101T000000000Z-aaaaaaaa-rates.json': officialWithSampleNames(), '20261101T000000000Z-bbbbbbbb-rates.json': officialClean('2026年度 正式') }),
    ]);
    expect(content.rates.version).toBe('2026年度 正式');
    expect(content.problems).toHaveLength(1);
    expect(content.problems[0]).not.toHaveProperty('setAside');
  });

  it('names a table whose plan id the narrower pattern refuses', () => {
    const table = { ...officialClean('2026年度 正式'), plans: [{ id: 'constructor', name: 'ベーシック' }], monthlyPremiums: { clinic_no_beds: {}, clinic_with_beds: {} } };
    const content = loadContent([bundled, installed({ '20261101T000000000Z-aaaaaaaa-rates.json': table })]);
    expect(content.rates.status).toBe('sample');
    expect(content.problems[0]).toMatchObject({
      setAside: { version: '2026年度 正式', official: true },
      messages: [
        '【1番目のプランのID】プランIDは P1・P2 のように、P と数字（1〜999）で書いてください',
        // The inherited Object.prototype.constructor is not taken for its premium.
        '【無床診療所のプラン「constructor」の月額保険料】「ベーシック」の保険料がありません',
        '【有床診療所のプラン「constructor」の月額保険料】「ベーシック」の保険料がありません',
      ],
    });
  });
});
