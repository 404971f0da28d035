import { describe, expect, it } from 'vitest';
import { toBigramTokens } from '../../electron/core/db/repos/searchTokens.ts';
import { normalizeForSearch, searchNormalizationVersion } from '../../shared/text/normalizeForSearch.ts';

const samples = ['髙﨑クリニック', 'ﾀｶｻｷｸﾘﾆｯｸ', '医療法人㈱さくら会 ｻｸﾗ病院', '０９９－２５４－８１２６', '(099) 254-8127', '𠮷田ﾊﾟｰｸ眼科', 'Ａ－００１２', 'ヴァイオリン・ヽヾ', '鹿児島市ﾔﾏｼﾀ町５－１'];

/**
 * What each version of the search normalisation makes of the samples: the normalised text and
 * its bigram tokens. A change to either without a new version would leave the search columns of
 * existing files built by the old rule, and the start-up rebuild would not run.
 */
const outputsOfVersion: Record<number, [string, string][]> = {
  1: [
    ['髙﨑くりにっく', '髙﨑 﨑く くり りに にっ っく'],
    ['たかさきくりにっく', 'たか かさ さき きく くり りに にっ っく'],
    ['医療法人株さくら会さくら病院', '医療 療法 法人 人株 株さ さく くら ら会 会さ さく くら ら病 病院'],
    ['0992548126', '09 99 92 25 54 48 81 12 26'],
    ['0992548127', '09 99 92 25 54 48 81 12 27'],
    ['𠮷田ぱーく眼科', '𠮷田 田ぱ ぱー ーく く眼 眼科'],
    ['a0012', 'a0 00 01 12'],
    ['ゔぁいおりんゝゞ', 'ゔぁ ぁい いお おり りん んゝ ゝゞ'],
    ['鹿児島市やました町51', '鹿児 児島 島市 市や やま まし した た町 町5 51'],
  ],
};

describe('search normalisation version', () => {
  it('names what normalisation and tokens produce today: change them, raise the version', () => {
    const today = samples.map((text): [string, string] => [normalizeForSearch(text), toBigramTokens(normalizeForSearch(text))]);
    expect(today).toEqual(outputsOfVersion[searchNormalizationVersion]);
  });
});
