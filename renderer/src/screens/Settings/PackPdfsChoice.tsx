import type { PackPdf } from '../../../../shared/content/contentImport.ts';
import { useContentImportStore } from '../../stores/contentImportStore.ts';

/**
 * The insurer's PDFs a chosen pack names (its flyer, its important-matters document): each is
 * chosen here and checked against the pack before anything is installed; the pack goes in only
 * with all of them.
 */
export function PackPdfsChoice({ pdfs }: { pdfs: readonly PackPdf[] }) {
  const busy = useContentImportStore((s) => s.busy);
  const addPackPdf = useContentImportStore((s) => s.addPackPdf);
  if (pdfs.length === 0) return null;
  const missing = pdfs.some((p) => p.problem !== null);
  return (
    <div className="pack-pdfs" role="group" aria-labelledby="pack-pdfs-heading">
      <h4 id="pack-pdfs-heading">内容パックと一緒に入れるPDF</h4>
      <ul>
        {pdfs.map((pdf) => (
          <li key={`${pdf.role}-${pdf.file}`}>
            {pdf.label}（{pdf.file}）：
            {pdf.problem ? (
              <span className="field-error">{pdf.problem}</span>
            ) : pdf.chosen ? (
              <span>照合できました（{pdf.chosen}）</span>
            ) : (
              <span>以前に入れたものと同じです</span>
            )}
          </li>
        ))}
      </ul>
      {missing && (
        <button type="button" className="button" disabled={busy} onClick={() => void addPackPdf()}>
          PDFを選ぶ
        </button>
      )}
    </div>
  );
}
