import type { ContractBridge } from '../../../shared/contract/bridge.ts';
import { envelopeSchema, type AppErrorBody, type Envelope } from '../../../shared/contract/envelope.ts';
import { contractEventSchema, type ContractEvent } from '../../../shared/contract/events.ts';
import { filePurposes, fileRefSchema, type FilePurpose, type FileRef } from '../../../shared/contract/files.ts';
import { limits } from '../../../shared/contract/limits.ts';
import { errorMessages, type ErrorCode } from '../../../shared/messages/errors.ts';
import { formatBytes } from '../format/formatNumber.ts';
import { readSessionToken } from './sessionToken.ts';
import { transportMessages } from './transportMessages.ts';

/** A pause before reconnecting the event stream, so a stopped host is not hammered. */
const reconnectDelayMs = 1500;

function failure(code: ErrorCode, message: string = errorMessages[code]): { ok: false; error: AppErrorBody } {
  return { ok: false, error: { code, message } };
}

function authHeaders(): Record<string, string> | null {
  const token = readSessionToken();
  return token ? { Authorization: `Bearer ${token}` } : null;
}

/** Reads an envelope from any response: the host sends one for 4xx/5xx too. */
async function readEnvelope(response: Response): Promise<Envelope<unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure('INTERNAL', transportMessages.badResponse);
  }
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return failure('INTERNAL', transportMessages.badResponse);
  return parsed.data as Envelope<unknown>;
}

async function send(path: string, init: RequestInit): Promise<Response | Envelope<never>> {
  const headers = authHeaders();
  if (!headers) return failure('UNAUTHORIZED', transportMessages.missingToken);
  try {
    return await fetch(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return failure('UNAVAILABLE');
  }
}

/** Parses RFC 6266 filename* (UTF-8, what the host sends for Japanese names) or plain filename. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name || null;
}

/** Lets the user pick one file with a hidden input; resolves null when the picker is dismissed. */
function pickFile(purpose: FilePurpose): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filePurposes[purpose].extensions.map((ext) => `.${ext}`).join(',');
    input.hidden = true;
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    // Chromium fires 'cancel' only for inputs that are in the document.
    document.body.append(input);
    input.click();
  });
}

type Listener = (event: ContractEvent) => void;

/**
 * One event stream shared by all listeners. EventSource cannot send an Authorization header,
 * so this reads the text/event-stream with fetch and reconnects after errors.
 */
function createEventStream() {
  const listeners = new Set<Listener>();
  const reconnectListeners = new Set<() => void>();
  let controller: AbortController | null = null;
  // Set when a stream attempt ended (dropped or refused): the next successful open is a reconnect.
  let interrupted = false;

  const dispatch = (data: string) => {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = contractEventSchema.safeParse(json);
    if (!parsed.success) return;
    for (const listener of [...listeners]) listener(parsed.data);
  };

  const readStream = async (signal: AbortSignal) => {
    const headers = authHeaders();
    if (!headers) return;
    const response = await fetch('/api/events', { headers: { ...headers, Accept: 'text/event-stream' }, signal });
    if (!response.ok || !response.body) throw new Error(`event stream status ${response.status}`);
    // Events sent while the stream was down are lost: whoever keeps data fresh reads it all again.
    if (interrupted) for (const listener of [...reconnectListeners]) listener();
    interrupted = false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let boundary = buffer.indexOf('\n\n');
      while (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (data) dispatch(data);
        boundary = buffer.indexOf('\n\n');
      }
    }
  };

  const run = async (signal: AbortSignal) => {
    while (!signal.aborted) {
      try {
        await readStream(signal);
      } catch {
        // Network errors and host restarts end up here; the loop reconnects after a pause.
      }
      interrupted = true;
      if (signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs));
    }
  };

  return {
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      if (!controller) {
        controller = new AbortController();
        void run(controller.signal);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && controller) {
          controller.abort();
          controller = null;
          interrupted = false;
        }
      };
    },
    onReconnect(listener: () => void): () => void {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}

/** The browser preview's bridge also says when its event stream has reconnected. */
export interface HttpBridge extends ContractBridge {
  onReconnect(listener: () => void): () => void;
}

/** The ContractBridge of the browser preview: the same contract over the local HTTP host. */
export function createHttpBridge(): HttpBridge {
  const events = createEventStream();

  return {
    onReconnect(listener) {
      return events.onReconnect(listener);
    },

    async call(channel, input) {
      const response = await send(`/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return response instanceof Response ? readEnvelope(response) : response;
    },

    onEvent(listener) {
      return events.subscribe(listener);
    },

    async openFile({ purpose }) {
      const file = await pickFile(purpose);
      if (!file) return { ok: true, result: null };
      if (file.size > limits.maxUploadBytes) {
        return failure('PAYLOAD_TOO_LARGE', transportMessages.fileTooLarge(formatBytes(limits.maxUploadBytes)));
      }
      const query = `name=${encodeURIComponent(file.name)}&purpose=${encodeURIComponent(purpose)}`;
      const response = await send(`/api/files?${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      if (!(response instanceof Response)) return response;
      const envelope = await readEnvelope(response);
      if (!envelope.ok) return envelope;
      const ref = fileRefSchema.safeParse(envelope.result);
      return ref.success
        ? { ok: true, result: ref.data satisfies FileRef }
        : failure('INTERNAL', transportMessages.badResponse);
    },

    async saveFile({ fileId }) {
      const response = await send(`/api/files/${encodeURIComponent(fileId)}`, { method: 'GET' });
      if (!(response instanceof Response)) return response;
      if (!response.ok) {
        const envelope = await readEnvelope(response);
        return envelope.ok ? failure('INTERNAL', transportMessages.downloadFailed) : envelope;
      }
      let blob: Blob;
      try {
        blob = await response.blob();
      } catch {
        return failure('INTERNAL', transportMessages.downloadFailed);
      }
      const name = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? 'download';
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has taken its own reference by the next task; revoking now would be too early.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { ok: true, result: { saved: true } };
    },

    async readFile({ fileId }) {
      const response = await send(`/api/files/${encodeURIComponent(fileId)}`, { method: 'GET' });
      if (!(response instanceof Response)) return response;
      if (!response.ok) {
        const envelope = await readEnvelope(response);
        return envelope.ok ? failure('INTERNAL', transportMessages.downloadFailed) : envelope;
      }
      try {
        return { ok: true, result: new Uint8Array(await response.arrayBuffer()) };
      } catch {
        return failure('INTERNAL', transportMessages.downloadFailed);
      }
    },
  };
}
