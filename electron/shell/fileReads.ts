import fs from 'node:fs';
import { readFileRequestSchema } from '../../shared/contract/bridge.ts';
import { failureEnvelope as failure, type Envelope } from '../../shared/contract/envelope.ts';
import { limits } from '../../shared/contract/limits.ts';
import type { Core } from '../core/types.ts';


/** Hands the window the bytes of a file the core made (for the PDF preview); nothing else is readable. */
export async function readStoredFile(core: Core, request: unknown): Promise<Envelope<Uint8Array>> {
  const parsed = readFileRequestSchema.safeParse(request);
  if (!parsed.success) return failure('BAD_REQUEST');
  const stored = core.files.get(parsed.data.fileId);
  if (!stored) return failure('FILE_NOT_FOUND', core.files.missingMessage(parsed.data.fileId));
  if (stored.ref.size > limits.maxReadBytes) return failure('PAYLOAD_TOO_LARGE');
  return { ok: true, result: new Uint8Array(await fs.promises.readFile(stored.path)) };
}
