import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPackSchema } from '../../shared/content/contentPackSchema.ts';

const packFile = path.resolve('resources/content/SJ24-13707.json');
// The approved flyer's text: a copy in the fixtures, so the check runs on any clone; where the
// project's shared source folder sits beside the repository, the copy must match it.
const flyerFile = path.resolve('test/fixtures/flyer-SJ24-13707.txt');
const sharedSource = path.resolve('../shared/source/flyer-SJ24-13707.txt');
const pack = JSON.parse(fs.readFileSync(packFile, 'utf8')) as unknown;

/** Every string value in the pack, with the key it sits under. */
function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
/** Values that are data about the text, not text shown to anyone. */
const structuralKeys = new Set(['createdOn', 'scalesWith']);

describe('content pack SJ24-13707', () => {
  it('passes the schema', () => {
    expect(contentPackSchema.safeParse(pack).success).toBe(true);
  });

  it('says nothing the approved flyer does not say: every sentence stands in the flyer as written', () => {
    const flyer = squeeze(fs.readFileSync(flyerFile, 'utf8'));
    const invented = strings(pack)
      .filter(({ key, text }) => !structuralKeys.has(key) && text !== '')
      .filter(({ text }) => !flyer.includes(squeeze(text)));
    expect(invented).toEqual([]);
  });

  it('prints each heading as the flyer does: a line of its own, not a longer word that contains it', () => {
    // 「損害賠償金」 is in the flyer (in a sentence), but the heading above the coverage is 「損害賠償」.
    const lines = new Set(fs.readFileSync(flyerFile, 'utf8').split('\n').map(squeeze));
    const parsed = contentPackSchema.parse(pack);
    const headings = [
      parsed.riskQuestion,
      parsed.attackTypesTitle,
      parsed.whyTargeted.title,
      parsed.incidentCase.title,
      parsed.damageExamples.title,
      parsed.premium.title,
      ...parsed.damageExamples.groups.map((g) => g.heading),
      ...parsed.coverages.filter((c) => c.description).map((c) => c.name),
    ];
    expect(headings.filter((h) => !lines.has(squeeze(h)))).toEqual([]);
  });

  it('checks against the flyer text as the project keeps it', () => {
    const copy = fs.readFileSync(flyerFile, 'utf8');
    expect(copy).toContain('SJ24-13707');
    if (fs.existsSync(sharedSource)) expect(copy).toBe(fs.readFileSync(sharedSource, 'utf8'));
  });

  it('lists the eight attack types and the six amounts of the incident case, with no total', () => {
    const parsed = contentPackSchema.parse(pack);
    expect(parsed.attackTypes).toEqual(['不正アクセス', 'コンピュータウイルス', 'なりすまし', 'DDoS攻撃', '標的型メール攻撃', 'ランサムウェア', 'ウェブサイト改ざん', '内部不正']);
    expect(parsed.incidentCase.items.map((i) => i.amountLabel)).toEqual(['約300万円', '約50万円', '約150万円', '約1,800万円', '約500万円', '約200万円']);
    expect(JSON.stringify(pack)).not.toMatch(/合計|総額/);
  });

  it('names the broken field in Japanese when a pack is damaged', () => {
    const broken = structuredClone(pack) as { contacts: { agency: { fax?: string } }; attackTypes: string[] };
    delete broken.contacts.agency.fax;
    broken.attackTypes = broken.attackTypes.slice(0, 5);
    const result = contentPackSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(expect.arrayContaining(['contacts.agency.fax: FAX番号がありません', 'attackTypes: 攻撃の種類が足りません']));
  });

  it('refuses quote-sheet wording longer than one A4 page holds, saying the limit', () => {
    const withNotice = (notice: string) => contentPackSchema.safeParse({ ...(pack as object), quoteSheet: { title: '保険料試算書', notice } });
    expect(withNotice('本'.repeat(250)).success).toBe(true);
    const long = withNotice('本'.repeat(251));
    expect(long.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['quoteSheet.notice: 試算書の注意書きは250文字以内にしてください（A4一枚に収めるため）']);
  });
});
