// Exposes the ScholiaApi to the renderer as window.scholia. Runs sandboxed
// with context isolation: the renderer gets functions, never ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from './core/contract.js';
import { channelFor, type IpcReply } from './channels.js';

const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
for (const method of API_METHODS) {
  api[method] = async (...args: unknown[]) => {
    const reply = (await ipcRenderer.invoke(channelFor(method), args)) as IpcReply;
    if (!reply.ok) throw Object.assign(new Error(reply.error), { code: reply.code });
    return reply.result;
  };
}

contextBridge.exposeInMainWorld('scholia', api);
