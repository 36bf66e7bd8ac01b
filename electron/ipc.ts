// One table: channel -> core call. Every message's sender and arguments are
// checked before the core sees them.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ScholiaApi } from './core/api.js';
import { API_METHODS, parseArgs } from './core/contract.js';
import { channelFor, type IpcReply } from './channels.js';
import { errorResponse } from './errors.js';

export function registerIpc(
  ipcMain: IpcMain,
  api: ScholiaApi,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), async (event, rawArgs: unknown): Promise<IpcReply> => {
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
    });
  }
}
