// Content-addressed texts: article bodies (their JSON) and note texts, named by the SHA-256 of their bytes.
// Kept locally under <library>/sync/blobs/ (what three-way merges read their common ancestor from) and on
// the target under blobs/ (encrypted and renamed there when a passphrase is set: target-layout.ts).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileDurable } from '../store/index.js';

export function blobId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class LocalBlobs {
  constructor(readonly dir: string) {}

  private file(id: string): string {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new Error(`not a blob id: ${id}`);
    return path.join(this.dir, id.slice(0, 2), id);
  }

  async has(id: string): Promise<boolean> {
    try {
      await fs.access(this.file(id));
      return true;
    } catch {
      return false;
    }
  }

  /** The text, or null when this device does not have it (yet). A damaged file reads as missing. */
  async get(id: string): Promise<string | null> {
    try {
      const text = await fs.readFile(this.file(id), 'utf8');
      return blobId(text) === id ? text : null;
    } catch {
      return null;
    }
  }

  /** Stores a text under its hash (durably: segments that refer to it are written after). */
  async put(text: string): Promise<string> {
    const id = blobId(text);
    if (!(await this.has(id))) {
      await fs.mkdir(path.dirname(this.file(id)), { recursive: true });
      await writeFileDurable(this.file(id), text, { syncDir: false });
    }
    return id;
  }
}
