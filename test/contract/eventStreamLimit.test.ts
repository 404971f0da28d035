import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { limits } from '../../shared/contract/limits.ts';
import { errorMessages } from '../../shared/messages/errors.ts';
import { authHeader, startTestHost, type TestHost } from '../helpers/testHost.ts';

/** Opens the host's event stream; resolves with the status and, for a refusal, its body. */
function openStream(t: TestHost): Promise<{ status: number; body: string; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: t.host.port, path: '/api/events', headers: authHeader(t) });
    req.on('response', (res) => {
      if (res.statusCode === 200) {
        resolve({ status: 200, body: '', close: () => req.destroy() });
        return;
      }
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, close: () => req.destroy() }));
    });
    req.on('error', reject);
  });
}

describe('the preview host keeps a few event streams, not any number', () => {
  it('refuses a stream past the limit with a Japanese reason, and takes one again when a tab closes', async () => {
    const t = await startTestHost();
    const open = [];
    for (let i = 0; i < limits.maxEventStreams; i++) open.push(await openStream(t));
    expect(open.map((s) => s.status)).toEqual(Array(limits.maxEventStreams).fill(200));

    const refused = await openStream(t);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({ ok: false, error: { code: 'TOO_MANY_WINDOWS', message: errorMessages.TOO_MANY_WINDOWS } });

    open.pop()!.close();
    let again = await openStream(t);
    // The host sees the closed tab go when its socket closes, a moment after ours.
    for (let i = 0; i < 100 && again.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 20));
      again = await openStream(t);
    }
    expect(again.status).toBe(200);
    for (const stream of [...open, again]) stream.close();
  });
});
