import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPackSchema } from '../../shared/content/contentPackSchema.ts';
import { recordHandoverInputSchema } from '../../shared/domain/importantMatters.ts';
import { importantMattersMessages as m } from '../../shared/messages/importantMattersMessages.ts';

const bundled = JSON.parse(fs.readFileSync(path.resolve('resources/content/SJ24-13707.json'), 'utf8')) as Record<string, unknown>;
const named = { file: 'SJ26-01234.pdf', sha256: 'a'.repeat(64), code: 'SJ26-01234', date: '2026-04-01' };
const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("the pack's important-matters document", () => {
  it('is optional: the bundled pack ships without one', () => {
    const parsed = contentPackSchema.parse(bundled);
    expect(parsed.importantMatters).toBeUndefined();
  });

  it('is taken with its file, SHA-256, code and 作成日', () => {
    expect(contentPackSchema.parse({ ...bundled, importantMatters: named }).importantMatters).toEqual(named);
  });

  it('refuses a file name that could leave the pack folder, a SHA-256 not of 64 hex digits, an empty code and an impossible date, each in Japanese', () => {
    const bad = { file: '../db.pdf', sha256: 'xyz', code: '', date: '2026-02-30' };
    expect(messagesOf(contentPackSchema.safeParse({ ...bundled, importantMatters: bad }))).toEqual([m.fileNameRule, m.sha256Rule, m.codeRule, m.dateRule]);
  });
});

describe('recording a handover', () => {
  const valid = { inquiryId: 'i1', handedOn: '2026-12-01', docCode: 'SJ26-01234', docDate: '2026-04-01', method: 'fax' };

  it('takes a day, the version handed over and one of 手渡し／郵送／FAX／メール', () => {
    expect(recordHandoverInputSchema.parse(valid)).toEqual(valid);
  });

  it('names what is missing or wrong in Japanese', () => {
    expect(messagesOf(recordHandoverInputSchema.safeParse({ ...valid, method: 'carrier pigeon' }))).toEqual([m.methodRequired]);
    expect(messagesOf(recordHandoverInputSchema.safeParse({ ...valid, handedOn: '2026-13-01' }))).toEqual([m.handedOnNotDate]);
    expect(messagesOf(recordHandoverInputSchema.safeParse({ ...valid, docCode: '  ' }))).toEqual([m.docCodeRequired]);
  });
});
