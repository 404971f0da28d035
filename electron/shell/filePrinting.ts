import fs from 'node:fs';
import path from 'node:path';
import { shell } from 'electron';
import { printFileRequestSchema } from '../../shared/contract/bridge.ts';
import { failureEnvelope as failure, type Envelope } from '../../shared/contract/envelope.ts';
import type { Logger } from '../core/log/logger.ts';
import type { Core } from '../core/types.ts';
import { removeOldPrintCopies } from '../core/files/oldPrintCopies.ts';

/**
 * 「印刷」 on the desktop: the PDF opens in the system's default PDF viewer, whose print dialog
 * knows the counter's printers and FAX drivers. A copy under its Japanese name is opened (the
 * viewer shows that name and prints it in the header), in `tmp/print/`, where copies older than
 * an hour are removed at start and at each print (the viewer may still hold a younger one open).
 */
export function createFilePrinting(core: Pick<Core, 'dataDir' | 'files'>, log: Logger, now: () => Date = () => new Date()) {
  const printDir = path.join(core.dataDir, 'tmp', 'print');
  removeOldPrintCopies(printDir, now());

  return async function printFile(request: unknown): Promise<Envelope<{ opened: boolean }>> {
    const parsed = printFileRequestSchema.safeParse(request);
    if (!parsed.success) return failure('BAD_REQUEST');
    removeOldPrintCopies(printDir, now());
    const stored = core.files.get(parsed.data.fileId);
    if (!stored) return failure('FILE_NOT_FOUND', core.files.missingMessage(parsed.data.fileId));
    if (stored.ref.mime !== 'application/pdf') return failure('BAD_REQUEST');
    try {
      const folder = path.join(printDir, stored.ref.fileId);
      await fs.promises.mkdir(folder, { recursive: true });
      const copy = path.join(folder, stored.ref.name);
      await fs.promises.copyFile(stored.path, copy);
      // openPath answers with an error string, empty on success (e.g. no PDF viewer installed).
      const problem = await shell.openPath(copy);
      if (problem) {
        log.warn('open pdf for printing failed', { fileId: stored.ref.fileId, error: problem });
        return failure('UNAVAILABLE', 'PDFを開くアプリが見つかりませんでした。「PDFを保存」で保存してから印刷してください。');
      }
      return { ok: true, result: { opened: true } };
    } catch (error) {
      log.error('print file failed', { fileId: stored.ref.fileId, error: String(error) });
      return failure('FILE_WRITE_FAILED');
    }
  };
}
