// The journal: one JSON line per change since the last snapshot. A small change
// appends a few hundred bytes instead of rewriting the index, so its cost does
// not grow with the library. Records are replayed onto the snapshot on open.
import { promises as fs } from 'node:fs';
import { CoreError } from '../errors.js';
import type { ArticleMeta, NoteMeta, Passage, PendingEntry } from '../model.js';
import type { TrashRecord } from './layout.js';

/** A change, described by intent so replay recomputes it exactly on the same state. */
export type JournalOp =
  | { op: 'putArticle'; meta: ArticleMeta }
  | { op: 'trashArticle'; id: string; at: string }
  | { op: 'putPassages'; passages: Passage[] }
  | { op: 'trashPassage'; id: string; at: string }
  /** `body`: the note's text, so one journal append makes an autosave durable (notes/<id>.md follows). */
  | { op: 'putNote'; meta: NoteMeta; body?: string }
  | { op: 'trashNote'; id: string; at: string }
  | { op: 'restore'; id: string }
  | { op: 'emptyTrash' }
  | { op: 'setSetting'; key: string; value: unknown }
  /**
   * Trash records put as given (a backup's trash restored). Added after schema 2's first release: the
   * store folds it into library.json right away, so an older Scholia never meets it in a journal.
   */
  | { op: 'putTrash'; records: TrashRecord[] }
  /** "To fetch" entries added or replaced / removed (pending.ts); folded into library.json at once, like putTrash. */
  | { op: 'putPending'; entries: PendingEntry[] }
  | { op: 'removePending'; ids: string[] };

export type JournalRecord = JournalOp & { seq: number };

const OPS = new Set([
  'putArticle',
  'trashArticle',
  'putPassages',
  'trashPassage',
  'putNote',
  'trashNote',
  'restore',
  'emptyTrash',
  'setSetting',
  'putTrash',
  'putPending',
  'removePending',
]);

export interface JournalContents {
  records: JournalRecord[];
  /** Length in bytes of the valid prefix (everything before a torn tail). */
  validBytes: number;
  /** Bytes of an incomplete last record left by a crash (never acknowledged; dropped on the next open). */
  tornBytes: number;
}

export class JournalCorruptError extends CoreError<'corrupt'> {
  constructor(message: string) {
    super(message, 'corrupt');
  }
}

/**
 * Reads the journal. A crash can leave only the LAST record incomplete (records
 * are acknowledged after fdatasync, one append at a time; a batch append of
 * several records may leave some of them complete, each of which stands alone);
 * so invalid records at the end are a torn tail, while an invalid record
 * followed by valid ones is damage.
 */
export async function readJournal(file: string): Promise<JournalContents> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], validBytes: 0, tornBytes: 0 };
    throw new JournalCorruptError(`cannot be read (${(err as Error).message})`);
  }
  const records: JournalRecord[] = [];
  let pos = 0;
  let validBytes = 0;
  let firstBad: number | null = null;
  let line = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(0x0a, pos);
    const end = nl === -1 ? buf.length : nl;
    line++;
    const rec = parseRecord(buf.toString('utf8', pos, end));
    const complete = nl !== -1;
    if (rec && complete) {
      if (firstBad !== null) throw new JournalCorruptError(`record on line ${firstBad} is damaged`);
      records.push(rec);
      validBytes = end + 1;
    } else if (firstBad === null) {
      firstBad = line;
    }
    pos = end + 1;
  }
  for (let i = 1; i < records.length; i++) {
    if (records[i]!.seq !== records[i - 1]!.seq + 1) {
      throw new JournalCorruptError(`records are out of sequence at seq ${records[i]!.seq}`);
    }
  }
  return { records, validBytes, tornBytes: buf.length - validBytes };
}

function parseRecord(text: string): JournalRecord | null {
  if (!text.trim()) return null;
  try {
    const r = JSON.parse(text) as JournalRecord;
    if (!r || typeof r !== 'object' || !Number.isInteger(r.seq) || !OPS.has(r.op)) return null;
    return r;
  } catch {
    return null; // not JSON: the caller tells a torn last line from corruption
  }
}
