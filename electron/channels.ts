// IPC channel names, derived from the contract's method names in one place,
// plus the few desktop-only channels (not part of the contract: browser mode has no equivalent).
import type { ApiMethod } from './core/contract.js';

export const CHANNEL_PREFIX = 'scholia:';
export const channelFor = (method: ApiMethod): string => CHANNEL_PREFIX + method;

/** What crosses IPC back to the preload: errors as plain data (Electron mangles thrown errors). */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: string; code?: string };

/** Renderer → main (invoke): print-ready HTML to a PDF the user names. */
export const DESKTOP_PRINT_TO_PDF = 'scholia-desktop:print-to-pdf';
/** Renderer → main (invoke): a folder dialog for Open library… / New library…. */
export const DESKTOP_PICK_FOLDER = 'scholia-desktop:pick-folder';
/** Main → renderer: the one channel for menu commands, links and files the OS handed over. */
export const DESKTOP_MESSAGE = 'scholia-desktop:message';
/** Renderer → main (send): the page listens for messages now; queued links and files follow. */
export const DESKTOP_READY = 'scholia-desktop:ready';
/** Main → renderer: save pending notes now (closing); the renderer answers on DESKTOP_FLUSH_DONE. */
export const DESKTOP_FLUSH = 'scholia-desktop:flush';
export const DESKTOP_FLUSH_DONE = 'scholia-desktop:flush-done';
/** Renderer → main (send): run a main-process command chosen in the palette (Show log, Documentation...). */
export const DESKTOP_RUN_COMMAND = 'scholia-desktop:run-command';
/** Renderer → main (send): what the menus' enabled state depends on, and which panes are open. */
export const DESKTOP_UI_STATE = 'scholia-desktop:ui-state';

export type { DesktopMessage, FlushReply, UiState } from './shared/desktop-messages.js';
