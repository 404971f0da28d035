import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp.ts';
import { rendererMimeType } from '../core/files/rendererMimeTypes.ts';

/*
 * The window loads the renderer from app://renderer/ rather than file://. A file:// page shares
 * one opaque origin with every file on the disk, CSP 'self' and response headers do not apply to
 * it reliably, and its URL carries the install path (Japanese, spaces) into every origin check.
 * app://renderer is a real origin that serves dist/renderer and nothing else, with our headers.
 */
export const appScheme = 'app';
export const rendererHost = 'renderer';
export const rendererIndexUrl = `${appScheme}://${rendererHost}/index.html`;


/** Registers app:// as a standard, secure scheme; Electron accepts this only before 'ready'. */
export function registerAppScheme(): void {
  // No corsEnabled and no bypassCSP: other origins cannot read from it and our CSP still applies.
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** True for any URL on the renderer's own origin, app://renderer. */
export function isRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === rendererHost;
  } catch {
    return false;
  }
}

/** The file under rendererDir an app:// URL names, or null for anything outside it. */
export function resolveRendererFile(rendererDir: string, url: string): string | null {
  if (!isRendererUrl(url)) return null;
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const relative = urlPath === '/' || urlPath === '' ? 'index.html' : urlPath.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Answers one app:// request from the built renderer, with the window's security headers. */
export async function serveRendererRequest(rendererDir: string, request: Request): Promise<Response> {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers });
  }
  const file = resolveRendererFile(rendererDir, request.url);
  let bytes: Buffer | undefined;
  try {
    if (file) bytes = await fs.promises.readFile(file);
  } catch {
    bytes = undefined;
  }
  if (!file || !bytes) {
    return new Response('見つかりません', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const contentType = rendererMimeType(file);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
    status: 200,
    headers: { ...headers, 'Content-Type': contentType },
  });
}

/** Serves dist/renderer on app://renderer/ for the default session. */
export function installAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, (request) => serveRendererRequest(rendererDir, request));
}
