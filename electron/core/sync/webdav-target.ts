// A WebDAV server (Nextcloud, ownCloud, NAS boxes, Apache mod_dav) through the `webdav` client. Segments
// are uploaded under a temporary name and moved into place; blobs go straight to their name (a partial
// blob fails its hash check and is fetched again). Every request has a deadline; failures become
// SyncErrors a user can act on, and nothing on the target or in the library is left half-changed.
import { randomBytes } from 'node:crypto';
import { createClient, type FileStat, type WebDAVClient } from 'webdav';
import { type SyncTarget, SyncError } from './types.js';
import { isForeignName } from './folder-target.js';

export interface WebDavOptions {
  url: string;
  username?: string;
  password?: string;
  /** Per request, default 30 s. */
  timeoutMs?: number;
}

export class WebDavTarget implements SyncTarget {
  private readonly client: WebDAVClient;
  private readonly made = new Map<string, Promise<void>>();
  private readonly timeoutMs: number;

  /** The share's path on the server: the client talks to the server's root so it can create this folder. */
  private readonly base: string;

  constructor(private readonly opts: WebDavOptions) {
    const u = new URL(opts.url);
    this.base = u.pathname.replace(/\/+$/, '');
    this.client = createClient(u.origin, {
      username: opts.username,
      password: opts.password,
      maxBodyLength: 1024 ** 3,
      maxContentLength: 1024 ** 3,
    });
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  get label(): string {
    const u = new URL(this.opts.url);
    u.username = '';
    u.password = '';
    return u.toString();
  }

  private async call<T>(what: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.timeoutMs);
    try {
      return await fn(ctl.signal);
    } catch (err) {
      if (ctl.signal.aborted)
        throw new SyncError(
          `The WebDAV server ${this.label} did not answer within ${Math.round(this.timeoutMs / 1000)} s (${what}). Nothing was lost; sync again later.`,
          'sync-unreachable',
        );
      throw this.explain(what, err);
    } finally {
      clearTimeout(timer);
    }
  }

  private explain(what: string, err: unknown): SyncError {
    const status = (err as { status?: number }).status;
    if (status === 401 || status === 403)
      return new SyncError(
        `The WebDAV server ${this.label} refused the user name or password (${status}). Check them in Preferences → Sync (or SCHOLIA_SYNC_USER / SCHOLIA_SYNC_PASSWORD).`,
        'sync-refused',
      );
    if (status === 507 || status === 413)
      return new SyncError(
        `The WebDAV server ${this.label} is full (${status}) while writing ${what}. Nothing was lost; free space on the server and sync again.`,
        'sync-full',
      );
    const reason = status ? `HTTP ${status}` : (err as Error).message;
    return new SyncError(
      `The WebDAV server ${this.label} failed (${reason}) while ${what}. Nothing was lost; sync again later.`,
      'sync-unreachable',
    );
  }

  private path(file: string): string {
    const rel = file.replace(/^\/+/, '');
    return `${this.base}/${rel}`;
  }

  async list(dir: string): Promise<string[]> {
    return this.call(`listing ${dir || '/'}`, async (signal) => {
      try {
        const items = (await this.client.getDirectoryContents(this.path(dir), { signal })) as FileStat[];
        return items.map((i) => i.basename).filter((n) => !isForeignName(n));
      } catch (err) {
        if ((err as { status?: number }).status === 404) return [];
        throw err;
      }
    });
  }

  async read(file: string): Promise<Uint8Array | null> {
    return this.call(`reading ${file}`, async (signal) => {
      try {
        const data = await this.client.getFileContents(this.path(file), { format: 'binary', signal });
        return new Uint8Array(data as ArrayBuffer);
      } catch (err) {
        if ((err as { status?: number }).status === 404) return null;
        throw err;
      }
    });
  }

  /** Creates a folder once per run; parallel uploads into one folder wait for the same creation. */
  private ensureDir(dir: string): Promise<void> {
    let made = this.made.get(dir);
    if (!made) {
      // Parents first, each through this map, so concurrent uploads never race on one MKCOL.
      const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : dir ? '' : null;
      made = (parent === null ? Promise.resolve() : this.ensureDir(parent)).then(() =>
        this.call(`creating ${dir || 'the sync folder'}`, async (signal) => {
          try {
            if (dir === '') await this.client.createDirectory(this.path(dir), { recursive: true, signal });
            else await this.client.createDirectory(this.path(dir), { signal });
          } catch (err) {
            if ((err as { status?: number }).status !== 405) throw err; // 405: it exists already
          }
        }),
      );
      made.catch(() => this.made.delete(dir));
      this.made.set(dir, made);
    }
    return made;
  }

  async write(file: string, data: Uint8Array): Promise<void> {
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    await this.ensureDir(dir);
    const direct = file.startsWith('blobs/');
    const tmp = direct ? file : `${dir ? dir + '/' : ''}.${randomBytes(4).toString('hex')}.tmp`;
    const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await this.call(`writing ${file}`, async (signal) => {
      const ok = await this.client.putFileContents(this.path(tmp), body, { overwrite: true, signal });
      if (ok === false) throw new Error('the server did not store the file');
    });
    if (!direct) {
      try {
        await this.call(`writing ${file}`, (signal) =>
          this.client.moveFile(this.path(tmp), this.path(file), { overwrite: true, signal } as never),
        );
      } catch (err) {
        await this.client.deleteFile(this.path(tmp)).catch(() => undefined);
        throw err;
      }
    }
  }

  async remove(file: string): Promise<void> {
    await this.call(`removing ${file}`, async (signal) => {
      try {
        await this.client.deleteFile(this.path(file), { signal } as never);
      } catch (err) {
        if ((err as { status?: number }).status !== 404) throw err;
      }
    });
  }
}
