import { useState } from 'react';
import type { DocumentOutput } from '../../../shared/documents/documentOutput.ts';
import type { ShowOutputResult } from '../../../shared/documents/documentTrail.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { call, readFile, saveFile } from '../api/client.ts';
import { PdfPreview } from '../screens/Print/PdfPreview.tsx';

type Shown = { result: ShowOutputResult; bytes: Uint8Array };

/**
 * 「送付した書類を表示」 for one output: the PDF as kept (or a mailing made again from its inputs),
 * and in plain words whether it is the one recorded when it was made (its SHA-256).
 */
export function SentOutputViewer({ output }: { output: DocumentOutput }) {
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('documents.show', { outputId: output.id });
      setShown({ result, bytes: await readFile(result.file) });
    } catch (e) {
      setError(errorMessageOf(e, '書類を表示できませんでした。もう一度お試しください。'));
    } finally {
      setBusy(false);
    }
  };

  if (!output.canShow) return null;
  return (
    <div className="sent-output">
      <div className="actions">
        <button type="button" className="button button-small" onClick={() => (shown ? setShown(null) : void show())} disabled={busy}>
          {busy ? '確かめています…' : shown ? '表示を閉じる' : '送付した書類を表示'}
        </button>
        {shown && (
          <button type="button" className="button button-small" onClick={() => void saveFile(shown.result.file)}>
            このPDFを保存
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {shown && (
        <>
          <p role="status" className={`message ${shown.result.matches ? 'message-success' : 'message-error'}`}>
            {shown.result.message}
            {shown.result.source === 'remade' && '（一括送付の書類は、記録した内容から作り直して確かめました）'}
          </p>
          <PdfPreview bytes={shown.bytes} title={`${shown.result.file.name} のプレビュー`} />
        </>
      )}
    </div>
  );
}
