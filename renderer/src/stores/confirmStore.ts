import { create } from 'zustand';

export interface ConfirmRequest {
  message: string;
  /** The button that goes ahead, named for what it does (e.g. 「保存せずに閉じる」). */
  confirmLabel: string;
  /** The safe choice, focused first so Enter never destroys anything by accident. */
  cancelLabel: string;
}

interface ConfirmState {
  pending: (ConfirmRequest & { answer(yes: boolean): void }) | null;
}

export const useConfirmStore = create<ConfirmState>()(() => ({ pending: null }));

/**
 * Asks the user with the app's own dialog (not the browser's pop-up) and resolves with the
 * answer. A question asked while another is open answers the older one 「いいえ」 first.
 */
export function askConfirm(request: Partial<ConfirmRequest> & { message: string }): Promise<boolean> {
  useConfirmStore.getState().pending?.answer(false);
  return new Promise((resolve) => {
    const answer = (yes: boolean) => {
      if (useConfirmStore.getState().pending?.answer === answer) useConfirmStore.setState({ pending: null });
      resolve(yes);
    };
    useConfirmStore.setState({ pending: { confirmLabel: 'はい', cancelLabel: 'いいえ', ...request, answer } });
  });
}
