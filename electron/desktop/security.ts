// Electron's security checklist for the shell: app content from a privileged
// custom scheme (never file://), navigation and new windows denied, permissions
// refused, nothing remote loaded, IPC only from our own page.
import { protocol, session, shell } from 'electron';
import type { WebContents, WebFrameMain } from 'electron';
import { readStaticFile } from '../static-files.js';

/** App content is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'scholia-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

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
    const answer = await readStaticFile(root, new URL(request.url).pathname);
    if (answer.status !== 200) return new Response(answer.error, { status: answer.status });
    return new Response(answer.data, { headers: answer.headers });
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
