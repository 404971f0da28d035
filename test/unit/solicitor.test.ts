import { describe, expect, it } from 'vitest';
import { qualificationExpiresSoon, solicitorReasonText, solicitorStatus } from '../../shared/domain/solicitor.ts';
import { staffSolicitorInputSchema } from '../../shared/domain/staff.ts';

const registered = { solicitorId: 'A1234567', notifiedOn: '2024-04-01', qualificationExpiresOn: '2026-12-31' };

describe('solicitorStatus: who may solicit on a day', () => {
  it('a notified solicitor with a valid qualification may solicit, including on the expiry day itself', () => {
    expect(solicitorStatus(registered, '2026-06-01')).toEqual({ ok: true });
    expect(solicitorStatus(registered, '2026-12-31')).toEqual({ ok: true });
  });

  it('the day after the qualification expires, they may not', () => {
    expect(solicitorStatus(registered, '2027-01-01')).toEqual({ ok: false, reason: 'qualification_expired' });
    expect(solicitorReasonText(registered, 'qualification_expired')).toBe('資格の有効期限（2026/12/31）切れ');
  });

  it('without a 募集人ID nobody is a solicitor, whatever else is filled in', () => {
    expect(solicitorStatus({ ...registered, solicitorId: null }, '2026-06-01')).toEqual({ ok: false, reason: 'no_id' });
  });

  it('before the 届出日, or with none, they are not yet notified; on the 届出日 they are', () => {
    expect(solicitorStatus({ ...registered, notifiedOn: null }, '2026-06-01')).toEqual({ ok: false, reason: 'not_notified' });
    expect(solicitorStatus(registered, '2024-03-31')).toEqual({ ok: false, reason: 'not_notified' });
    expect(solicitorStatus(registered, '2024-04-01')).toEqual({ ok: true });
  });

  it('a qualification ending within 60 days is flagged for renewal; one already past or further off is not', () => {
    expect(qualificationExpiresSoon(registered, '2026-11-01')).toBe(true);
    expect(qualificationExpiresSoon(registered, '2026-10-31')).toBe(false);
    expect(qualificationExpiresSoon(registered, '2027-01-01')).toBe(false);
  });
});

describe('staff solicitor fields as typed in 設定', () => {
  const parse = (input: Record<string, string | null>) => staffSolicitorInputSchema.safeParse(input);
  const firstError = (input: Record<string, string | null>) => {
    const result = parse(input);
    return result.success ? null : { path: result.error.issues[0]!.path.join('.'), message: result.error.issues[0]!.message };
  };

  it('full-width digits and letters of the 募集人ID are taken as half-width; blanks are stored as none', () => {
    expect(parse({ solicitorId: ' ａ１２３４５６７ ', notifiedOn: '２０２４-０４-０１', qualification: '  ', qualificationExpiresOn: '' }).data).toEqual({
      solicitorId: 'A1234567',
      notifiedOn: '2024-04-01',
      qualification: null,
      qualificationExpiresOn: null,
    });
  });

  it('an ID with other characters or over 20 is refused in Japanese', () => {
    expect(firstError({ solicitorId: 'A-123' })).toEqual({ path: 'solicitorId', message: expect.stringContaining('募集人IDは英数字20文字以内') });
    expect(firstError({ solicitorId: '1'.repeat(21) })?.path).toBe('solicitorId');
    expect(parse({ solicitorId: '1'.repeat(20) }).success).toBe(true);
  });

  it('dates must be real YYYY-MM-DD dates', () => {
    expect(firstError({ notifiedOn: '2024-02-30' })).toEqual({ path: 'notifiedOn', message: '届出日は 2026-04-01 の形の日付で入力してください' });
    expect(firstError({ qualificationExpiresOn: '2024/04/01' })?.path).toBe('qualificationExpiresOn');
  });

  it('an expiry before the 届出日 is refused; on the same day it is accepted', () => {
    expect(firstError({ notifiedOn: '2024-04-01', qualificationExpiresOn: '2024-03-31' })).toEqual({
      path: 'qualificationExpiresOn',
      message: '資格の有効期限が届出日より前になっています',
    });
    expect(parse({ notifiedOn: '2024-04-01', qualificationExpiresOn: '2024-04-01' }).success).toBe(true);
  });
});
