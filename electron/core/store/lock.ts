// One writer per library: a lock file in the library folder holding the owner's
// pid, process start time and host. A lock whose process is gone (crash, kill -9)
// is taken over; a live one is refused with a message naming the other process.
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fsyncDir, ifMissing } from './durable-fs.js';
import { LOCK_FILE } from './layout.js';
import { StoreError } from './types.js';

export interface LockInfo {
  pid: number;
  /** When the owning process started (ISO): with the pid, identifies it even if the pid is reused. */
  processStartedAt: string;
  hostname: string;
  acquiredAt: string;
  /** Free text: "desktop", "cli", ... */
  owner: string;
}

const processStartedAt = new Date(Date.now() - process.uptime() * 1000);

/** Linux: the process's start time from /proc, or null when unknown; 'zombie' for a dead, unreaped process. */
function procStart(pid: number): Date | 'zombie' | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return 'zombie';
    const startTicks = Number(fields[19]);
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const bootMs = Date.now() - uptime * 1000;
    return new Date(bootMs + (startTicks / 100) * 1000); // USER_HZ is 100 on every Linux we ship to
  } catch {
    return null; // no /proc (macOS, Windows) or the process is gone: the pid check alone decides
  }
}

/** Is the process that wrote `info` still running? */
export function lockHolderAlive(info: LockInfo): boolean {
  if (info.hostname !== os.hostname()) return true; // another machine (shared folder): cannot check, assume alive
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = procStart(info.pid);
  if (started === 'zombie') return false;
  if (started && Math.abs(started.getTime() - Date.parse(info.processStartedAt)) > 5000) return false; // pid reused
  return true;
}

export async function readLock(dir: string): Promise<LockInfo | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), 'utf8')) as LockInfo;
  } catch {
    return null; // no lock, or one torn by a crash mid-write: nobody provably holds the library
  }
}

export function describeHolder(info: LockInfo): string {
  const host = info.hostname === os.hostname() ? '' : ` on ${info.hostname}`;
  return `Scholia (${info.owner}, process ${info.pid}${host}, open since ${info.acquiredAt})`;
}

export interface Lock {
  release(): Promise<void>;
}

/** Takes the library's writer lock or throws StoreError('locked'). */
export async function acquireLock(dir: string, owner: string): Promise<Lock> {
  const file = path.join(dir, LOCK_FILE);
  const me: LockInfo = {
    pid: process.pid,
    processStartedAt: processStartedAt.toISOString(),
    hostname: os.hostname(),
    acquiredAt: new Date().toISOString(),
    owner,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const h = await fs.open(file, 'wx');
      try {
        await h.writeFile(JSON.stringify(me) + '\n');
        await h.sync();
      } finally {
        await h.close();
      }
      await fsyncDir(dir);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          const cur = await readLock(dir);
          if (cur && cur.pid === me.pid && cur.acquiredAt === me.acquiredAt) await fs.rm(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreError(`Cannot create the lock file ${file}: ${(err as Error).message}`, 'io', { file });
      }
    }
    const other = await readLock(dir);
    if (other && typeof other.pid === 'number' && lockHolderAlive(other)) {
      throw new StoreError(
        `This library (${dir}) is already open in ${describeHolder(other)}. ` +
          `Only one Scholia may write to a library at a time: close the other one, or use it instead.`,
        'locked',
        { lock: other },
      );
    }
    if (!other) {
      // Unreadable or half-written lock: either a crash while taking it, or a writer taking it right now.
      const st = await fs.stat(file).catch(ifMissing(null));
      if (st && Date.now() - st.mtimeMs < 2000) {
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
    }
    // Stale: its process is gone. Move it away under a unique name and check that what we moved is
    // the stale lock we judged (another taker may have replaced it meanwhile); then try again.
    const aside = `${file}.stale-${process.pid}-${attempt}`;
    try {
      await fs.rename(file, aside);
    } catch {
      continue; // another process moved or took it first: look again
    }
    const moved = await fs.readFile(aside, 'utf8').catch(() => ''); // unreadable: treated as the stale lock judged
    if (other && moved.trim() && moved.trim() !== JSON.stringify(other)) {
      await fs.link(aside, file).catch(() => undefined); // it was a fresh live lock: put it back
    }
    await fs.rm(aside, { force: true });
  }
  throw new StoreError(`Could not take the lock on ${dir}; try again.`, 'locked');
}
