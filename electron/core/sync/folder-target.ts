// A folder that a file-sync engine (Syncthing, Dropbox, OneDrive, iCloud Drive, Nextcloud's desktop
// client) replicates. Files are written under a temporary dot-name and renamed, so the engine picks up
// only complete files; names the engines use for their own partial or conflict files are never read.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type SyncTarget, SyncError } from './types.js';

/** Temporary and conflict files of the engines (Syncthing, Dropbox, OneDrive...) and our own temporaries. */
export function isForeignName(name: string): boolean {
  return (
    name.startsWith('.') || name.startsWith('~') || /\.sync-conflict-|conflicted copy|\.tmp$|\.partial$/i.test(name)
  );
}

export class FolderTarget implements SyncTarget {
  constructor(readonly root: string) {}

  get label(): string {
    return this.root;
  }

  private abs(file: string): string {
    const p = path.resolve(this.root, file);
    if (p !== this.root && !p.startsWith(this.root + path.sep)) throw new Error(`outside the target: ${file}`);
    return p;
  }

  private fail(what: string, err: unknown): never {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw new SyncError(
        `The sync folder ${this.root} is full: ${what} could not be written. Nothing was lost; free some space and sync again.`,
        'sync-full',
      );
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new SyncError(
        `The sync folder ${this.root} cannot be written (${code}). Nothing was lost.`,
        'sync-refused',
      );
    throw new SyncError(
      `The sync folder ${this.root} could not be used (${(err as Error).message}). Nothing was lost; sync again later.`,
      'sync-unreachable',
    );
  }

  async list(dir: string): Promise<string[]> {
    try {
      return (await fs.readdir(this.abs(dir))).filter((n) => !isForeignName(n));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      this.fail(`the folder ${dir}`, err);
    }
  }

  async read(file: string): Promise<Uint8Array | null> {
    try {
      return await fs.readFile(this.abs(file));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      this.fail(file, err);
    }
  }

  async write(file: string, data: Uint8Array): Promise<void> {
    const abs = this.abs(file);
    const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await fs.mkdir(path.dirname(abs), { recursive: true });
      const fh = await fs.open(tmp, 'w');
      try {
        await fh.writeFile(data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, abs);
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      this.fail(file, err);
    }
  }

  async remove(file: string): Promise<void> {
    try {
      await fs.rm(this.abs(file), { force: true });
    } catch (err) {
      this.fail(file, err);
    }
  }
}
