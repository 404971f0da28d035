import type { RunningPreview } from './startPreview.ts';

/** Uploads a file to the running host as the browser would, and returns its file id. */
export async function uploadToPreview(preview: RunningPreview, name: string, bytes: Buffer | string, purpose = 'contentFile'): Promise<string> {
  const response = await fetch(`${preview.origin}/api/files?purpose=${purpose}&name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${preview.token}`, 'Content-Type': 'application/octet-stream' },
    body: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : new Uint8Array(bytes),
  });
  const envelope = (await response.json()) as { ok: true; result: { fileId: string } } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`upload of ${name} failed: ${envelope.error.message}`);
  return envelope.result.fileId;
}

/** The bytes of a file the host made (a template, an export). */
export async function downloadFromPreview(preview: RunningPreview, fileId: string): Promise<Buffer> {
  const response = await fetch(`${preview.origin}/api/files/${fileId}`, { headers: { Authorization: `Bearer ${preview.token}` } });
  if (!response.ok) throw new Error(`download of ${fileId} failed: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
