// The index snapshot (library.json) as a lowdb adapter: read parses and checks
// it, write replaces it durably. One record per line, so the file is readable
// (and diffable) in a text editor without the bulk of full pretty-printing.
import { promises as fs } from 'node:fs';
import type { Adapter } from 'lowdb';
import { CoreError } from '../errors.js';
import { writeFileDurable } from './durable-fs.js';
import { type IndexData, indexShapeProblem } from './layout.js';

export function serializeIndex(d: IndexData): string {
  const out: string[] = ['{'];
  out.push(`"format": ${JSON.stringify(d.format)},`);
  out.push(`"schema": ${d.schema},`);
  out.push(`"seq": ${d.seq},`);
  out.push(`"settings": ${JSON.stringify(d.settings)},`);
  // "pending" (to-fetch entries) is written only by libraries that have had some, after the others.
  const lists = (
    d.pending ? ['articles', 'notes', 'passages', 'trash', 'pending'] : ['articles', 'notes', 'passages', 'trash']
  ) as Array<'articles' | 'notes' | 'passages' | 'trash' | 'pending'>;
  lists.forEach((k, li) => {
    const items = (d[k] ?? []) as unknown[];
    const end = li === lists.length - 1 ? '' : ',';
    if (items.length === 0) {
      out.push(`"${k}": []${end}`);
      return;
    }
    out.push(`"${k}": [`);
    for (let i = 0; i < items.length; i++) out.push(JSON.stringify(items[i]) + (i === items.length - 1 ? '' : ','));
    out.push(`]${end}`);
  });
  out.push('}');
  return out.join('\n') + '\n';
}

/** Why the index file cannot be used. `kind` tells open() which StoreError to raise. */
export class IndexReadError extends CoreError<'corrupt'> {
  constructor(
    message: string,
    readonly kind: 'unreadable' | 'invalid-json' | 'bad-shape',
  ) {
    super(message, 'corrupt');
  }
}

/** Reads and parses the index; null when the file does not exist. Never modifies the file. */
export async function readIndexFile(file: string): Promise<{ data: Record<string, unknown>; bytes: number } | null> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IndexReadError(`cannot be read (${(err as Error).message})`, 'unreadable');
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    const why = raw.trim() === '' ? 'is empty' : `is not valid JSON (${(err as Error).message})`;
    throw new IndexReadError(why, 'invalid-json');
  }
  const problem = indexShapeProblem(data);
  if (problem) throw new IndexReadError(`is not a Scholia library index: ${problem}`, 'bad-shape');
  return { data: data as Record<string, unknown>, bytes: Buffer.byteLength(raw) };
}

/** lowdb adapter for the snapshot. Migrations and journal replay happen above it (json-store.ts). */
export class IndexFileAdapter implements Adapter<IndexData> {
  /** Size of the file as last read or written: the journal compacts relative to it. */
  bytes = 0;
  constructor(readonly file: string) {}

  async read(): Promise<IndexData | null> {
    const r = await readIndexFile(this.file);
    if (!r) return null;
    this.bytes = r.bytes;
    return r.data as unknown as IndexData;
  }

  async write(data: IndexData): Promise<void> {
    const text = serializeIndex(data);
    await writeFileDurable(this.file, text);
    this.bytes = Buffer.byteLength(text);
  }
}
