// IPC channel names, derived from the contract's method names in one place.
import type { ApiMethod } from './core/contract.js';

export const CHANNEL_PREFIX = 'scholia:';
export const channelFor = (method: ApiMethod): string => CHANNEL_PREFIX + method;

/** What crosses IPC back to the preload: errors as plain data (Electron mangles thrown errors). */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: string; code?: string };

/** Desktop-only capabilities (not part of the contract: browser mode has no equivalent). */
export const DESKTOP_PRINT_TO_PDF = 'scholia-desktop:print-to-pdf';
