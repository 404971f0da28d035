import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** Enter and Esc belong to the IME while it converts text (keyCode 229 covers older engines). */
export function isComposing(e: KeyboardEvent): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

interface ModalDialogProps {
  title: string;
  /** Esc, or any other close request; the owner decides (e.g. asks about unsaved input). */
  onRequestClose: () => void;
  className?: string;
  /** Whether the dialog is about something going wrong (read out as an alert dialog). */
  alert?: boolean;
  children: ReactNode;
}

/**
 * A modal dialog with a visible title. Esc asks the owner to close it, except while the IME is
 * composing; an Esc handled here never reaches a dialog underneath.
 */
export function ModalDialog({ title, onRequestClose, className, alert, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The latest handler, without reopening the dialog when the owner re-renders.
  const requestClose = useRef(onRequestClose);
  useEffect(() => {
    requestClose.current = onRequestClose;
  }, [onRequestClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Whatever had focus before (a list row, a button) gets it back when the dialog goes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={alert ? 'alertdialog' : undefined}
      className={className ? `form-dialog ${className}` : 'form-dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // The browser would close the dialog on its own; the owner decides instead.
        e.preventDefault();
        requestClose.current();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || isComposing(e)) return;
        e.preventDefault();
        e.stopPropagation();
        requestClose.current();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
