// The desktop shell: lifecycle and wiring. Each concern is a module in
// electron/desktop/ (pure ones unit-tested in tests/unit/desktop/); this file
// connects them to Electron's events. Everything the app does is in core/,
// reached through ipc.ts.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, safeStorage, screen, shell } from 'electron';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { rendererDir, resourcesDir } from './app-paths.js';
import { LibraryHost } from './library-session.js';
import { defaultLibraryDir } from './core/paths.js';
import { registerIpc } from './ipc.js';
import {
  DESKTOP_FLUSH,
  DESKTOP_FLUSH_DONE,
  DESKTOP_MESSAGE,
  DESKTOP_PICK_FOLDER,
  DESKTOP_PRINT_TO_PDF,
  DESKTOP_READY,
  DESKTOP_RUN_COMMAND,
  DESKTOP_UI_STATE,
  type DesktopMessage,
  type FlushReply,
  type IpcReply,
  type UiState,
} from './channels.js';
import { commandById, isCommandId, type CommandId } from './shared/commands.js';
import {
  APP_ORIGIN,
  harden,
  isTrustedSender,
  lockDownSession,
  registerAppScheme,
  serveAppFiles,
} from './desktop/security.js';
import { LINK_SCHEME } from './desktop/protocol-links.js';
import { fromOpenFile, fromOpenUrl, LaunchQueue, parseArgv, type LaunchRequest } from './desktop/launch-args.js';
import { buildMenuTemplate, toPlatform, type CommandContext } from './desktop/menus.js';
import { contextMenuTemplate } from './desktop/context-menu.js';
import { CloseGuard, unsavedDialog, type FlushResult } from './desktop/quit-flush.js';
import { openDesktopLog } from './desktop/log.js';
import { CrashTracker } from './desktop/crash.js';
import { PreferencesFile, withLibrary } from './desktop/preferences.js';
import { WindowStateStore } from './desktop/window-state-store.js';
import { keychainSecrets } from './desktop/sync-credentials.js';
import { importHandedFiles, resolveLink } from './desktop/handoff.js';
import { startClipServer, type ClipServer } from './clip-endpoint.js';
import { ClipPairings, filePairingStore } from './clip-pairing.js';

registerAppScheme();
app.enableSandbox();
// Tests (and portable setups) keep preferences, window state and the log in a folder of their own.
if (process.env.SCHOLIA_USER_DATA) {
  app.setPath('userData', path.resolve(process.env.SCHOLIA_USER_DATA));
  app.setAppLogsPath(path.join(app.getPath('userData'), 'logs'));
}

const log = openDesktopLog(app.getPath('logs'));
const prefsFile = new PreferencesFile(path.join(app.getPath('userData'), 'preferences.json'));
const windowState = new WindowStateStore(path.join(app.getPath('userData'), 'window-state.json'));
const launches = new LaunchQueue();
const crashes = new CrashTracker();
const platform = toPlatform(process.platform);

let host: LibraryHost | undefined;
let mainWindow: BrowserWindow | undefined;
let closeGuard: CloseGuard | undefined;
let quitting = false;
let ui: UiState = { article: false, selection: false };
let libraryOpen = false;
let clipServer: ClipServer | null = null;

const argvContext = (cwd: string) => ({ defaultApp: Boolean(process.defaultApp), cwd, platform: process.platform });
const firstLaunch = parseArgv(process.argv, argvContext(process.cwd()));

const trusted = (event: IpcMainInvokeEvent | IpcMainEvent) => isTrustedSender(event, mainWindow?.webContents);

function send(message: DesktopMessage): void {
  mainWindow?.webContents.send(DESKTOP_MESSAGE, message);
}

// ---------------------------------------------------------------- commands and menus

function commandContext(): CommandContext {
  return { library: libraryOpen, article: ui.article, selection: ui.selection };
}

/** Main-process commands; the rest go to the renderer over the one message channel. */
function runCommand(id: CommandId): void {
  log.info('command', { id });
  const spec = commandById(id);
  if (spec.runs === 'renderer') {
    if (!mainWindow) createWindow();
    return send({ type: 'command', id });
  }
  switch (id) {
    case 'show-library-folder':
      if (host) void shell.openPath(host.libraryDir);
      return;
    case 'show-log':
      // The file itself if it exists, else its folder (nothing logged yet).
      void fs.access(log.file).then(
        () => shell.showItemInFolder(log.file),
        () => void shell.openPath(path.dirname(log.file)),
      );
      return;
  }
}

function buildMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(platform, commandContext(), runCommand)));
}

// ---------------------------------------------------------------- the window

function createWindow(): BrowserWindow {
  const placement = windowState.restore(screen.getAllDisplays(), screen.getPrimaryDisplay());
  // The options are written out here, not built elsewhere: Electronegativity (tests/unit/electron-security.test.ts)
  // and the security test read this literal.
  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Scholia',
    // The page's own background (styles.css --bg) so nothing flashes before it paints.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#17181b' : '#f6f5f2',
    icon: path.join(resourcesDir(), 'icon.png'),
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      // Middle-click must not open links in new windows behind our handlers' back.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = win;
  if (placement.maximized) win.maximize();
  if (placement.fullScreen) win.setFullScreen(true);
  win.once('ready-to-show', () => win.show());
  windowState.track(
    win,
    () => screen.getAllDisplays(),
    () => ui.panes,
  );

  closeGuard = new CloseGuard({
    requestFlush: () => requestFlush(win),
    ask: async (problem) => {
      const d = unsavedDialog(problem, quitting);
      const { response } = await dialog.showMessageBox(win, d);
      const choice = d.choices[response] ?? 'stay';
      if (choice === 'stay') quitting = false;
      return choice;
    },
    // A forced close is the same call: the guard now lets will-prevent-unload through.
    close: () => {
      if (win.isDestroyed()) return;
      if (quitting) app.quit();
      else win.close();
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    log: (level, event, fields) => log[level](event, fields),
  });
  // The page cancelled the unload (a note save is pending): flush, then close, or ask. Never silent.
  win.webContents.on('will-prevent-unload', (event) => {
    if (closeGuard?.allowUnload) return event.preventDefault();
    void closeGuard?.onUnloadPrevented();
  });
  win.webContents.on('render-process-gone', (_e, details) => {
    launches.unready();
    log[details.reason === 'clean-exit' ? 'info' : 'error']('renderer.gone', {
      reason: details.reason,
      exitCode: details.exitCode,
    });
    const d = crashes.onGone(details.reason, Date.now());
    if (!d || win.isDestroyed()) return;
    void dialog.showMessageBox(win, d).then(({ response }) => {
      if (d.actions[response] === 'reload' && !win.isDestroyed()) win.webContents.reload();
      else app.quit();
    });
  });
  win.on('unresponsive', () => log.warn('renderer.unresponsive'));
  win.webContents.on('context-menu', (_e, params) => {
    const template = contextMenuTemplate(params, platform, commandContext(), {
      replaceMisspelling: (w) => win.webContents.replaceMisspelling(w),
      addToDictionary: (w) => win.webContents.session.addWordToSpellCheckerDictionary(w),
      dispatch: runCommand,
    });
    if (template.length) Menu.buildFromTemplate(template).popup({ window: win });
  });
  win.webContents.on('did-start-loading', () => launches.unready());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
    launches.unready();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function focusWindow(): void {
  const win = mainWindow ?? createWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

let flushNonce = 0;
function requestFlush(win: BrowserWindow): Promise<FlushResult> {
  if (win.isDestroyed()) return Promise.resolve({ ok: true });
  const nonce = ++flushNonce;
  return new Promise((resolve) => {
    const onDone = (event: IpcMainEvent, reply: FlushReply) => {
      if (!trusted(event) || reply?.nonce !== nonce) return;
      ipcMain.removeListener(DESKTOP_FLUSH_DONE, onDone);
      if (reply.ok === true) resolve({ ok: true });
      else if (reply.ok === 'unknown') resolve({ ok: 'unknown' });
      else resolve({ ok: false, error: String(reply.error ?? 'The note could not be saved.').slice(0, 500) });
    };
    ipcMain.on(DESKTOP_FLUSH_DONE, onDone);
    win.webContents.send(DESKTOP_FLUSH, nonce);
  });
}

// ---------------------------------------------------------------- files and links from the OS

async function deliver(req: LaunchRequest): Promise<void> {
  if (!host) return;
  focusWindow();
  for (const problem of req.problems) send({ type: 'notice', kind: 'error', text: problem });
  if (req.problems.length) log.warn('handoff.refused', { count: req.problems.length });
  if (req.files.length) {
    const results = await importHandedFiles(host.api, req.files);
    log.info('handoff.import', {
      files: req.files.length,
      imported: results.filter((r) => r.status === 'imported').length,
      failed: results.filter((r) => r.status === 'failed').length,
    });
    send({ type: 'imported', results });
  }
  for (const link of req.links) {
    const resolved = await resolveLink(host.api, link);
    if (resolved.ok) send({ type: 'open-link', kind: link.kind, id: link.id });
    else send({ type: 'notice', kind: 'error', text: resolved.error });
  }
}

function handOver(req: LaunchRequest): void {
  launches.push(req);
}

// ---------------------------------------------------------------- IPC beyond the contract

function registerDesktopIpc(): void {
  ipcMain.on(DESKTOP_READY, (event) => {
    if (!trusted(event)) return;
    launches.ready((req) => void deliver(req).catch((err) => log.error('handoff.failed', {}, err)));
  });
  ipcMain.on(DESKTOP_RUN_COMMAND, (event, id: unknown) => {
    if (trusted(event) && isCommandId(id) && commandById(id).runs === 'main') runCommand(id);
  });
  ipcMain.on(DESKTOP_UI_STATE, (event, state: unknown) => {
    if (!trusted(event) || typeof state !== 'object' || state === null) return;
    const s = state as Partial<UiState>;
    const panes =
      s.panes && typeof s.panes === 'object'
        ? Object.fromEntries(
            Object.entries(s.panes)
              .filter(([k, v]) => typeof v === 'boolean' && k.length < 32)
              .slice(0, 16),
          )
        : ui.panes;
    if (s.theme === 'system' || s.theme === 'light' || s.theme === 'dark') nativeTheme.themeSource = s.theme;
    const next: UiState = { article: s.article === true, selection: s.selection === true, panes };
    const changed = next.article !== ui.article || next.selection !== ui.selection;
    ui = next;
    if (changed) buildMenu();
  });
  ipcMain.handle(DESKTOP_PICK_FOLDER, async (event, intent: unknown): Promise<IpcReply> => {
    if (!trusted(event) || !mainWindow) return { ok: false, error: 'Refused: request from an untrusted page' };
    if (intent !== 'open' && intent !== 'create') return { ok: false, error: 'Invalid folder request' };
    const choice = await dialog.showOpenDialog(mainWindow, {
      title: intent === 'open' ? 'Open library' : 'New library',
      buttonLabel: intent === 'open' ? 'Open library' : 'Create library here',
      properties: intent === 'open' ? ['openDirectory'] : ['openDirectory', 'createDirectory', 'promptToCreate'],
    });
    return { ok: true, result: choice.canceled ? null : (choice.filePaths[0] ?? null) };
  });
  ipcMain.handle(DESKTOP_PRINT_TO_PDF, async (event, html: unknown, name: unknown): Promise<IpcReply> => {
    if (!trusted(event)) return { ok: false, error: 'Refused: request from an untrusted page' };
    if (typeof html !== 'string' || html.length > 50 * 1024 * 1024 || typeof name !== 'string' || name.length > 255) {
      return { ok: false, error: 'Invalid PDF export request' };
    }
    const owner = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const options = { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const choice = await (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options));
    if (choice.canceled || !choice.filePath) return { ok: true, result: null };
    // Chromium's printToPDF on a hidden, script-less window.
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
      log.error('pdf.failed', {}, err);
      return { ok: false, error: `The PDF could not be written: ${(err as Error).message}` };
    } finally {
      win.destroy();
    }
  });
}

// ---------------------------------------------------------------- start

async function start(): Promise<void> {
  lockDownSession();
  const prefs = prefsFile.load();
  nativeTheme.themeSource = prefs.theme;
  const libraryDir =
    firstLaunch.library ??
    (process.env.SCHOLIA_LIBRARY ? path.resolve(process.env.SCHOLIA_LIBRARY) : undefined) ??
    prefs.libraryDir ??
    defaultLibraryDir();
  // The window comes first; the library opens inside it (the page shows that it is opening).
  host = new LibraryHost(
    libraryDir,
    {
      mode: 'desktop',
      resourcesDir: resourcesDir(),
      log,
      // Sync passwords and passphrases: sealed by the OS keychain, in the user-data folder.
      syncSecrets: keychainSecrets(path.join(app.getPath('userData'), 'sync-credentials.json'), safeStorage),
    },
    { onSwitched, preferences: prefsFile },
  );
  registerIpc(ipcMain, host.api, trusted, log);
  registerDesktopIpc();
  serveAppFiles(rendererDir());
  buildMenu();
  createWindow();
  handOver(firstLaunch);
  try {
    const session = await host.session();
    libraryOpen = !session.problem;
    if (session.problem) log.warn('library.recovery', { code: session.problem.code });
    else prefsFile.save(withLibrary(prefs, libraryDir));
    buildMenu();
    await startClipper(host);
  } catch (err) {
    log.error('library.open-failed', {}, err);
    dialog.showErrorBox(
      'Scholia cannot open your library',
      `${(err as Error).message}\n\nNothing was changed. Library folder: ${libraryDir}`,
    );
    app.exit(2);
  }
}

/**
 * The browser clipper's loopback endpoint (electron/clip-endpoint.ts, shared with `scholia serve`).
 * A pairing code asked for by the extension is shown in a dialog over the window.
 */
async function startClipper(h: LibraryHost): Promise<void> {
  try {
    clipServer = await startClipServer({
      api: h.api,
      pairings: new ClipPairings(filePairingStore(path.join(app.getPath('userData'), 'clipper-pairings.json'))),
      shownIn: 'the Scholia window',
      showPairingCode: (code) => {
        focusWindow();
        const options = {
          type: 'info' as const,
          title: 'Pair the Scholia Clipper',
          message: `Pairing code: ${code.slice(0, 3)} ${code.slice(3)}`,
          detail:
            "Type this code into the Scholia Clipper's popup in your browser. It is valid for 5 minutes. " +
            'If you did not ask to pair a browser, ignore it.',
          buttons: ['OK'],
        };
        void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
      },
    });
    if (!clipServer) log.warn('clipper.no-port', {});
  } catch (err) {
    // The app works without the clipper; the log says why it is off.
    log.error('clipper.start-failed', {}, err);
  }
}

/** After a library switch (Preferences, Open/New library…): remember it and reload the page on it. */
function onSwitched(_dir: string, recovery: boolean): void {
  libraryOpen = !recovery;
  nativeTheme.themeSource = prefsFile.load().theme;
  log.info('library.switched', { recovery });
  buildMenu();
  mainWindow?.webContents.reload();
}

process.on('uncaughtException', (err) => log.error('main.uncaught', {}, err));
process.on('unhandledRejection', (err) => log.error('main.unhandled-rejection', {}, err));

if (!app.requestSingleInstanceLock()) {
  // One writer per library: a second instance hands its files and links to the first (argv) and quits.
  app.quit();
} else {
  // Windows and Linux: scholia:// links reach us through argv. The installed app registers itself; a
  // development run (electron main.cjs, the e2e tests) would take the links over from the installed app,
  // so it registers only when asked (SCHOLIA_REGISTER_PROTOCOL=1), with its script path.
  if (app.isPackaged) {
    app.setAsDefaultProtocolClient(LINK_SCHEME);
  } else if (process.env.SCHOLIA_REGISTER_PROTOCOL === '1' && process.argv[1]) {
    app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
  }
  app.on('second-instance', (_e, argv, workingDirectory) => {
    handOver(parseArgv(argv, argvContext(workingDirectory)));
    focusWindow();
  });
  // macOS: links and files arrive as events, possibly before ready (a cold start from a link or a file).
  app.on('open-url', (event, url) => {
    event.preventDefault();
    handOver(fromOpenUrl(url));
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    handOver(fromOpenFile(file));
  });
  app.on('web-contents-created', (_e, contents) => harden(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && host) createWindow();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // Quitting waits for the library to close (journal folded, indexes saved, lock released), at most 10 s.
  let closing: Promise<void> | undefined;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed || !host) return;
    event.preventDefault();
    const h = host;
    closing ??= Promise.race([
      (clipServer?.close() ?? Promise.resolve())
        .then(() => h.close())
        .catch((err) => log.error('library.close-failed', {}, err)),
      new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref()),
    ]).then(() => {
      closed = true;
      app.quit();
    });
  });
  void app.whenReady().then(start);
}
