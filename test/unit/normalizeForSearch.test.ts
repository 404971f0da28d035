import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../shared/text/normalizeForSearch.ts';

describe('normalizeForSearch', () => {
  it('makes half-width katakana, katakana and hiragana the same', () => {
    expect(normalizeForSearch('ｶｺﾞｼﾏ')).toBe('かごしま');
    expect(normalizeForSearch('カゴシマ')).toBe('かごしま');
    expect(normalizeForSearch('かごしま')).toBe('かごしま');
  });

  it('ignores spaces, hyphens and brackets in phone numbers typed any way', () => {
    const expected = '0992548126';
    for (const typed of ['099-254-8126', '０９９－２５４－８１２６', '(099) 254 8126', '099ー254ー8126'.replace(/ー/g, '‐'), '0992548126']) {
      expect(normalizeForSearch(typed)).toBe(expected);
    }
  });

  it('folds full-width latin letters and case', () => {
    expect(normalizeForSearch('ＡＢＣ　Clinic')).toBe('abcclinic');
  });

  it('keeps the long-vowel mark and rare kanji as they are', () => {
    expect(normalizeForSearch('クリニック・センター')).toBe('くりにっくせんたー');
    expect(normalizeForSearch('𠮷田 髙橋 山﨑')).toBe('𠮷田髙橋山﨑');
  });

  it('drops the brackets of ㈱ but keeps the character', () => {
    expect(normalizeForSearch('㈱メディカル')).toBe('株めでぃかる');
  });
});
