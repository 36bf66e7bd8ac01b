// One table: channel -> core call. Every message's sender and arguments are
// checked before the core sees them.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ScholiaApi } from './core/api.js';
import { API_METHODS, parseArgs, type ApiMethod } from './core/contract.js';
import { channelFor, type IpcReply } from './channels.js';
import { errorResponse } from './errors.js';

/** The whole of one IPC call: sender check, argument parsing, the core call, the reply. Tests call it directly. */
export function ipcHandler(
  api: ScholiaApi,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): (method: ApiMethod, event: IpcMainInvokeEvent, rawArgs: unknown) => Promise<IpcReply> {
  return async (method, event, rawArgs) => {
    if (!isTrustedSender(event))
      return { ok: false, error: 'Refused: request from an untrusted page', code: 'forbidden' };
    try {
      const args = parseArgs(method, rawArgs);
      const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
      return { ok: true, result: (await fn.apply(api, args)) ?? null };
    } catch (err) {
      const { body } = errorResponse(err);
      return { ok: false, ...body };
    }
  };
}

export function registerIpc(
  ipcMain: IpcMain,
  api: ScholiaApi,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  const handle = ipcHandler(api, isTrustedSender);
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), (event, rawArgs: unknown) => handle(method, event, rawArgs));
  }
}
