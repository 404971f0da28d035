import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Handover } from '../../../../shared/domain/importantMatters.ts';
import { importantMattersMessages as m } from '../../../../shared/messages/importantMattersMessages.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { call, runJob, saveFile } from '../../api/client.ts';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';
import { queries } from '../../query/queries.ts';
import { useContent } from '../../query/useSharedReads.ts';
import { HandoverForm } from './HandoverForm.tsx';
import { HandoverWithdraw } from './HandoverWithdraw.tsx';

/** 「山田 花子」, or a note that nobody was chosen at the counter. */
const actorName = (actor: Handover['actor']) => actor?.name ?? m.nobody;

/**
 * 重要事項説明書の交付 on an inquiry (保険業法294条): what was handed over, which version, how and
 * by whom; recording a handover; printing the insurer's document for this inquiry.
 */
export function ImportantMattersSection({ inquiryId, clinicId }: { inquiryId: string; clinicId: string }) {
  const headingId = useId();
  const listed = useQuery(queries.importantMatters(inquiryId));
  const { importantMatters } = useContent();
  const style = useDateStyle();
  const [formOpen, setFormOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const items = listed.data?.items ?? [];
  const loadError = listed.error ? errorMessageOf(listed.error, '交付の記録を読み込めませんでした。') : null;

  const print = async () => {
    setPrinting(true);
    setMessage(null);
    try {
      const made = await runJob('documents.render', { documents: ['importantMatters'], inquiryId, clinicIds: [clinicId] }, {});
      if (!(await saveFile(made.file))) return;
      await call('documents.recordOutput', { fileId: made.file.fileId, action: 'saved' });
      setMessage({ kind: 'success', text: `${made.file.name} を保存しました。渡したら「${m.record}」で記録してください。` });
      setFormOpen(true);
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessageOf(error, '重要事項説明書のPDFを作れませんでした。') });
    } finally {
      setPrinting(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="detail-section">
      <h3 id={headingId} className="section-title">
        {m.title}
      </h3>
      {loadError && (
        <p role="alert" className="message message-error">
          {loadError}
        </p>
      )}
      {items.length === 0 && !loadError ? (
        <p className="text-muted">{m.none}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{m.title}の記録</caption>
            <thead>
              <tr>
                <th scope="col">{m.handedOn}</th>
                <th scope="col">{m.version}</th>
                <th scope="col">{m.method}</th>
                <th scope="col">{m.who}</th>
                <th scope="col">
                  <span className="visually-hidden">{m.withdraw}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((h) => (
                <tr key={h.id} className={h.withdrawal ? 'text-muted' : undefined}>
                  <td>
                    {h.withdrawal ? <s>{formatDate(h.handedOn, style)}</s> : formatDate(h.handedOn, style)}
                    {h.withdrawal && <div>{m.withdrawnBecause(h.withdrawal.reason)}</div>}
                  </td>
                  <td>
                    {h.docCode} {formatDate(h.docDate, style)}
                  </td>
                  <td>{m.methodLabels[h.method]}</td>
                  <td>{actorName(h.actor)}</td>
                  <td>
                    <HandoverWithdraw handover={h} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!importantMatters && <p className="field-hint">{m.packHasNone}</p>}
      {formOpen ? (
        <HandoverForm
          inquiryId={inquiryId}
          version={importantMatters}
          onDone={(recorded) => {
            setFormOpen(false);
            if (recorded) setMessage({ kind: 'success', text: m.recorded });
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setFormOpen(true)}>
            {m.record}
          </button>
          <button type="button" className="button" onClick={() => void print()} disabled={!importantMatters || printing}>
            {printing ? 'PDFを作っています…' : m.print}
          </button>
        </div>
      )}
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
    </section>
  );
}
