import { useEffect, useRef } from 'react';
import { joinCombineMessages as m } from '../../../../shared/messages/joinCombineMessages.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { formatNumber } from '../../format/formatNumber.ts';

interface JoinCombineConfirmProps {
  merging: number;
  leftApart: number;
  sameNumberApart: number;
  busy: boolean;
  error: string | null;
  onConfirm(): void;
  onCancel(): void;
}

/** The last word before joining with records on both sides: what will happen, in plain Japanese. */
export function JoinCombineConfirm({ merging, leftApart, sameNumberApart, busy, error, onConfirm, onCancel }: JoinCombineConfirmProps) {
  const lead = useRef<HTMLParagraphElement>(null);
  // Read from the first line: a second Enter must not join unread.
  useEffect(() => lead.current?.focus(), []);
  return (
    <ModalDialog title={m.confirmTitle} onRequestClose={() => !busy && onCancel()}>
      <p ref={lead} tabIndex={-1}>
        {m.confirmBackup}
      </p>
      <ul className="join-confirm-points">
        <li>{merging > 0 ? m.confirmMerge(formatNumber(merging)) : m.confirmNoMerge}</li>
        {leftApart > 0 && <li>{m.confirmUnticked(formatNumber(leftApart))}</li>}
        {sameNumberApart > 0 && <li className="join-apart-note">{m.confirmSameMemberNumber(formatNumber(sameNumberApart))}</li>}
        <li>{m.confirmInquiries}</li>
        <li>{m.confirmDuration}</li>
      </ul>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} aria-busy={busy} onClick={onConfirm}>
          {busy ? m.joining : m.joinButton}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {m.confirmCancel}
        </button>
      </div>
    </ModalDialog>
  );
}
