import { useState } from 'react';
import { errorMessageOf } from '../api/ApiError.ts';
import { call, saveFile } from '../api/client.ts';

type Subject = { clinicId: string } | { inquiryId: string };

/** 監査用に書き出す: the trail of documents given, as CSV (UTF-8, for Excel) or an Excel book. */
export function TrailExportButtons({ subject }: { subject: Subject }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setMessage(null);
    try {
      const { file, rows } = await call('documents.exportTrail', { ...subject, format });
      if (await saveFile(file)) setMessage({ text: `${file.name} を保存しました（${rows}件）。`, error: false });
    } catch (e) {
      setMessage({ text: errorMessageOf(e, '書き出せませんでした。もう一度お試しください。'), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="trail-export">
      <div className="actions">
        <button type="button" className="button button-small" onClick={() => void exportAs('csv')} disabled={busy}>
          送付の記録をCSVで書き出す
        </button>
        <button type="button" className="button button-small" onClick={() => void exportAs('xlsx')} disabled={busy}>
          Excelで書き出す
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={`message ${message.error ? 'message-error' : 'message-success'}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
