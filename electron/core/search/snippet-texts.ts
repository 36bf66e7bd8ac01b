// The texts search snippets are cut from, kept beside the index in one
// append-only file so that showing 20 results is 20 positioned reads of a few
// kilobytes each (microseconds from the page cache) instead of 20 article
// files read through the thread pool and parsed whole (with their original
// HTML) while the user types.
//
// It is a cache, never the truth: every record carries the stamp of the
// document it was taken from and is used only while that stamp is current;
// anything missing, stale or damaged is read from the store again (and
// appended). Files: search-snippets.bin (16-byte generation id, then UTF-8
// texts back to back) and search-snippets.json (where each text is, saved
// with the index). A crash loses at most the map entries appended since the
// last save; a map from another generation is ignored. Dead bytes (texts
// replaced or removed) are compacted away when the library is opened.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { readIfExists, writeAtomic } from './persist.js';

export const SNIPPET_FILE = 'search-snippets.bin';
export const SNIPPET_MAP_FILE = 'search-snippets.json';

const HEADER = 16;
const MAP_VERSION = 1;
/** Compact at open when dead bytes exceed live ones and this much. */
const COMPACT_MIN_DEAD = 4 * 1024 * 1024;

interface Where {
  off: number;
  len: number;
  stamp: string;
}

interface MapFile {
  version: number;
  generation: string;
  entries: Array<[key: string, off: number, len: number, stamp: string]>;
}

export class SnippetTexts {
  private fd: number | null = null;
  private generation = '';
  private where = new Map<string, Where>();
  private size = 0;
  private live = 0;
  private broken = false;
  private scratch = Buffer.allocUnsafe(64 * 1024);
  /** Entries changed since the map was last saved. */
  dirty = false;

  constructor(
    private readonly file: string,
    private readonly mapFile: string,
  ) {}

  /** Opens (or starts) the file, drops what does not belong to it, compacts when mostly dead. */
  async open(): Promise<void> {
    try {
      await this.load();
      if (this.size - HEADER - this.live > Math.max(COMPACT_MIN_DEAD, this.live)) await this.compact();
    } catch {
      // Unusable: start afresh (it is only a cache).
      this.closeFd();
      this.where.clear();
      try {
        await this.create();
      } catch {
        this.broken = true; // e.g. a read-only library: snippets come from the store
      }
    }
  }

  private async load(): Promise<void> {
    const head = await readHeader(this.file);
    if (!head) return this.create();
    this.generation = head.toString('hex');
    this.fd = fs.openSync(this.file, 'r+');
    this.size = fs.fstatSync(this.fd).size;
    this.live = 0;
    const raw = await readIfExists(this.mapFile).catch(() => null); // unreadable map: a cache miss, refilled
    let map: MapFile | null = null;
    try {
      map = raw ? (JSON.parse(raw.toString('utf8')) as MapFile) : null;
    } catch {
      map = null; // damaged map: the cache starts afresh (it is only a cache)
    }
    if (!map || map.version !== MAP_VERSION || map.generation !== this.generation || !Array.isArray(map.entries))
      return;
    for (const e of map.entries) {
      const [key, off, len, stamp] = e;
      if (typeof key !== 'string' || typeof stamp !== 'string') continue;
      if (!Number.isInteger(off) || !Number.isInteger(len) || off < HEADER || len < 0 || off + len > this.size)
        continue;
      this.where.set(key, { off, len, stamp });
      this.live += len;
    }
  }

  private async create(): Promise<void> {
    const gen = randomBytes(HEADER);
    await writeAtomic(this.file, gen);
    this.generation = gen.toString('hex');
    this.fd = fs.openSync(this.file, 'r+');
    this.size = HEADER;
    this.live = 0;
    this.where.clear();
  }

  /** Rewrites the file with live texts only, under a new generation. */
  private async compact(): Promise<void> {
    const gen = randomBytes(HEADER);
    const parts: Buffer[] = [gen];
    const next = new Map<string, Where>();
    let off = HEADER;
    for (const [key, w] of this.where) {
      const buf = this.readBytes(w);
      if (!buf) continue;
      parts.push(buf);
      next.set(key, { off, len: w.len, stamp: w.stamp });
      off += w.len;
    }
    this.closeFd();
    await writeAtomic(this.file, Buffer.concat(parts));
    this.generation = gen.toString('hex');
    this.fd = fs.openSync(this.file, 'r+');
    this.size = off;
    this.where = next;
    this.live = off - HEADER;
    await this.save();
  }

  /** Whether the text of `key` as of `stamp` is here. */
  has(key: string, stamp: string): boolean {
    return this.where.get(key)?.stamp === stamp;
  }

  /** The text recorded for `key` when it was taken at `stamp`; undefined when missing or stale. */
  get(key: string, stamp: string): string | undefined {
    const w = this.where.get(key);
    if (!w || w.stamp !== stamp) return undefined;
    // One reusable buffer: a page of results allocates only its strings.
    if (this.scratch.length < w.len) this.scratch = Buffer.allocUnsafe(Math.max(w.len, this.scratch.length * 2));
    return this.readInto(w, this.scratch) ? this.scratch.toString('utf8', 0, w.len) : undefined;
  }

  private readBytes(w: Where): Buffer | undefined {
    const buf = Buffer.allocUnsafe(w.len);
    return this.readInto(w, buf) ? buf : undefined;
  }

  private readInto(w: Where, buf: Buffer): boolean {
    if (this.fd === null) return false;
    try {
      let got = 0;
      while (got < w.len) {
        const n = fs.readSync(this.fd, buf, got, w.len - got, w.off + got);
        if (n === 0) return false;
        got += n;
      }
      return true;
    } catch {
      return false; // the caller reads the text from the store instead
    }
  }

  /** Records the text of `key` as of `stamp` (appended; the previous one becomes dead). */
  put(key: string, stamp: string, text: string): void {
    if (this.fd === null || this.broken) return;
    const buf = Buffer.from(text, 'utf8');
    try {
      let done = 0;
      while (done < buf.length) done += fs.writeSync(this.fd, buf, done, buf.length - done, this.size + done);
    } catch {
      return; // disk full or gone: snippets keep coming from the store
    }
    this.drop(key);
    this.where.set(key, { off: this.size, len: buf.length, stamp });
    this.size += buf.length;
    this.live += buf.length;
    this.dirty = true;
  }

  /** The document changed in ways that leave its text as it was (tags, dates). */
  restamp(key: string, from: string, to: string): void {
    const w = this.where.get(key);
    if (w && w.stamp === from) {
      w.stamp = to;
      this.dirty = true;
    }
  }

  drop(key: string): void {
    const old = this.where.get(key);
    if (!old) return;
    this.where.delete(key);
    this.live -= old.len;
    this.dirty = true;
  }

  /** Saves the map (the texts are already in the file). */
  async save(): Promise<void> {
    if (this.fd === null) return;
    const map: MapFile = {
      version: MAP_VERSION,
      generation: this.generation,
      entries: [...this.where].map(([k, w]) => [k, w.off, w.len, w.stamp]),
    };
    this.dirty = false;
    try {
      await writeAtomic(this.mapFile, Buffer.from(JSON.stringify(map)));
    } catch (err) {
      this.dirty = true;
      throw err;
    }
  }

  /** Bytes in the file and bytes still in use (for tests and diagnostics). */
  stats(): { size: number; live: number; entries: number } {
    return { size: this.size, live: this.live, entries: this.where.size };
  }

  close(): void {
    this.closeFd();
  }

  private closeFd(): void {
    if (this.fd !== null) {
      try {
        fs.closeSync(this.fd);
      } catch {
        /* already gone */
      }
      this.fd = null;
    }
  }
}

async function readHeader(file: string): Promise<Buffer | null> {
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const buf = Buffer.alloc(HEADER);
    const { bytesRead } = await fh.read(buf, 0, HEADER, 0);
    if (bytesRead < HEADER) throw new Error('snippet file too short');
    return buf;
  } finally {
    await fh.close();
  }
}
