import { describe, expect, it } from 'vitest';
import { draftFromSearch } from '../../renderer/src/screens/Inquiries/draftFromSearch.ts';

describe('the words searched for in the clinic chooser, carried into a new clinic', () => {
  it('puts a name into 医療機関名, a reading in either kana into ふりがな, and a number into 電話番号', () => {
    expect(draftFromSearch(' 国分さくら内科 ')).toEqual({ name: '国分さくら内科' });
    expect(draftFromSearch('こくぶ さくら')).toEqual({ nameKana: 'こくぶ さくら' });
    expect(draftFromSearch('ｺｸﾌﾞｻｸﾗｰ')).toEqual({ nameKana: 'ｺｸﾌﾞｻｸﾗｰ' });
    expect(draftFromSearch('コクブ・サクラ')).toEqual({ nameKana: 'コクブ・サクラ' });
    expect(draftFromSearch('０９９５－１１－２２３３')).toEqual({ phone: '０９９５－１１－２２３３' });
    expect(draftFromSearch('さくら眼科')).toEqual({ name: 'さくら眼科' });
    expect(draftFromSearch('  ')).toEqual({});
  });
});
