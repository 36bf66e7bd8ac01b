// Electron's security checklist for the shell: app content from a privileged
// custom scheme (never file://), navigation and new windows denied, permissions
// refused, nothing remote loaded, IPC only from our own page.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { protocol, session, shell } from 'electron';
import type { WebContents, WebFrameMain } from 'electron';
import { CSP } from '../web.js';

/** App content is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'scholia-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function isAppUrl(url: string): boolean {
  try {
    // Not URL.origin: Node's URL parser does not know scholia-app is a standard scheme and gives "null".
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'app' && !u.username && !u.password && !u.port;
  } catch {
    return false;
  }
}

/** An IPC message counts only from the given window's own top frame on our origin. */
export function isTrustedSender(
  event: { sender: WebContents; senderFrame: WebFrameMain | null },
  expected: WebContents | undefined,
): boolean {
  const frame = event.senderFrame;
  return Boolean(frame && expected && event.sender === expected && frame === expected.mainFrame && isAppUrl(frame.url));
}

/** Opens http(s) and mailto links in the system browser; everything else is dropped. */
export function openExternalSafely(url: string): void {
  try {
    const { protocol: p } = new URL(url);
    if (p === 'https:' || p === 'http:' || p === 'mailto:') void shell.openExternal(url);
  } catch {
    /* not a URL: ignore */
  }
}

export function serveAppFiles(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(root, '.' + path.posix.normalize(rel));
    if (!file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    try {
      const data = await fs.readFile(file);
      const headers: Record<string, string> = {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      };
      if (file.endsWith('.html')) headers['Content-Security-Policy'] = CSP;
      return new Response(data, { headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

export function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      openExternalSafely(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

export function lockDownSession(): void {
  // Refuse every permission (camera, notifications, geolocation...): a notebook needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // Nothing remote loads inside the app: reading is offline.
    const remote = /^(https?|wss?|ftp):/i.test(details.url);
    callback({ cancel: remote });
  });
}
