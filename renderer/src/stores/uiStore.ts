import { create } from 'zustand';
import { hashForScreen, screenFromHash, type ScreenId } from '../screens/screenList.ts';

interface UiState {
  screen: ScreenId;
  navigate(screen: ScreenId): void;
}

/** Which screen is shown. The hash mirrors it so a reload (or Back) stays on the same screen. */
export const useUiStore = create<UiState>()((set) => ({
  screen: screenFromHash(window.location.hash),
  navigate(screen) {
    if (window.location.hash !== hashForScreen(screen)) window.location.hash = hashForScreen(screen);
    set({ screen });
  },
}));

window.addEventListener('hashchange', () => {
  useUiStore.setState({ screen: screenFromHash(window.location.hash) });
});
