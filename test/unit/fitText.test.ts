import { describe, expect, it } from 'vitest';
import { fitText } from '../../shared/documents/fitText.ts';

const box = { widthPt: 120, maxLines: 2, sizesPt: [12, 10] };

describe('fitting a value into a printed box', () => {
  it('keeps a short value on one line at the largest size', () => {
    expect(fitText('中央医院', box)).toEqual({ lines: ['中央医院'], sizePt: 12, cut: false });
  });

  it('wraps, then shrinks, before it ever cuts', () => {
    // 120 pt holds 10 full-width characters at 12 pt and 12 at 10 pt.
    expect(fitText('あ'.repeat(15), box)).toEqual({ lines: ['あ'.repeat(10), 'あ'.repeat(5)], sizePt: 12, cut: false });
    expect(fitText('あ'.repeat(24), box)).toEqual({ lines: ['あ'.repeat(12), 'あ'.repeat(12)], sizePt: 10, cut: false });
  });

  it('cuts with a visible mark when nothing else fits', () => {
    const fit = fitText('あ'.repeat(40), box);
    expect(fit.cut).toBe(true);
    expect(fit.lines).toHaveLength(2);
    expect(fit.lines[1]!.endsWith('…')).toBe(true);
    expect([...fit.lines[1]!].length).toBeLessThanOrEqual(12);
  });

  it('counts half-width characters as half, and keeps typed line breaks', () => {
    expect(fitText('0995-12-3456', box).lines).toEqual(['0995-12-3456']);
    expect(fitText('霧島中央クリニック 御中\n田中 院長 様', { widthPt: 300, maxLines: 3, sizesPt: [12] }).lines).toEqual(['霧島中央クリニック 御中', '田中 院長 様']);
  });

  it('never starts a line with 、 or 。 and never ends one with 「 (禁則), taking a character down instead', () => {
    // 10 full-width characters fit a line at 12 pt: 、 would be the 11th.
    expect(fitText('電子カルテ停止時の復旧と、情報漏えい', box).lines).toEqual(['電子カルテ停止時の復', '旧と、情報漏えい']);
    expect(fitText('あいうえおかきくけこ。', box).lines).toEqual(['あいうえおかきくけ', 'こ。']);
    expect(fitText('あいうえおかきくけ「こさ」', box).lines).toEqual(['あいうえおかきくけ', '「こさ」']);
    expect(fitText('ちょっとまってくださいっ', box).lines).toEqual(['ちょっとまってくださ', 'いっ']);
  });

  it('still breaks a run of punctuation that is longer than a line', () => {
    expect(fitText('。'.repeat(15), box).lines).toEqual(['。'.repeat(10), '。'.repeat(5)]);
  });
});
