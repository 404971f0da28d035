import { shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp.ts';
import { isRendererUrl } from './appProtocol.ts';

/*
 * Full screen for the counter display; sanitized clipboard writes so a clerk can copy a phone
 * number or a clinic name. Camera, microphone, location, notifications and the rest have no use
 * here, so the window never gets to ask for them.
 */
const allowedPermissions: ReadonlySet<string> = new Set(['fullscreen', 'clipboard-sanitized-write']);

/** Whether the window may use a web permission. */
export function isPermissionAllowed(permission: string): boolean {
  return allowedPermissions.has(permission);
}

/** Only web pages go to the system browser; file:, javascript:, custom schemes never do. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Opens a web link in the system browser; anything else is ignored. */
export function openExternalSafely(url: string): void {
  if (isExternalWebUrl(url)) void shell.openExternal(url).catch(() => undefined);
}

/** Response headers with our Content-Security-Policy replacing whatever came with the response. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy];
  return result;
}

/** CSP on every response and a closed list of permissions, for the session the window uses. */
export function installSessionSecurity(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  session.setDevicePermissionHandler(() => false);
}

/** Keeps the window on the renderer: links to the web open in the browser, nothing opens inside. */
export function installWindowSecurity(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isRendererUrl(event.url)) return;
    event.preventDefault();
    openExternalSafely(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
