import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../electron/core/content/loadContent.ts';
import { tempDir } from '../helpers/tempDir.ts';

const bundled = path.resolve('resources/content');

function installedDir(files: Record<string, unknown>): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'rates'));
  for (const [name, value] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
  }
  return dir;
}

const bundledPack = () => JSON.parse(fs.readFileSync(path.join(bundled, 'SJ24-13707.json'), 'utf8')) as Record<string, unknown>;

describe('content packs at start-up', () => {
  it('loads the bundled pack and its sample rate table', () => {
    const content = loadContent([bundled]);
    expect(content.pack.document.code).toBe('SJ24-13707');
    expect(content.rates.status).toBe('sample');
    expect(content.problems).toEqual([]);
  });

  it('prefers a newer installed pack over the bundled one', () => {
    const newer = { ...bundledPack(), productName: '医療機関用サイバー保険' , document: { code: 'SJ25-00001', createdOn: '2026-04-01', createdLabel: '2026年4月1日作成' } };
    const content = loadContent([bundled, installedDir({ 'SJ25-00001.json': newer })]);
    expect(content.pack.document.code).toBe('SJ25-00001');
  });

  it('keeps the last good pack when a newer one is broken, naming the broken field in Japanese', () => {
    const broken = bundledPack();
    delete (broken.contacts as { agency: Record<string, unknown> }).agency.phone;
    const content = loadContent([bundled, installedDir({ 'SJ25-00001.json': broken, 'ZZ-garbage.json': '{ not json' })]);
    expect(content.pack.document.code).toBe('SJ24-13707');
    expect(content.problems).toEqual([
      { file: 'ZZ-garbage.json', kind: 'pack', messages: [expect.stringContaining('JSONとして読み取れません')] },
      { file: 'SJ25-00001.json', kind: 'pack', messages: ['【代理店の連絡先 › 電話番号】電話番号がありません'] },
    ]);
  });

  it('refuses to start without any valid pack, saying why in Japanese', () => {
    const empty = installedDir({});
    expect(() => loadContent([empty])).toThrow('商品の説明データを読み込めませんでした');
  });
});

describe('content packs after an app update', () => {
  it('keeps a newer bundled flyer in force over an older one installed earlier', () => {
    const older = { ...bundledPack(), document: { code: 'SJ23-00001', createdOn: '2024-01-01', createdLabel: '2024年1月1日作成' } };
    const content = loadContent([bundled, installedDir({ 'older.json': older })]);
    expect(content.pack.document.code).toBe('SJ24-13707');
  });
});

describe('an installed pack dated after today', () => {
  const future = () => ({ ...bundledPack(), productName: '医療機関用サイバー保険', document: { code: 'SJ27-00001', createdOn: '2027-04-01', createdLabel: '2027年4月1日作成' } });

  it('is set aside at start-up with the reason, and the flyer in force stays', () => {
    const content = loadContent([bundled, installedDir({ 'SJ27-00001.json': future() })], { today: '2026-12-03' });
    expect(content.pack.document.code).toBe('SJ24-13707');
    expect(content.problems).toEqual([{ file: 'SJ27-00001.json', kind: 'pack', messages: [expect.stringContaining('作成日 2027-04-01 が今日（2026-12-03）より後')] }]);
  });

  it('is used once its date has come', () => {
    const content = loadContent([bundled, installedDir({ 'SJ27-00001.json': future() })], { today: '2027-04-01' });
    expect(content.pack.document.code).toBe('SJ27-00001');
  });

  it('never stops the bundled flyer, even under a clock set years back', () => {
    const content = loadContent([bundled], { today: '2020-01-01' });
    expect(content.pack.document.code).toBe('SJ24-13707');
  });
});
