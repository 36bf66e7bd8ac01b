// Durable file writes: a change is on disk (not just in the page cache) before
// the promise resolves, so "saved" survives kill -9 and power loss.
//
// Whole-file replacement: write a temp file beside the target, fsync it, rename
// it over the target (atomic on POSIX and NTFS), fsync the directory so the
// rename itself is durable. A reader sees the old file or the new one, never a
// mixture. Appends (the journal) use fdatasync on an open descriptor.
import { promises as fs, constants as fsc } from 'node:fs';
import path from 'node:path';

/**
 * Test hook: called before every byte written by the store. Throwing from it
 * simulates a failing disk (ENOSPC, EIO) at an exact point. Never set in production.
 */
export const fsHooks: { beforeWrite?: (file: string, bytes: number) => void } = {};

/** Bytes handed to the OS by the store (data files, not metadata): the bench's "bytes per save". */
export const writeStats = { bytes: 0, fsyncs: 0 };

let tmpCounter = 0;
/** Temp files carry this marker so open() and doctor can recognise leftovers of a crash. */
export const TMP_MARK = '.tmp-';

export function tmpPathFor(file: string): string {
  return `${file}${TMP_MARK}${process.pid}-${++tmpCounter}`;
}

function hook(file: string, bytes: number): void {
  fsHooks.beforeWrite?.(file, bytes);
  writeStats.bytes += bytes;
}

/** fsync a directory so renames/creations inside it are durable. Windows cannot open directories: skipped there. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const h = await fs.open(dir, fsc.O_RDONLY);
  try {
    await h.sync();
    writeStats.fsyncs++;
  } finally {
    await h.close();
  }
}

/**
 * Replaces `file` with `data` durably and atomically. On failure the old file is untouched and the temp
 * file removed. With `syncDir: false` the caller must fsyncDir() itself before reporting success (it
 * may do so in parallel with other syncs).
 */
export async function writeFileDurable(
  file: string,
  data: string | Uint8Array,
  opts: { syncDir?: boolean } = {},
): Promise<void> {
  const tmp = tmpPathFor(file);
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const h = await fs.open(tmp, 'w');
    try {
      hook(file, buf.byteLength);
      await h.writeFile(buf);
      await h.datasync(); // a new file: datasync also flushes its size, all that is needed to read it back
      writeStats.fsyncs++;
    } finally {
      await h.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined); // cleanup only: the write's own error is reported
    throw err;
  }
  if (opts.syncDir !== false) await fsyncDir(path.dirname(file));
}

/**
 * Replaces `file` atomically (temp + rename) WITHOUT waiting for the disk: for files whose content
 * is already durable elsewhere (a note body recorded in the journal). fsyncFile() makes it durable later.
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const tmp = tmpPathFor(file);
  try {
    const buf = Buffer.from(data, 'utf8');
    hook(file, buf.byteLength);
    await fs.writeFile(tmp, buf);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined); // cleanup only: the write's own error is reported
    throw err;
  }
}

/**
 * Runs `fn` over `items`, at most `limit` at a time: lets the disk overlap many small fsyncs (a batch
 * write) instead of waiting for each in turn. Stops at the first failure and rejects with it once the running calls have settled.
 */
export async function eachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw (failure as { err: unknown }).err;
}

/**
 * For `.catch()`: a file or folder that does not exist reads as `fallback`; any other error
 * (permissions, I/O) still throws, so an unreadable library is never taken for an empty one.
 */
export function ifMissing<T>(fallback: T): (err: unknown) => T {
  return (err) => {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw err;
  };
}

/** fsync an existing file (its data and size); a file that is gone is skipped. */
export async function fsyncFile(file: string): Promise<void> {
  let h: fs.FileHandle;
  try {
    h = await fs.open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    await h.sync();
    writeStats.fsyncs++;
  } finally {
    await h.close();
  }
}

/**
 * An append-only file kept open; each append is fdatasync'ed before resolving.
 * If an append fails half-way, the file is cut back to its previous length so a
 * torn record never sits in the middle of the file.
 */
export class DurableAppender {
  private constructor(
    readonly file: string,
    private handle: fs.FileHandle,
    private length: number,
  ) {}

  /** Opens `file` for appending after cutting it to `validLength` (drops a torn tail left by a crash). */
  static async open(file: string, validLength: number): Promise<DurableAppender> {
    let created = false;
    try {
      await fs.access(file);
    } catch {
      created = true; // absent (or not accessible): opening it for writing below says which
    }
    const h = await fs.open(file, created ? 'w+' : 'r+');
    try {
      const { size } = await h.stat();
      if (size !== validLength) {
        await h.truncate(validLength);
        await h.sync();
      }
    } catch (err) {
      await h.close();
      throw err;
    }
    if (created) await fsyncDir(path.dirname(file));
    return new DurableAppender(file, h, validLength);
  }

  /** True when a failed append could not be cut back: the file may end with a torn record. */
  broken = false;

  get size(): number {
    return this.length;
  }

  async append(text: string): Promise<void> {
    const buf = Buffer.from(text, 'utf8');
    try {
      hook(this.file, buf.byteLength);
      let off = 0;
      while (off < buf.byteLength) {
        const { bytesWritten } = await this.handle.write(buf, off, buf.byteLength - off, this.length + off);
        off += bytesWritten;
      }
      await this.handle.datasync();
      writeStats.fsyncs++;
    } catch (err) {
      // Cut back a partial record; if even that fails the caller must stop writing.
      try {
        await this.handle.truncate(this.length);
      } catch {
        this.broken = true;
      }
      throw err;
    }
    this.length += buf.byteLength;
  }

  /** Empties the file (after its records were folded into the snapshot). */
  async reset(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.sync();
    this.length = 0;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
