import { describe, expect, it } from 'vitest';
import { commonAddress } from '../../shared/text/commonAddress.ts';

describe('address filled from a postal code shared by several towns', () => {
  it('is the one address when there is one', () => {
    expect(commonAddress(['鹿児島県鹿児島市中央町'])).toBe('鹿児島県鹿児島市中央町');
  });

  it('is the part all towns share, cut back to a whole place name', () => {
    expect(commonAddress(['鹿児島県鹿児島市中央町', '鹿児島県鹿児島市中町'])).toBe('鹿児島県鹿児島市');
    expect(commonAddress(['鹿児島県鹿児島市', '鹿児島県鹿屋市'])).toBe('鹿児島県');
  });

  it('is empty for no address', () => {
    expect(commonAddress([])).toBe('');
  });
});
