// Exposes the ScholiaApi to the renderer as window.scholia. Runs sandboxed
// with context isolation: the renderer gets functions, never ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from './generated/channels.js';
import {
  channelFor,
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

const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
for (const method of API_METHODS) {
  api[method] = async (...args: unknown[]) => {
    const reply = (await ipcRenderer.invoke(channelFor(method), args)) as IpcReply;
    if (!reply.ok) throw Object.assign(new Error(reply.error), { code: reply.code });
    return reply.result;
  };
}

contextBridge.exposeInMainWorld('scholia', api);

const listeners = new Set<(message: DesktopMessage) => void>();
ipcRenderer.on(DESKTOP_MESSAGE, (_event, message: DesktopMessage) => {
  for (const fn of listeners) fn(message);
});

let flushHandler: (() => Promise<void>) | undefined;
ipcRenderer.on(DESKTOP_FLUSH, (_event, nonce: number) => {
  const reply = (r: Omit<FlushReply, 'nonce'>) => ipcRenderer.send(DESKTOP_FLUSH_DONE, { nonce, ...r });
  if (!flushHandler) return reply({ ok: 'unknown' });
  flushHandler().then(
    () => reply({ ok: true }),
    (err: unknown) => reply({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});

// What only the desktop can do; the renderer uses it when present and falls back otherwise.
contextBridge.exposeInMainWorld('scholiaDesktop', {
  /** Renders print-ready HTML to a PDF the user names in a save dialog; resolves to its path, or null if cancelled. */
  printToPdf: async (html: string, suggestedName: string): Promise<string | null> => {
    const reply = (await ipcRenderer.invoke(DESKTOP_PRINT_TO_PDF, html, suggestedName)) as IpcReply;
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as string | null;
  },
  /** A native folder dialog for Open library… / New library…; resolves to the folder, or null if cancelled. */
  pickFolder: async (intent: 'open' | 'create'): Promise<string | null> => {
    const reply = (await ipcRenderer.invoke(DESKTOP_PICK_FOLDER, intent)) as IpcReply;
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as string | null;
  },
  /**
   * Menu commands, scholia:// links, files opened with Scholia, notices: one channel. The first
   * listener tells main the page is ready; links and files that arrived earlier follow then.
   */
  onCommand: (fn: (message: DesktopMessage) => void): (() => void) => {
    if (typeof fn !== 'function') throw new TypeError('onCommand needs a function');
    listeners.add(fn);
    if (listeners.size === 1) ipcRenderer.send(DESKTOP_READY);
    return () => listeners.delete(fn);
  },
  /** Closing or quitting: main calls this to save pending notes first (it resolves when saved). */
  onFlushRequest: (fn: () => Promise<void>): void => {
    if (typeof fn !== 'function') throw new TypeError('onFlushRequest needs a function');
    flushHandler = fn;
  },
  /** What the menus' enabled state depends on, and which panes are open (remembered with the window). */
  setUiState: (state: UiState): void => ipcRenderer.send(DESKTOP_UI_STATE, state),
  /** Runs a command main carries out (Show log, Show library folder, Documentation), chosen in the palette. */
  runCommand: (id: string): void => ipcRenderer.send(DESKTOP_RUN_COMMAND, id),
});
