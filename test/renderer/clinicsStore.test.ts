import { beforeEach, describe, expect, it } from 'vitest';
import { useClinicsStore } from '../../renderer/src/stores/clinicsStore.ts';

const initial = useClinicsStore.getState();
beforeEach(() => useClinicsStore.setState(initial, true));

describe('the 医療機関 search box', () => {
  it('typing alone does not change what the list shows; searching does, trimmed', () => {
    const store = useClinicsStore.getState();
    store.setQuery(' かごしま ');
    expect(useClinicsStore.getState().searched).toBe('');
    store.search();
    expect(useClinicsStore.getState().searched).toBe('かごしま');
  });

  it('ticking アーカイブを表示 searches the words in the box at once', () => {
    const store = useClinicsStore.getState();
    store.setQuery('霧島');
    store.setIncludeArchived(true);
    expect(useClinicsStore.getState()).toMatchObject({ includeArchived: true, searched: '霧島' });
  });

  it('ホーム’s 医療機関を検索 puts the words in the box and searches them', () => {
    useClinicsStore.getState().searchFor('0995');
    expect(useClinicsStore.getState()).toMatchObject({ query: '0995', searched: '0995' });
  });
});
