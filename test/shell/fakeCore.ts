/**
 * A Core for shell tests: the shell's boundary, not code under test. It records dispatches,
 * holds files in a map, and lets a test push events.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { vi } from 'vitest';
import type { Envelope } from '../../shared/contract/envelope.ts';
import type { ContractEvent } from '../../shared/contract/events.ts';
import type { FileRef } from '../../shared/contract/files.ts';
import type { Core, StoredFile } from '../../electron/core/types.ts';

export interface FakeCore extends Core {
  emit(event: ContractEvent): void;
  stored: Map<string, StoredFile>;
  dispatch: ReturnType<typeof vi.fn<(channel: string, input: unknown) => Promise<Envelope<unknown>>>>;
  close: ReturnType<typeof vi.fn<() => Promise<void>>>;
}

export function createFakeCore(dataDir = '/tmp/fake-core'): FakeCore {
  const events = new EventEmitter();
  const stored = new Map<string, StoredFile>();
  let next = 0;
  const adopt = (filePath: string, name: string, mime: string, size: number): FileRef => {
    const ref = { fileId: `file-${String(++next).padStart(8, '0')}`, name, mime, size };
    stored.set(ref.fileId, { ref, path: filePath });
    return ref;
  };
  return {
    dataDir,
    dbPath: path.join(dataDir, 'test.sqlite3'),
    stored,
    dispatch: vi.fn(async (channel: string, input: unknown): Promise<Envelope<unknown>> => ({ ok: true, result: { channel, input } })),
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    emit: (event) => events.emit('event', event),
    files: {
      addFromPath: vi.fn(async (sourcePath: string, mime: string) => adopt(sourcePath, path.basename(sourcePath), mime, 0)),
      addBytes: vi.fn(async (bytes: Uint8Array, name: string, mime: string) => adopt(`/nowhere/${name}`, name, mime, bytes.length)),
      get: (fileId: string) => stored.get(fileId),
      missingMessage: () => undefined,
      handedOut: vi.fn(),
    },
    close: vi.fn(async () => undefined),
  };
}
