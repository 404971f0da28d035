import { useEffect, useId, useRef } from 'react';
import { useConfirmStore } from '../stores/confirmStore.ts';
import { isComposing } from './ModalDialog.tsx';

/**
 * The one place the app's confirmations appear: a modal alert dialog over whatever is open,
 * the safe choice focused, Esc answering it. Mounted once, at the root.
 */
export function ConfirmHost() {
  const pending = useConfirmStore((s) => s.pending);
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !pending) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [pending]);

  if (!pending) return null;
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      className="form-dialog confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(e) => {
        e.preventDefault();
        pending.answer(false);
      }}
      onKeyDown={(e) => {
        // Never reaches a dialog underneath: Esc here answers only this question.
        e.stopPropagation();
        if (e.key !== 'Escape' || isComposing(e)) return;
        e.preventDefault();
        pending.answer(false);
      }}
    >
      <h2 id={titleId} className="dialog-title">
        確認
      </h2>
      <p id={messageId} className="confirm-message">
        {pending.message}
      </p>
      <div className="dialog-actions">
        <button ref={cancelRef} type="button" className="button" data-answer="dismiss" onClick={() => pending.answer(false)}>
          {pending.cancelLabel}
        </button>
        <button type="button" className="button button-primary" data-answer="accept" onClick={() => pending.answer(true)}>
          {pending.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
