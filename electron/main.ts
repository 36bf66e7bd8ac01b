// The desktop shell: lifecycle, the window, and Electron's security checklist.
// Kept thin: everything the app does is in core/, reached through ipc.ts.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { rendererDir, resourcesDir } from './app-paths.js';
import { LibrarySession } from './library-session.js';
import { defaultLibraryDir } from './core/paths.js';
import { registerIpc } from './ipc.js';
import { CSP } from './web.js';
import { DESKTOP_PRINT_TO_PDF, type IpcReply } from './channels.js';

/** App content is served from this privileged custom scheme, never from file://. */
const APP_SCHEME = 'scholia-app';
const APP_ORIGIN = `${APP_SCHEME}://app`;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

let library: LibrarySession | undefined;
let mainWindow: BrowserWindow | undefined;

function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return Boolean(frame && mainWindow && event.sender === mainWindow.webContents && isAppUrl(frame.url));
}

/** Opens http(s) and mailto links in the system browser; everything else is dropped. */
function openExternalSafely(url: string): void {
  try {
    const { protocol: p } = new URL(url);
    if (p === 'https:' || p === 'http:' || p === 'mailto:') void shell.openExternal(url);
  } catch {
    /* not a URL: ignore */
  }
}

function serveAppFiles(): void {
  const root = rendererDir();
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

function harden(contents: WebContents): void {
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

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    title: 'Scholia',
    backgroundColor: '#1e1f22',
    icon: path.join(resourcesDir(), 'icon.png'),
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // Middle-click must not open links in new windows behind our handlers' back.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  mainWindow.on('closed', () => (mainWindow = undefined));
}

/** Export to PDF in the desktop app: Chromium's printToPDF on a hidden, script-less window. */
function registerPrintToPdf(): void {
  ipcMain.handle(DESKTOP_PRINT_TO_PDF, async (event, html: unknown, name: unknown): Promise<IpcReply> => {
    if (!isTrustedSender(event)) return { ok: false, error: 'Refused: request from an untrusted page' };
    if (typeof html !== 'string' || html.length > 50 * 1024 * 1024 || typeof name !== 'string' || name.length > 255) {
      return { ok: false, error: 'Invalid PDF export request' };
    }
    const owner = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const choice = await (owner
      ? dialog.showSaveDialog(owner, { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
      : dialog.showSaveDialog({ defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] }));
    if (choice.canceled || !choice.filePath) return { ok: true, result: null };
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`);
      const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
      await fs.writeFile(choice.filePath, pdf);
      return { ok: true, result: choice.filePath };
    } catch (err) {
      return { ok: false, error: `The PDF could not be written: ${(err as Error).message}` };
    } finally {
      win.destroy();
    }
  });
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(isMac ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' },
        ],
      },
      { role: 'windowMenu' },
    ]),
  );
}

async function start(): Promise<void> {
  // Refuse every permission (camera, notifications, geolocation...): a notebook needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // Nothing remote loads inside the app: reading is offline.
    const remote = /^(https?|wss?|ftp):/i.test(details.url);
    callback({ cancel: remote });
  });

  const libraryDir = process.env.SCHOLIA_LIBRARY ? path.resolve(process.env.SCHOLIA_LIBRARY) : defaultLibraryDir();
  try {
    // A damaged or locked library opens in recovery: the window shows what is wrong and offers backups.
    library = await LibrarySession.open({ libraryDir, mode: 'desktop', resourcesDir: resourcesDir() });
  } catch (err) {
    dialog.showErrorBox(
      'Scholia cannot open your library',
      `${(err as Error).message}\n\nNothing was changed. Library folder: ${libraryDir}`,
    );
    app.exit(2);
    return;
  }
  registerIpc(ipcMain, library.api, isTrustedSender);
  registerPrintToPdf();
  serveAppFiles();
  buildMenu();
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // One writer per library: a second instance hands over to the first and quits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => harden(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && library) createWindow();
  });
  // Quitting waits for the library to close (journal folded, indexes saved, lock released), at most 10 s.
  let closing: Promise<void> | undefined;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !library) return;
    event.preventDefault();
    const lib = library;
    closing ??= Promise.race([
      lib.close().catch(() => undefined),
      new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref()),
    ]).then(() => {
      closed = true;
      app.quit();
    });
  });
  void app.whenReady().then(start);
}
