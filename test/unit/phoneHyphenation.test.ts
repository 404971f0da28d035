import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumber } from '../../shared/text/phoneNumber.ts';

/** What libphonenumber itself writes for a number, or null when it is not a valid Japanese number. */
function libraryForm(digits: string): string | null {
  const parsed = parsePhoneNumberFromString(digits, 'JP');
  return parsed && parsed.country === 'JP' && parsed.isValid() ? parsed.formatNational() : null;
}

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (length: number) => fc.array(digit, { minLength: length, maxLength: length }).map((d) => d.join(''));

describe('phone numbers are hyphenated as the numbering plan writes them', () => {
  it('a number read after another of the same exchange is written exactly as libphonenumber writes it', () => {
    // The hyphen positions learned from the first number are reused for the second, which
    // differs only in its last four digits (the subscriber number): any area code of the plan,
    // national numbers of 9 and 10 digits.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.oneof(digits(4), digits(5)), digits(4), digits(4), (first, middle, one, other) => {
        const head = `0${first}${middle}`;
        parsePhoneNumber(`${head}${one}`);
        const expected = libraryForm(`${head}${other}`);
        const read = parsePhoneNumber(`${head}${other}`);
        expect(read).toEqual(expected === null ? { ok: false, message: expect.any(String) } : { ok: true, value: expected });
      }),
      { numRuns: 20_000 },
    );
  });

  it('numbers of the prefecture and of the rest of Japan keep the forms staff know', () => {
    const cases: [string, string][] = [
      ['0992548126', '099-254-8126'],
      ['0992548127', '099-254-8127'],
      ['0995212345', '0995-21-2345'],
      ['0996921234', '09969-2-1234'],
      ['0996921235', '09969-2-1235'],
      ['09012345678', '090-1234-5678'],
      ['09012349999', '090-1234-9999'],
      ['0312345678', '03-1234-5678'],
      ['0120123456', '0120-123-456'],
      ['0120123457', '0120-123-457'],
    ];
    for (const [typed, stored] of cases) expect(parsePhoneNumber(typed)).toEqual({ ok: true, value: stored });
  });
});
