import { create } from 'zustand';
import { hashForScreen, screenFromHash, type ScreenId } from '../screens/screenList.ts';
import { askConfirm } from './confirmStore.ts';

/** Asked before anything throws away input that has not been saved. */
export const discardQuestion = '入力した内容は保存されていません。保存せずに移動しますか？';

interface UiState {
  screen: ScreenId;
  /** Forms (by key) that hold input not yet saved; leaving them must be confirmed first. */
  unsavedForms: readonly string[];
  /** Shows another screen; false when the user chose to stay with unsaved input. */
  navigate(screen: ScreenId): Promise<boolean>;
  setUnsaved(formKey: string, unsaved: boolean): void;
  /**
   * True when nothing unsaved would be lost, or the user agreed to lose it. Screens call it
   * before they replace a form themselves (opening another record, closing a panel).
   */
  confirmDiscard(question?: string): Promise<boolean>;
}

/** Which screen is shown. The hash mirrors it so a reload (or Back) stays on the same screen. */
export const useUiStore = create<UiState>()((set, get) => ({
  screen: screenFromHash(window.location.hash),
  unsavedForms: [],
  async navigate(screen) {
    if (screen !== get().screen && !(await get().confirmDiscard())) return false;
    if (window.location.hash !== hashForScreen(screen)) window.location.hash = hashForScreen(screen);
    set({ screen });
    return true;
  },
  setUnsaved(formKey, unsaved) {
    const forms = get().unsavedForms;
    if (unsaved === forms.includes(formKey)) return;
    set({ unsavedForms: unsaved ? [...forms, formKey] : forms.filter((key) => key !== formKey) });
  },
  async confirmDiscard(question = discardQuestion) {
    return get().unsavedForms.length === 0 || (await askConfirm({ message: question, confirmLabel: '保存せずに進む', cancelLabel: '入力に戻る' }));
  },
}));

window.addEventListener('hashchange', () => {
  const { screen, confirmDiscard, unsavedForms } = useUiStore.getState();
  const next = screenFromHash(window.location.hash);
  if (next === screen) return;
  if (unsavedForms.length === 0) {
    useUiStore.setState({ screen: next });
    return;
  }
  // Back/Forward change the hash before anyone can ask: put it back while asking, and move on only if the user agrees.
  window.history.replaceState(null, '', hashForScreen(screen));
  void confirmDiscard().then((yes) => {
    if (!yes) return;
    window.history.replaceState(null, '', hashForScreen(next));
    useUiStore.setState({ screen: next });
  });
});
