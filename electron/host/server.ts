import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Envelope } from '../../shared/contract/envelope.ts';
import { filePurposes, type FilePurpose } from '../../shared/contract/files.ts';
import { limits } from '../../shared/contract/limits.ts';
import { errorMessages, type ErrorCode } from '../../shared/messages/errors.ts';
import { contentSecurityPolicy } from '../../shared/security/csp.ts';
import type { Core } from '../core/types.ts';
import { statusForError } from './httpErrors.ts';
import { serveStatic } from './staticFiles.ts';

export interface HostOptions {
  core: Core;
  /** Folder of the built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

class HttpFailure extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string = errorMessages[code]) {
    super(message);
    this.code = code;
  }
}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(body));
}

function sendFailure(res: ServerResponse, code: ErrorCode, message: string = errorMessages[code]): void {
  // A refused body is not read, so the connection cannot be reused.
  const extra: Record<string, string> = code === 'PAYLOAD_TOO_LARGE' ? { Connection: 'close' } : {};
  sendJson(res, statusForError[code], { ok: false, error: { code, message } }, extra);
}

/** Reads a request body up to `max` bytes; more is refused with 413 before it is buffered. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) return Promise.reject(new HttpFailure('PAYLOAD_TOO_LARGE'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.pause();
        reject(new HttpFailure('PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The preview's transport: the same dispatch as the desktop IPC, over HTTP on 127.0.0.1 only.
 * Every API call must carry the per-start token; other origins and other Host names are refused.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { core, staticDir } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(`Bearer ${token}`);
  let port = 0;
  const sockets = new Set<Socket>();
  const eventStreams = new Set<ServerResponse>();

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const authorized = (req: IncomingMessage) => {
    const presented = Buffer.from(req.headers.authorization ?? '');
    return presented.length === tokenBytes.length && timingSafeEqual(presented, tokenBytes);
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, search: URLSearchParams) {
    const origin = req.headers.origin;
    if ((origin !== undefined && !allowedOrigins().has(origin)) || req.headers['sec-fetch-site'] === 'cross-site') {
      throw new HttpFailure('FORBIDDEN');
    }
    if (!authorized(req)) throw new HttpFailure('UNAUTHORIZED');

    const call = /^\/api\/call\/([A-Za-z0-9._-]{1,64})$/.exec(pathname);
    if (call && req.method === 'POST') {
      const body = await readBody(req, limits.maxCallBytes);
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        throw new HttpFailure('BAD_REQUEST');
      }
      const envelope = await core.dispatch(call[1]!, input);
      sendJson(res, envelope.ok ? 200 : statusForError[envelope.error.code], envelope);
      return;
    }
    if (pathname === '/api/events' && req.method === 'GET') {
      // Each open tab holds one stream; a page that opens them in a loop must not exhaust the host.
      if (eventStreams.size >= limits.maxEventStreams) throw new HttpFailure('TOO_MANY_WINDOWS');
      res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      eventStreams.add(res);
      const unsubscribe = core.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
        eventStreams.delete(res);
      });
      return;
    }
    if (pathname === '/api/files' && req.method === 'POST') {
      const purpose = search.get('purpose') ?? '';
      const name = search.get('name') ?? '';
      if (!Object.hasOwn(filePurposes, purpose) || name.length === 0 || name.length > 255) throw new HttpFailure('BAD_REQUEST');
      const bytes = await readBody(req, limits.maxUploadBytes);
      const ref = await core.files.addBytes(bytes, name, filePurposes[purpose as FilePurpose].mime);
      sendJson(res, 200, { ok: true, result: ref });
      return;
    }
    const download = /^\/api\/files\/([A-Za-z0-9_-]{8,64})$/.exec(pathname);
    if (download && req.method === 'GET') {
      const stored = core.files.get(download[1]!);
      if (!stored) throw new HttpFailure('FILE_NOT_FOUND', core.files.missingMessage(download[1]!));
      res.writeHead(200, {
        ...securityHeaders,
        'Content-Type': stored.ref.mime,
        'Content-Length': String(stored.ref.size),
        'Content-Disposition': `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(stored.ref.name)}`,
        'Cache-Control': 'no-store',
      });
      // A file removed while it is sent (the app closing) ends that response, not the host. A copy
      // of the whole data goes once sent (or once the sending failed: the window asks anew).
      await pipeline(fs.createReadStream(stored.path), res).catch(() => res.destroy());
      core.files.handedOut(stored.ref.fileId);
      return;
    }
    throw new HttpFailure(pathname.startsWith('/api/call/') ? 'UNKNOWN_CHANNEL' : 'NOT_FOUND');
  }

  const server = http.createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      // A page on another name resolving to 127.0.0.1 (DNS rebinding) must not reach the API.
      sendFailure(res, 'FORBIDDEN');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url.pathname, url.searchParams).catch((error: unknown) => {
        if (error instanceof HttpFailure) sendFailure(res, error.code, error.message);
        else sendFailure(res, 'INTERNAL');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendFailure(res, 'NOT_FOUND');
      return;
    }
    try {
      serveStatic(staticDir, req, res, securityHeaders);
    } catch {
      sendFailure(res, 'INTERNAL');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of eventStreams) stream.end();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
