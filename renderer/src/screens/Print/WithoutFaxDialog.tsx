import { useEffect, useRef } from 'react';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { formatCount } from '../../format/formatNumber.ts';
import { useMailingFaxStore } from '../../stores/mailingFaxStore.ts';

/**
 * Before a FAX mailing is made: the chosen clinics that have no FAX number, by name, with the
 * choice to leave them out or post to them (recorded as 郵送). やめる is focused: Enter alone
 * makes nothing.
 */
export function WithoutFaxDialog() {
  const pending = useMailingFaxStore((s) => s.withoutFax);
  const decide = useMailingFaxStore((s) => s.decide);
  const dismiss = useMailingFaxStore((s) => s.dismiss);
  const safeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) safeRef.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const n = formatCount(pending.items.length);
  return (
    <ModalDialog title="FAX番号のない医療機関があります" onRequestClose={dismiss} className="without-fax-dialog" alert>
      <p id="without-fax-message">
        選んだうち{n}はFAX番号が登録されていないため、FAXでは送れません。この{n}をどうしますか？
      </p>
      <ul className="without-fax-list" aria-label="FAX番号のない医療機関">
        {pending.items.map((clinic) => (
          <li key={clinic.id}>{clinic.name}</li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button ref={safeRef} type="button" className="button" onClick={dismiss}>
          やめる
        </button>
        <button type="button" className="button" onClick={() => decide('leaveOut')}>
          除いて作成
        </button>
        <button type="button" className="button button-primary" onClick={() => decide('post')}>
          郵送に回す
        </button>
      </div>
      <p className="field-hint">「郵送に回す」を選ぶと、この{n}も同じPDFに入り、送付の記録は「郵送」になります。</p>
    </ModalDialog>
  );
}
