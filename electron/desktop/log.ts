// The desktop app's log: errors that would otherwise be swallowed (a failed
// import of a handed-over file, a crashed renderer, a save that failed at quit).
// One JSON line per event in the OS's log folder (app.getPath('logs')), rotated
// by size. It must never hold what the user wrote or read, nor a secret: events
// are fixed names, field values are numbers, booleans or short scrubbed strings,
// and error messages are cut short and scrubbed of token-like strings and quotes.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, string | number | boolean | undefined>;

const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
export const MAX_STRING = 160;

/**
 * Removes what must not reach a log: bearer tokens and long hex/base64 runs (browser-mode tokens,
 * keys), `token=…`/`secret=…` pairs, and quoted text (error messages sometimes quote a title or a passage).
 */
export function scrub(value: string): string {
  let s = value
    .replace(/\b(bearer|token|secret|password|authorization)(\s*[:=]\s*|\s+)\S+/gi, '$1$2[redacted]')
    .replace(/#[A-Za-z0-9_-]{16,}/g, '#[redacted]')
    .replace(/\b[A-Za-z0-9+/_-]{32,}={0,2}/g, '[redacted]')
    .replace(/(["“«'‘])[^"”»'’\n]{24,}(["”»'’])/g, '$1[text]$2')
    .replace(/[\r\n\t]+/g, ' ');
  if (s.length > MAX_STRING) s = s.slice(0, MAX_STRING) + '…';
  return s;
}

function describeError(err: unknown): Fields {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    // Only where it happened (function and file:line), not the message again.
    const at = (err.stack ?? '')
      .split('\n')
      .slice(1, 4)
      .map((l) => l.trim().replace(/^at\s+/, ''))
      .join(' < ');
    return {
      error: err.name,
      ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
      message: scrub(err.message),
      at: at ? scrub(at.replace(/\([^)]*[\\/]([^\\/]+:\d+:\d+)\)/g, '($1)')) : undefined,
    };
  }
  return { error: scrub(String(err)) };
}

export interface LogOptions {
  dir: string;
  file?: string;
  /** Rotate when the file would grow past this. */
  maxBytes?: number;
  /** Rotated files kept beside the current one (scholia.1.log … scholia.N.log). */
  keep?: number;
  level?: Level;
  now?: () => Date;
}

export class RotatingLog {
  readonly path: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly min: number;
  private readonly now: () => Date;
  private size: number | undefined;
  /** Writing the log must never break the app: after a failure we stop trying until the next rotation. */
  private broken = false;

  constructor(opts: LogOptions) {
    this.path = path.join(opts.dir, opts.file ?? 'scholia.log');
    this.maxBytes = opts.maxBytes ?? 1024 * 1024;
    this.keep = opts.keep ?? 3;
    this.min = RANK[opts.level ?? 'info'];
    this.now = opts.now ?? (() => new Date());
  }

  rotatedPath(n: number): string {
    const ext = path.extname(this.path);
    return this.path.slice(0, -ext.length) + `.${n}${ext}`;
  }

  write(level: Level, event: string, fields: Fields = {}): void {
    if (RANK[level] < this.min || this.broken) return;
    const entry: Record<string, string | number | boolean> = {
      t: this.now().toISOString(),
      level,
      event: /^[a-z0-9][a-z0-9._-]{0,63}$/i.test(event) ? event : 'invalid-event-name',
    };
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined || !/^[a-z][a-zA-Z0-9]{0,31}$/.test(k)) continue;
      entry[k] = typeof v === 'string' ? scrub(v) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
    }
    const line = JSON.stringify(entry) + '\n';
    try {
      mkdirSync(path.dirname(this.path), { recursive: true });
      this.size ??= this.currentSize();
      if (this.size + Buffer.byteLength(line) > this.maxBytes && this.size > 0) this.rotate();
      appendFileSync(this.path, line);
      this.size += Buffer.byteLength(line);
    } catch {
      this.broken = true;
    }
  }

  info(event: string, fields?: Fields): void {
    this.write('info', event, fields);
  }
  warn(event: string, fields?: Fields): void {
    this.write('warn', event, fields);
  }
  error(event: string, err?: unknown, fields: Fields = {}): void {
    this.write('error', event, { ...fields, ...(err === undefined ? {} : describeError(err)) });
  }

  private currentSize(): number {
    try {
      return statSync(this.path).size;
    } catch {
      return 0;
    }
  }

  private rotate(): void {
    rmSync(this.rotatedPath(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      try {
        renameSync(this.rotatedPath(n), this.rotatedPath(n + 1));
      } catch {
        /* that generation does not exist yet */
      }
    }
    if (this.keep > 0) renameSync(this.path, this.rotatedPath(1));
    else rmSync(this.path, { force: true });
    this.size = 0;
  }
}
