// The structured log: one JSON object per line, levels, files rotated by size.
// It records what happened, never what the user wrote: fields are words (ids,
// codes, method and format names), numbers (counts, durations, bytes) and
// booleans; any other string is replaced by its length, long token-like runs
// are redacted, and error messages are cut before any quoted text. So
// article and note text, tag filters and the browser-mode token cannot reach
// a log file, whoever calls it.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CoreError } from './errors.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A field: a word (id, code, name), a number, a boolean, or a short list of words. */
export type LogValue = string | number | boolean | null | undefined | readonly string[];
export type LogFields = Readonly<Record<string, LogValue>>;

export interface Logger {
  debug(event: string, fields?: LogFields, err?: unknown): void;
  info(event: string, fields?: LogFields, err?: unknown): void;
  warn(event: string, fields?: LogFields, err?: unknown): void;
  error(event: string, fields?: LogFields, err?: unknown): void;
  /** The same log with fields every line carries (e.g. the room). */
  child(fields: LogFields): Logger;
}

/** Where lines go: a file (rotated), stderr, or a test's array. */
export interface LogSink {
  write(line: string): void;
  close?(): void;
}

const WORD = /^[A-Za-z0-9][\w.:@+-]{0,63}$/;
/** Runs this long of letters and digits are keys or tokens, not words (the browser-mode token is 48 hex digits). */
const TOKENISH = /[A-Za-z0-9+/=_-]{32,}/g;
const HAS_TOKENISH = /[A-Za-z0-9+/=_-]{32,}/;
const MAX_LIST = 20;
const MAX_MESSAGE = 200;

function redact(s: string): string {
  return s.replace(TOKENISH, '[redacted]');
}

function cleanWord(v: string): string {
  return WORD.test(v) && !HAS_TOKENISH.test(v) ? v : `[text, ${v.length} chars]`;
}

function cleanValue(v: LogValue): unknown {
  if (typeof v === 'string') return cleanWord(v);
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : String(v);
  if (typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) {
    const words = v.slice(0, MAX_LIST).map((x) => (typeof x === 'string' ? cleanWord(x) : '[not a word]'));
    return v.length > MAX_LIST ? [...words, `[+${v.length - MAX_LIST}]`] : words;
  }
  return '[not a log value]';
}

/**
 * An error message as the log keeps it: its first line up to the first quote
 * or parenthesis (where our messages embed a title, a quote, a tag filter or
 * a file's content: `Could not save "…"`), token-like runs redacted, cut short.
 */
export function scrubMessage(message: string): string {
  const first = message.split('\n', 1)[0] ?? '';
  const cut = first.search(/["“«([{]|(^|\s)'/);
  const kept = cut >= 0 ? `${first.slice(0, cut).trimEnd()} …` : first;
  const one = redact(kept).replace(/\s+/g, ' ').trim();
  return one.length > MAX_MESSAGE ? `${one.slice(0, MAX_MESSAGE - 1)}…` : one;
}

function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    const errno = (err as NodeJS.ErrnoException).code;
    const code = err instanceof CoreError ? err.code : typeof errno === 'string' ? errno : undefined;
    return {
      name: cleanWord(err.name || 'Error'),
      ...(code ? { code: cleanWord(code) } : {}),
      message: scrubMessage(err.message),
    };
  }
  return { name: 'thrown', message: scrubMessage(String(err)) };
}

export function createLogger(sink: LogSink, opts: { level?: LogLevel; fields?: LogFields } = {}): Logger {
  const min = RANK[opts.level ?? 'info'];
  const base = opts.fields ?? {};
  const make = (bound: LogFields): Logger => {
    const emit = (level: LogLevel, event: string, fields: LogFields = {}, err?: unknown): void => {
      if (RANK[level] < min) return;
      const line: Record<string, unknown> = { t: new Date().toISOString(), level, event: cleanWord(event) };
      for (const [k, v] of Object.entries({ ...bound, ...fields })) {
        if (v === undefined || !WORD.test(k) || k === 't' || k === 'level' || k === 'event' || k === 'err') continue;
        line[k] = cleanValue(v);
      }
      if (err !== undefined) line.err = describeError(err);
      try {
        sink.write(JSON.stringify(line));
      } catch {
        // A log that cannot be written must not break the work it describes (a full disk already shows elsewhere).
      }
    };
    return {
      debug: (e, f, err) => emit('debug', e, f, err),
      info: (e, f, err) => emit('info', e, f, err),
      warn: (e, f, err) => emit('warn', e, f, err),
      error: (e, f, err) => emit('error', e, f, err),
      child: (f) => make({ ...bound, ...f }),
    };
  };
  return make(base);
}

/** A logger that drops everything (tests, and a core opened without a front end's log). */
export const nullLogger: Logger = createLogger({ write: () => {} }, { level: 'error' });

export interface RotatingFileOptions {
  /** File name without extension: `<name>.log`, then `<name>.1.log` … (default "scholia"). */
  name?: string;
  /** Size at which the file is rotated (default 1 MiB). */
  maxBytes?: number;
  /** Files kept, the current one included (default 5). */
  keep?: number;
}

/**
 * Lines appended to `<dir>/<name>.log`; past maxBytes it becomes `<name>.1.log`
 * (older ones shift up, the oldest beyond `keep` is deleted). Synchronous
 * appends: a line is on its way to disk before the next statement, so the log
 * of a crash ends where the crash began. The folder is made on the first line.
 */
export function rotatingFileSink(dir: string, opts: RotatingFileOptions = {}): LogSink & { file: string } {
  const name = opts.name ?? 'scholia';
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, opts.keep ?? 5);
  const file = path.join(dir, `${name}.log`);
  const numbered = (i: number) => path.join(dir, `${name}.${i}.log`);
  let fd: number | undefined;
  let size = 0;

  const open = (): number => {
    mkdirSync(dir, { recursive: true });
    const f = openSync(file, 'a');
    size = statSync(file).size;
    return f;
  };
  const rotate = (): void => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    rmSync(numbered(keep - 1), { force: true });
    for (let i = keep - 2; i >= 1; i--) {
      try {
        renameSync(numbered(i), numbered(i + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    if (keep > 1) renameSync(file, numbered(1));
    else rmSync(file, { force: true });
  };
  return {
    file,
    write(line) {
      fd ??= open();
      const bytes = Buffer.from(line + '\n');
      if (size > 0 && size + bytes.length > maxBytes) {
        rotate();
        fd = open();
      }
      writeSync(fd, bytes);
      size += bytes.length;
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

/**
 * The log every front end writes: JSON lines in `dir` (the desktop shell passes
 * app.getPath('logs'); the CLI and browser mode pass defaultLogDir()).
 */
export function openFileLogger(
  dir: string,
  opts: RotatingFileOptions & { level?: LogLevel; fields?: LogFields } = {},
): Logger & { file: string; close(): void } {
  const sink = rotatingFileSink(dir, opts);
  const log = createLogger(sink, {
    level: opts.level ?? (process.env.SCHOLIA_LOG_LEVEL as LogLevel | undefined) ?? 'info',
    fields: opts.fields,
  });
  return { ...log, file: sink.file, close: () => sink.close?.() };
}

/**
 * The app's log folder when no Electron is there to ask, the same folder
 * Electron's app.getPath('logs') gives for "Scholia"; $SCHOLIA_LOG_DIR wins.
 */
export function defaultLogDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SCHOLIA_LOG_DIR) return path.resolve(env.SCHOLIA_LOG_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Scholia', 'logs');
  if (platform === 'darwin') return path.join(home, 'Library', 'Logs', 'Scholia');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Scholia', 'logs');
}
