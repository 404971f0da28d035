import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rendererMimeType } from '../core/files/rendererMimeTypes.ts';


/** Serves the built renderer; anything outside its folder is a 404, never a file elsewhere. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    // A malformed escape (%E0%A4%A) is a bad request, never a crash of the host.
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('不正なアドレスです');
    return;
  }
  const relative = urlPath === '/' ? 'index.html' : urlPath.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('見つかりません');
    return;
  }
  const isIndex = relative === 'index.html';
  res.writeHead(200, {
    ...headers,
    'Content-Type': rendererMimeType(file),
    'Cache-Control': isIndex ? 'no-store' : 'max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  pipeline(fs.createReadStream(file), res).catch(() => res.destroy());
}
