import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fakeElectron.ts';
import { contentSecurityPolicy } from '../../shared/security/csp.ts';
import {
  installAppProtocol,
  registerAppScheme,
  rendererIndexUrl,
  serveRendererRequest,
} from '../../electron/shell/appProtocol.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

let base: string;
let rendererDir: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-app-protocol-'));
  rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>窓口</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
beforeEach(resetFakeElectron);

const get = (url: string, method = 'GET') => serveRendererRequest(rendererDir, new Request(url, { method }));

describe('the app:// protocol', () => {
  it('serves the renderer page with our CSP', async () => {
    const response = await get(rendererIndexUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('窓口');
  });

  it('serves the bundled scripts as JavaScript', async () => {
    const response = await get('app://renderer/assets/index-abc.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each(['app://renderer/..%2fsecret.txt', 'app://renderer/%2e%2e/secret.txt', 'app://renderer/assets/..%2f..%2fsecret.txt'])(
    'never serves a file outside the renderer folder (%s)',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
    },
  );

  it('answers another host or a missing file with 404', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://renderer/missing.js')).status).toBe(404);
  });

  it('accepts only reads', async () => {
    expect((await get(rendererIndexUrl, 'POST')).status).toBe(405);
  });

  it('registers app as a standard secure scheme without CSP bypass or cross-origin reads', () => {
    registerAppScheme();
    const [schemes] = fakeElectron.protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(schemes[0]?.privileges.bypassCSP).toBeFalsy();
    expect(schemes[0]?.privileges.corsEnabled).toBeFalsy();
  });

  it('is installed as the handler of app://', async () => {
    installAppProtocol(rendererDir);
    const [scheme, handler] = fakeElectron.protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await handler(new Request(rendererIndexUrl))).status).toBe(200);
  });
});
