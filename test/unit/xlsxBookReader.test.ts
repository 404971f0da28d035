import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmlTextWithoutPhonetics } from '../../electron/core/text/xlsxBookReader.ts';
import { readBookRecords } from '../../electron/core/text/xlsxRows.ts';
import { bookWithPhonetics } from '../helpers/craftedZip.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { plainBook, rosterBook } from '../helpers/xlsxRoster.ts';

async function joined(chunks: Buffer[]): Promise<string> {
  let text = '';
  for await (const piece of xmlTextWithoutPhonetics((async function* () { yield* chunks; })())) text += piece;
  return text;
}

describe('reading the XML of a Japanese Excel book', () => {
  it('a ふりがな run beside the text is dropped and a kanji cut between chunks stays whole, wherever the cut falls', async () => {
    const xml = Buffer.from('<sst><si><t>鹿児島</t><rPh sb="0" eb="3"><t>カゴシマ</t></rPh><phoneticPr fontId="1"/></si><si><t>𠮷田医院</t></si></sst>');
    for (let cut = 1; cut < xml.length; cut++) {
      expect(await joined([xml.subarray(0, cut), xml.subarray(cut)])).toBe('<sst><si><t>鹿児島</t><phoneticPr fontId="1"/></si><si><t>𠮷田医院</t></si></sst>');
    }
  });

  it('a book of 20,000 kanji names reads back without a single replacement character', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => [`鹿児島県霧島市国分中央${i}丁目 髙﨑クリニック第${i}診療所`]);
    const file = path.join(tempDir(), 'kanji.xlsx');
    fs.writeFileSync(file, await plainBook([['医療機関名'], ...names]));
    const { records } = await readBookRecords(file);
    expect(records.slice(1)).toEqual(names);
  });

  it('names typed through the IME in Japanese Excel read as typed, not as their ふりがな', async () => {
    const file = path.join(tempDir(), 'ime.xlsx');
    fs.writeFileSync(file, bookWithPhonetics([['医療機関名', 'イリョウキカンメイ'], ['鹿児島中央病院', 'カゴシマチュウオウビョウイン']]));
    expect((await readBookRecords(file)).records).toEqual([['医療機関名'], ['鹿児島中央病院']]);
  });

  it('a book whose workbook part comes last (as exceljs writes it) is read whole, every time', async () => {
    const file = path.join(tempDir(), 'roster.xlsx');
    fs.writeFileSync(file, await rosterBook());
    const saved = process.env.TMPDIR;
    try {
      for (let run = 0; run < 6; run++) {
        // A fresh, deep temp folder makes exceljs's temporary sheet files slow enough to expose
        // unzipper ending the zip before its last parts were read.
        const deep = path.join(tempDir(), 'tmp', 'files', `run-${run}`);
        fs.mkdirSync(deep, { recursive: true });
        process.env.TMPDIR = deep;
        expect((await readBookRecords(file)).sheet).toBe('名簿');
      }
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
