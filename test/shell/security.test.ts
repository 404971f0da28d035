import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, FakeWebContents, resetFakeElectron, type FakeSession } from './fakeElectron.ts';
import { contentSecurityPolicy } from '../../shared/security/csp.ts';
import { installSessionSecurity, installWindowSecurity } from '../../electron/shell/security.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);


function navigate(contents: FakeWebContents, url: string) {
  const event = { url, preventDefault: vi.fn() };
  contents.emit('will-navigate', event);
  return event;
}

describe('session security', () => {
  let session: FakeSession;
  beforeEach(() => {
    resetFakeElectron();
    session = fakeElectron.session.defaultSession;
    installSessionSecurity(session as never);
  });

  it('puts our Content-Security-Policy on every response, replacing one the response brought', () => {
    const callback = vi.fn();
    session.headersListener?.(
      { responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval' *"], 'Content-Type': ['text/html'] } } as never,
      callback as never,
    );
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('the policy allows no remote origin and no eval', () => {
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'display-capture'])('refuses the %s permission', (permission) => {
    const callback = vi.fn();
    session.permissionRequestHandler?.(...([{}, permission, callback, {}] as never[]));
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler?.(...([{}, permission, 'app://renderer', {}] as never[]))).toBe(false);
  });

  it.each(['fullscreen', 'clipboard-sanitized-write'])('grants the %s permission', (permission) => {
    const callback = vi.fn();
    session.permissionRequestHandler?.(...([{}, permission, callback, {}] as never[]));
    expect(callback).toHaveBeenCalledWith(true);
    expect(session.permissionCheckHandler?.(...([{}, permission, 'app://renderer', {}] as never[]))).toBe(true);
  });

  it('refuses every USB, HID or serial device', () => {
    expect(session.devicePermissionHandler?.(...([{ deviceType: 'usb' }] as never[]))).toBe(false);
  });
});

describe('window security', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    resetFakeElectron();
    contents = new FakeWebContents();
    installWindowSecurity(contents as never);
  });

  it('stays on a remote page link: navigation is prevented and the page opens in the browser', () => {
    const event = navigate(contents, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('never navigates to or opens a local file', () => {
    const event = navigate(contents, 'file:///etc/passwd');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('lets the renderer reload its own page', () => {
    const event = navigate(contents, 'app://renderer/index.html');
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each(['https://www.med.or.jp/', 'http://example.com/page'])('window.open of %s is denied and goes to the browser', (url) => {
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledWith(url);
  });

  it.each(['javascript:alert(1)', 'file:///C:/Windows/System32/calc.exe', 'app://renderer/index.html', 'smb://server/share', 'not a url'])(
    'window.open of %s is denied and opens nothing',
    (url) => {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
      expect(fakeElectron.shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('refuses to attach a webview', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
