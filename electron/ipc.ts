// One table: channel -> core call. Every message's sender and arguments are
// checked before the core sees them.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ScholiaApi } from './core/api.js';
import { API_METHODS, parseArgs, type ApiMethod } from './core/contract.js';
import { channelFor, type IpcReply } from './channels.js';
import { errorResponse } from './errors.js';
import { nullLogger, type Logger } from './core/log.js';

/** The whole of one IPC call: sender check, argument parsing, the core call, the reply. Tests call it directly. */
export function ipcHandler(
  api: ScholiaApi,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  log: Logger = nullLogger,
): (method: ApiMethod, event: IpcMainInvokeEvent, rawArgs: unknown) => Promise<IpcReply> {
  return async (method, event, rawArgs) => {
    if (!isTrustedSender(event)) {
      log.warn('ipc.refused', { method, code: 'forbidden' });
      return { ok: false, error: 'Refused: request from an untrusted page', code: 'forbidden' };
    }
    try {
      const args = parseArgs(method, rawArgs);
      const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
      return { ok: true, result: (await fn.apply(api, args)) ?? null };
    } catch (err) {
      const { status, body } = errorResponse(err);
      // A 5xx is our bug (logged with its cause); a 4xx is the user's input, told to them.
      if (status >= 500) log.error('ipc.failed', { method, code: body.code }, err);
      else log.info('ipc.rejected', { method, code: body.code });
      return { ok: false, ...body };
    }
  };
}

export function registerIpc(
  ipcMain: IpcMain,
  api: ScholiaApi,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  log?: Logger,
): void {
  const handle = ipcHandler(api, isTrustedSender, log);
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), (event, rawArgs: unknown) => handle(method, event, rawArgs));
  }
}
