import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/core/pdf/renderPdf.ts';
import { buildIntentConfirmation, type IntentSheetInput } from '../../shared/documents/intentConfirmation.ts';
import { untracedTexts } from '../../shared/documents/tracedTexts.ts';
import { agencyTextDefinitions, agencyTextLines } from '../../shared/domain/agencyTexts.ts';
import { maxIntentAnswerChars, maxIntentExplanationChars } from '../../shared/domain/inquiryIntent.ts';
import { agencyTexts, confirmedPack, squeeze } from '../helpers/documentFixtures.ts';
import { greyPixels, inkNearEdges, pdfInfo, pdfText, rasterise } from '../helpers/pdfTools.ts';

const questions = agencyTextLines(agencyTextDefinitions.intentQuestions.initial);

const typical: IntentSheetInput = {
  clinicName: '霧島中央クリニック',
  receiptNumber: 'A-2026-0001',
  questions: { source: 'agency', version: 0, questions },
  initial: { answers: ['電子カルテが止まった時の費用', '月1万円程度', '2027年4月から1年', '年払い', 'なし', ''], on: '2026年11月20日' },
  final: { answers: ['電子カルテが止まった時の費用', '月1万5千円まで', '2027年4月から1年', '年払い', 'なし', ''], on: '2026年12月3日', explanation: '補償を手厚くするため、ご予算を月1万5千円までに変更されました。' },
  issuedOn: '2026年12月3日',
};

/** A distinct text of exactly n characters, so each one can be found again in the PDF. */
const longText = (tag: string, n: number) => (tag + '長い回答の文字列で全角を詰めています。'.repeat(10)).slice(0, n);

/** The most the page must hold: ten questions of the longest allowed, every answer and the explanation at their limits. */
const longest: IntentSheetInput = {
  ...typical,
  clinicName: '医療法人社団 霧島中央クリニック附属 国分総合リハビリテーション病院',
  questions: { source: 'agency', version: 4, questions: Array.from({ length: 10 }, (_, i) => longText(`問${i}`, agencyTextDefinitions.intentQuestions.lines!.maxCharsEach)) },
  initial: { answers: Array.from({ length: 10 }, (_, i) => longText(`当${i}`, maxIntentAnswerChars)), on: '2026年11月20日' },
  final: { answers: Array.from({ length: 10 }, (_, i) => longText(`終${i}`, maxIntentAnswerChars)), on: '2026年12月3日', explanation: longText('説明', maxIntentExplanationChars) },
};

/**
 * The text in the order it was drawn: a table cell's lines stay together (the layout mode reads
 * across the row, mixing the cells of one line).
 */
const drawnText = (pdf: Buffer) => squeeze(execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8'));

const render = (input: IntentSheetInput) => renderPdf(buildIntentConfirmation(confirmedPack, agencyTexts, input));

describe('意向確認書', () => {
  it('prints the questions as asked with the initial and final answers, the explanation and the product name from the pack', async () => {
    const pdf = await render(typical);
    expect(pdfInfo(pdf).pages).toBe(1);
    const text = drawnText(pdf);
    for (const expected of ['意向確認書', confirmedPack.productName, '霧島中央クリニック', 'A-2026-0001', ...questions, '月1万円程度', '月1万5千円まで', typical.final!.explanation, 'ご署名', confirmedPack.contacts.agency.phone]) {
      expect(text).toContain(squeeze(expected));
    }
  });

  it('never starts a printed line with 、 or 。 (禁則), whatever the answer\'s length', async () => {
    const answer = '電子カルテ停止時の復旧費用と、情報漏えいの賠償';
    const pdf = await render({ ...typical, initial: { ...typical.initial!, answers: [answer, ...typical.initial!.answers.slice(1)] } });
    const lines = execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8').split('\n');
    expect(lines.some((line) => line.includes('復旧費用'))).toBe(true);
    expect(lines.filter((line) => /^\s*[、。]/.test(line))).toEqual([]);
  });

  it('fits the longest answers staff can type on one page, every word of them printed (none cut)', async () => {
    const pdf = await render(longest);
    expect(pdfInfo(pdf).pages).toBe(1);
    const text = drawnText(pdf);
    const everyText = [...longest.questions.questions, ...longest.initial!.answers, ...longest.final!.answers, longest.final!.explanation];
    expect(everyText.filter((t) => !text.includes(squeeze(t)))).toEqual([]);
    expect(text).not.toContain('…');
  });

  it('stays inside the margins in pure black, as a FAX receives it', async () => {
    for (const input of [typical, longest]) {
      const page = rasterise(await render(input), { dpiX: 100, dpiY: 100 });
      expect(greyPixels(page)).toBe(0);
      expect(inkNearEdges(page, 10)).toBe(0);
    }
  });

  it('prints the insurer form code and its questions from the pack when the record asked them', async () => {
    const pack = { ...confirmedPack, intentForm: { code: 'SJ-IK-2026-01', date: '2026年4月1日', questions: ['ご希望の補償', 'ご予算'] } };
    const definition = buildIntentConfirmation(pack, agencyTexts, { ...typical, questions: { source: 'pack', code: 'SJ-IK-2026-01', date: '2026年4月1日', questions: ['ご希望の補償', 'ご予算'] }, final: null });
    expect(untracedTexts(definition)).toEqual([]);
    const text = squeeze(pdfText(await renderPdf(definition)));
    expect(text).toContain('SJ-IK-2026-012026年4月1日');
    expect(text).toContain('ご希望の補償');
  });
});
