// The desktop shell's log is the core's structured log (core/log.ts: JSON lines,
// levels, rotation, no user text, no tokens), written as desktop.log in the OS's
// log folder (app.getPath('logs')) beside the CLI's cli.log. main.ts hands the
// same logger to the core and the IPC handler: the shell's events, the rooms'
// background failures and refused calls land in one file.
import { openFileLogger, type LogLevel } from '../core/log.js';

export const DESKTOP_LOG_NAME = 'desktop';

export function openDesktopLog(dir: string, opts: { level?: LogLevel; maxBytes?: number; keep?: number } = {}) {
  return openFileLogger(dir, { name: DESKTOP_LOG_NAME, fields: { front: 'desktop' }, ...opts });
}
