import fs from 'node:fs';
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { openFileRequestSchema, saveFileRequestSchema } from '../../shared/contract/bridge.ts';
import { failureEnvelope as failure, type Envelope } from '../../shared/contract/envelope.ts';
import { filePurposes, type FileRef } from '../../shared/contract/files.ts';
import { limits } from '../../shared/contract/limits.ts';
import type { Logger } from '../core/log/logger.ts';
import type { Core, StoredFile } from '../core/types.ts';
import { extractZip } from '../core/files/pdfZip.ts';
import { shellMessages } from './shellMessages.ts';

export interface FileDialogs {
  openFile(window: BrowserWindow | undefined, request: unknown): Promise<Envelope<FileRef | null>>;
  saveFile(window: BrowserWindow | undefined, request: unknown): Promise<Envelope<{ saved: boolean }>>;
}


/** A path in the folder for this name that no file has yet: 「霧島中央クリニック（2）.pdf」 when taken. */
function freePathIn(folder: string, name: string): string {
  const extension = path.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  let candidate = path.join(folder, name);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(folder, `${stem}（${n}）${extension}`);
  return candidate;
}

function extensionOf(name: string): string {
  return path.extname(name).replace(/^\./, '');
}

/** Where the last file was opened or saved; kept between starts by the shell. */
export interface FolderMemory {
  get(): string | undefined;
  set(folder: string): void;
}

function memoryOnly(): FolderMemory {
  let folder: string | undefined;
  return { get: () => folder, set: (f) => void (folder = f) };
}

/**
 * The desktop's way of moving files in and out: system dialogs. Both answer with an envelope,
 * never a throw, and remember the last folder so a clerk saving several files is not sent back
 * to Documents each time.
 */
export function createFileDialogs(core: Pick<Core, 'files'>, log: Logger, folders: FolderMemory = memoryOnly()): FileDialogs {

  async function openFile(window: BrowserWindow | undefined, request: unknown): Promise<Envelope<FileRef | null>> {
    const parsed = openFileRequestSchema.safeParse(request);
    if (!parsed.success) return failure('BAD_REQUEST');
    const purpose = filePurposes[parsed.data.purpose];
    try {
      const options: Electron.OpenDialogOptions = {
        title: shellMessages.openFileTitle,
        properties: ['openFile'],
        filters: [{ name: purpose.label, extensions: [...purpose.extensions] }],
        ...(folders.get() ? { defaultPath: folders.get() } : {}),
      };
      const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const sourcePath = chosen.filePaths[0];
      if (chosen.canceled || !sourcePath) return { ok: true, result: null };
      folders.set(path.dirname(sourcePath));
      let size: number;
      try {
        size = (await fs.promises.stat(sourcePath)).size;
      } catch {
        return failure('FILE_NOT_FOUND');
      }
      if (size > limits.maxUploadBytes) return failure('PAYLOAD_TOO_LARGE');
      return { ok: true, result: await core.files.addFromPath(sourcePath, purpose.mime) };
    } catch (error) {
      log.error('open file failed', { purpose: parsed.data.purpose, error: String(error) });
      return failure('INTERNAL');
    }
  }

  /**
   * 医療機関ごとのPDF: the zip's PDFs written into a folder the user chooses, next to what is
   * there already (a name in use gets 「（2）」). The core hands one zip to both the preview
   * (a download) and the desktop, so the bytes the trail hashed are the bytes either one gets;
   * here the shell only unpacks them.
   */
  async function saveFolder(window: BrowserWindow | undefined, stored: StoredFile): Promise<Envelope<{ saved: boolean }>> {
    const options: Electron.OpenDialogOptions = {
      title: shellMessages.saveFolderTitle,
      buttonLabel: shellMessages.saveFolderButton,
      properties: ['openDirectory', 'createDirectory'],
      ...(folders.get() ? { defaultPath: folders.get() } : {}),
    };
    const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const folder = chosen.filePaths[0];
    if (chosen.canceled || !folder) return { ok: true, result: { saved: false } };
    folders.set(folder);
    try {
      await extractZip(stored.path, (name) => freePathIn(folder, name));
    } catch (error) {
      log.warn('save folder failed', { fileId: stored.ref.fileId, error: String(error) });
      return failure('FILE_WRITE_FAILED');
    }
    return { ok: true, result: { saved: true } };
  }

  async function saveFile(window: BrowserWindow | undefined, request: unknown): Promise<Envelope<{ saved: boolean }>> {
    const parsed = saveFileRequestSchema.safeParse(request);
    if (!parsed.success) return failure('BAD_REQUEST');
    const stored = core.files.get(parsed.data.fileId);
    if (!stored) return failure('FILE_NOT_FOUND', core.files.missingMessage(parsed.data.fileId));
    if (stored.ref.mime === 'application/zip') {
      try {
        return await saveFolder(window, stored);
      } catch (error) {
        log.error('save folder dialog failed', { fileId: stored.ref.fileId, error: String(error) });
        return failure('INTERNAL');
      }
    }
    try {
      const extension = extensionOf(stored.ref.name);
      const options: Electron.SaveDialogOptions = {
        title: shellMessages.saveFileTitle,
        defaultPath: folders.get() ? path.join(folders.get()!, stored.ref.name) : stored.ref.name,
        ...(extension ? { filters: [{ name: shellMessages.fileTypeLabel(extension), extensions: [extension] }] } : {}),
      };
      const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      // A copy of the whole data is handed out once, saved or not: the window asks for a new one.
      if (chosen.canceled || !chosen.filePath) {
        core.files.handedOut(stored.ref.fileId);
        return { ok: true, result: { saved: false } };
      }
      folders.set(path.dirname(chosen.filePath));
      try {
        await fs.promises.copyFile(stored.path, chosen.filePath);
      } catch (error) {
        // Typically the target is open in Excel (EBUSY on Windows) or the folder is read-only.
        log.warn('save file failed', { fileId: stored.ref.fileId, error: String(error) });
        core.files.handedOut(stored.ref.fileId);
        return failure('FILE_WRITE_FAILED');
      }
      core.files.handedOut(stored.ref.fileId);
      return { ok: true, result: { saved: true } };
    } catch (error) {
      log.error('save dialog failed', { fileId: stored.ref.fileId, error: String(error) });
      return failure('INTERNAL');
    }
  }

  return { openFile, saveFile };
}
