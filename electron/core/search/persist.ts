// Durable, atomic writes of the search index file: a crash mid-write leaves
// either the old file or the new one, never half of one (temp + fsync + rename).
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const INDEX_FILE = 'search-index.bin';

export async function writeAtomic(file: string, data: Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const fh = await fs.open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  // The rename itself is durable only once the folder is synced (not possible on Windows: best effort).
  try {
    const dir = await fs.open(path.dirname(file), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Best effort: the rename is done; only its durability across a power cut is at stake (Windows has no folder fsync).
  }
}

/** The file's bytes, or null when it does not exist. */
export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
