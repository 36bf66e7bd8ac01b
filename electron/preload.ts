// Exposes the ScholiaApi to the renderer as window.scholia. Runs sandboxed
// with context isolation: the renderer gets functions, never ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from './generated/channels.js';
import { channelFor, DESKTOP_PRINT_TO_PDF, type IpcReply } from './channels.js';

const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
for (const method of API_METHODS) {
  api[method] = async (...args: unknown[]) => {
    const reply = (await ipcRenderer.invoke(channelFor(method), args)) as IpcReply;
    if (!reply.ok) throw Object.assign(new Error(reply.error), { code: reply.code });
    return reply.result;
  };
}

contextBridge.exposeInMainWorld('scholia', api);

// What only the desktop can do; the renderer uses it when present and falls back otherwise.
contextBridge.exposeInMainWorld('scholiaDesktop', {
  /** Renders print-ready HTML to a PDF the user names in a save dialog; resolves to its path, or null if cancelled. */
  printToPdf: async (html: string, suggestedName: string): Promise<string | null> => {
    const reply = (await ipcRenderer.invoke(DESKTOP_PRINT_TO_PDF, html, suggestedName)) as IpcReply;
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as string | null;
  },
});
