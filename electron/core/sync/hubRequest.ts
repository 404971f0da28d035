import http from 'node:http';
import https from 'node:https';
import type { HubConnection } from './syncPorts.ts';

/** How long one request to the hub may take before the hub counts as not answering. */
export const requestTimeoutMs = 10_000;

export interface HubResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/**
 * One request to the hub. `target` is relative to the database (`_all_docs?…`, a document id, '' for the database itself),
 * or absolute from the server's root when it starts with `/`. `auth: false` sends no password.
 */
export function hubRequest(hub: HubConnection, method: string, target: string, options: { body?: unknown; auth?: boolean } = {}): Promise<HubResponse> {
  const base = new URL(hub.dbUrl.endsWith('/') ? hub.dbUrl : `${hub.dbUrl}/`);
  const url = target === '' ? new URL(hub.dbUrl) : target.startsWith('/') ? new URL(target, base.origin) : new URL(target, base);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
  if (options.auth !== false) headers.authorization = hub.authorization;
  if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(url, { method, headers, agent: hub.agent, timeout: requestTimeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // Not JSON: whatever answered is not CouchDB; the caller tells.
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('hub request timed out'), { code: 'ETIMEDOUT' })));
    request.on('error', reject);
    request.end(payload);
  });
}
