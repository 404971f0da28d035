import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileStore, fileIdleMs } from '../../electron/core/files/fileStore.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('files held for the window', () => {
  afterEach(() => void vi.useRealTimers());

  it('go on their own once unused for the idle time, even when nothing new is added', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let at = new Date('2026-12-03T01:00:00Z').getTime();
    const files = new FileStore(path.join(tempDir(), 'tmp', 'files'), { now: () => new Date(at) });
    try {
      const pdf = await files.addBytes(Buffer.from('%PDF-1.7'), '見積書.pdf', 'application/pdf', 'whileUsed');
      at += fileIdleMs - 1;
      vi.advanceTimersByTime(fileIdleMs);
      expect(fs.readdirSync(files.dir)).toEqual([pdf.fileId]);
      at += 2;
      vi.advanceTimersByTime(fileIdleMs);
      expect(fs.readdirSync(files.dir)).toEqual([]);
      expect(files.get(pdf.fileId)).toBeUndefined();
    } finally {
      files.clear();
    }
  });

  it('a file still being used is not swept away', async () => {
    let at = new Date('2026-12-03T01:00:00Z').getTime();
    const files = new FileStore(path.join(tempDir(), 'tmp', 'files'), { now: () => new Date(at) });
    try {
      const pdf = await files.addBytes(Buffer.from('%PDF-1.7'), '見積書.pdf', 'application/pdf', 'whileUsed');
      for (let i = 0; i < 5; i++) {
        at += fileIdleMs / 2;
        expect(files.get(pdf.fileId)?.ref.name).toBe('見積書.pdf');
        files.sweep();
      }
      expect(fs.readdirSync(files.dir)).toEqual([pdf.fileId]);
    } finally {
      files.clear();
    }
  });
});
