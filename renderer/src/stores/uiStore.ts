import { create } from 'zustand';
import { hashForScreen, screenFromHash, type ScreenId } from '../screens/screenList.ts';

/** Asked before anything throws away input that has not been saved. */
export const discardQuestion = '入力した内容は保存されていません。保存せずに移動しますか？';

interface UiState {
  screen: ScreenId;
  /** Forms (by key) that hold input not yet saved; leaving them must be confirmed first. */
  unsavedForms: readonly string[];
  /** Shows another screen; false when the user chose to stay with unsaved input. */
  navigate(screen: ScreenId): boolean;
  setUnsaved(formKey: string, unsaved: boolean): void;
  /**
   * True when nothing unsaved would be lost, or the user agreed to lose it. Screens call it
   * before they replace a form themselves (opening another record, closing a panel).
   */
  confirmDiscard(question?: string): boolean;
}

/** Which screen is shown. The hash mirrors it so a reload (or Back) stays on the same screen. */
export const useUiStore = create<UiState>()((set, get) => ({
  screen: screenFromHash(window.location.hash),
  unsavedForms: [],
  navigate(screen) {
    if (screen !== get().screen && !get().confirmDiscard()) return false;
    if (window.location.hash !== hashForScreen(screen)) window.location.hash = hashForScreen(screen);
    set({ screen });
    return true;
  },
  setUnsaved(formKey, unsaved) {
    const forms = get().unsavedForms;
    if (unsaved === forms.includes(formKey)) return;
    set({ unsavedForms: unsaved ? [...forms, formKey] : forms.filter((key) => key !== formKey) });
  },
  confirmDiscard(question = discardQuestion) {
    return get().unsavedForms.length === 0 || window.confirm(question);
  },
}));

window.addEventListener('hashchange', () => {
  const { screen, confirmDiscard } = useUiStore.getState();
  const next = screenFromHash(window.location.hash);
  if (next === screen) return;
  // Back/Forward change the hash before anyone can ask; put it back if the user stays.
  if (!confirmDiscard()) {
    window.history.replaceState(null, '', hashForScreen(screen));
    return;
  }
  useUiStore.setState({ screen: next });
});
