import { beforeEach, describe, expect, it } from 'vitest';
import { askUnsavedInputWith, useClinicsStore } from '../../renderer/src/stores/clinicsStore.ts';

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

describe('a new search', () => {
  it('closes the clinic that was open and clears the old message', () => {
    const store = useClinicsStore.getState();
    store.open('c1');
    store.showNotice({ text: '霧島眼科を保存しました', kind: 'success' });
    store.setQuery('桜島');
    store.search();
    expect(useClinicsStore.getState()).toMatchObject({ openId: null, notice: null, searched: '桜島' });
  });

  it('searching the same words again, or choosing a 市町村, counts as new only when something changed', () => {
    const store = useClinicsStore.getState();
    store.setQuery('桜島');
    store.search();
    store.open('c1');
    store.search();
    expect(useClinicsStore.getState().openId).toBe('c1');
    store.setMunicipality('霧島市');
    expect(useClinicsStore.getState()).toMatchObject({ openId: null, municipality: '霧島市', searched: '桜島' });
  });

  it('leaves a clinic with unsaved input open, so nothing typed is lost', () => {
    askUnsavedInputWith(() => true);
    try {
      const store = useClinicsStore.getState();
      store.open('c1');
      store.searchFor('桜島');
      expect(useClinicsStore.getState()).toMatchObject({ openId: 'c1', searched: '桜島' });
    } finally {
      askUnsavedInputWith(() => false);
    }
  });
});

describe('choosing a clinic while a search is still pending', () => {
  it('keeps it open when the pending search for the typed words runs', () => {
    const store = useClinicsStore.getState();
    store.setQuery('隼人');
    store.open('c1');
    store.search();
    expect(useClinicsStore.getState()).toMatchObject({ openId: 'c1', searched: '隼人' });
  });
});
