// The index on disk (search-index.bin): a magic line, a JSON header (documents,
// dictionary, surface words) and the posting lists back to back.
import { PostingList } from './postings.js';
import { FIELDS, NF, dateNumber, makeRec, type DocRec, type TermEntry } from './records.js';
import type { SearchIndex } from './search-index.js';

const MAGIC = Buffer.from('SCHOLIA-SEARCH\n');

/** The index as bytes: a JSON header (documents, dictionary) followed by the posting lists. */
export function encodeIndex(ix: SearchIndex, meta: Record<string, unknown> = {}): Buffer {
  // Removed documents are written as holes: compacting on every save would cost a
  // rewrite of every list; it waits until they are a quarter of the index.
  if (ix.deleted > 0 && ix.deleted >= ix.docs.length / 4) ix.compact();
  const termNames: string[] = [];
  const termIndex = new Map<string, number>();
  const dict: [string, number, number[]][] = [];
  const chunks: Uint8Array[] = [];
  for (const [t, e] of ix.terms) {
    termIndex.set(t, termNames.length);
    termNames.push(t);
    const fieldMeta: number[] = [];
    for (let f = 0; f < NF; f++) {
      const l = e.lists[f];
      if (!l) continue;
      fieldMeta.push(f, l.len, l.count, l.lastDoc);
      chunks.push(l.trimmed());
    }
    dict.push([t, e.df, fieldMeta]);
  }
  const header = {
    meta,
    docs: ix.docs.map((d) => {
      if (!d) return null;
      const { sourceWords: _s, lens: _l, sig, ...rest } = d;
      return { ...rest, sig: sig.map((t) => termIndex.get(t) ?? -1) };
    }),
    lens: FIELDS.map((_, f) => Array.from(ix.lens[f]!.subarray(0, ix.docs.length))),
    dict,
    surfaces: ix.surfaces(),
    surfaceTerm: ix.surfaceList.map((s) => termIndex.get(ix.surfaceTerm.get(s)!) ?? -1),
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([MAGIC, len, head, ...chunks]);
}

/**
 * Reads what encodeIndex() wrote into an empty index and returns the caller's meta;
 * throws on anything damaged. Posting lists stay views of `buf` (no copy).
 */
export function decodeIndex(ix: SearchIndex, buf: Buffer): Record<string, unknown> {
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error('not a Scholia search index');
  }
  const hlen = buf.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (start + hlen > buf.length) throw new Error('search index truncated');
  const header = JSON.parse(buf.toString('utf8', start, start + hlen)) as {
    meta: Record<string, unknown>;
    docs: ((Omit<DocRec, 'sourceWords' | 'lens' | 'sig'> & { sig: number[] }) | null)[];
    lens: number[][];
    dict: [string, number, number[]][];
    surfaces: string[];
    surfaceTerm: number[];
  };
  let p = start + hlen;
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  for (const [t, df, fm] of header.dict) {
    const e: TermEntry = { df, lists: [undefined, undefined, undefined, undefined] };
    for (let i = 0; i < fm.length; i += 4) {
      const [f, len, count, lastDoc] = [fm[i]!, fm[i + 1]!, fm[i + 2]!, fm[i + 3]!];
      if (p + len > buf.length) throw new Error('search index truncated');
      e.lists[f] = new PostingList(bytes.subarray(p, p + len), len, count, lastDoc);
      p += len;
    }
    ix.terms.set(t, e);
  }
  if (p !== buf.length) throw new Error('search index has trailing bytes');
  const n = header.docs.length;
  ix.growDocArrays(n);
  for (let f = 0; f < NF; f++) {
    const l = header.lens[f] ?? [];
    if (l.length !== n) throw new Error('search index lengths damaged');
    ix.lens[f]!.set(l);
  }
  header.docs.forEach((d, i) => {
    if (d === null) {
      ix.docs.push(undefined);
      return;
    }
    const lens = FIELDS.map((_, f) => ix.lens[f]![i]!) as DocRec['lens'];
    const sig = d.sig.map((ti) => header.dict[ti]?.[0] ?? '');
    const rec = makeRec({ ...d, sig, lens });
    ix.docs.push(rec);
    ix.dateNum[i] = dateNumber(rec.date);
    ix.keyToDoc.set(rec.key, i);
    ix.live++;
    for (let f = 0; f < NF; f++) ix.lenSum[f] = ix.lenSum[f]! + lens[f]!;
    if (rec.type === 'note' && rec.articleId) ix.bumpNotes(rec.articleId, 1);
  });
  ix.surfaceList = header.surfaces;
  header.surfaces.forEach((s, i) => ix.surfaceTerm.set(s, header.dict[header.surfaceTerm[i]!]?.[0] ?? s));
  return header.meta;
}
