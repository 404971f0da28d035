import { describe, expect, it } from 'vitest';
import { prefixUpperBound, toBigramTokens, toPhraseQuery } from '../../electron/core/db/repos/searchTokens.ts';

describe('search tokens', () => {
  it('splits text into overlapping character pairs, counting surrogate pairs as one character', () => {
    expect(toBigramTokens('かごしま')).toBe('かご ごし しま');
    expect(toBigramTokens('𠮷田医院')).toBe('𠮷田 田医 医院');
  });

  it('keeps a single character as one token and empty as empty', () => {
    expect(toBigramTokens('東')).toBe('東');
    expect(toBigramTokens('')).toBe('');
  });

  it('quotes the query bigrams as one phrase', () => {
    expect(toPhraseQuery('田中')).toBe('"田中"');
    expect(toPhraseQuery('たなか')).toBe('"たな なか"');
  });

  it('gives an upper bound just above every string with the prefix', () => {
    const upper = prefixUpperBound('た');
    expect('たなか' < upper && 'た' < upper).toBe(true);
    expect('だ' >= upper).toBe(true);
  });
});
