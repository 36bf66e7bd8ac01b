// Scholia's full-text index: an inverted index with positions, ranked by
// BM25F (BM25 over weighted fields), built for a personal library of up to
// tens of thousands of long articles. It holds no texts: snippets are cut by
// the caller from texts it fetches for the few results it shows.
//
// Why our own and not MiniSearch: at 50k articles MiniSearch needs ~0.9 GB of
// heap and ~80 ms a query (measured here); varint posting lists keep the index
// a small fraction of the texts' size, and positions give exact phrases.
//
// This file holds the documents and posting lists and keeps them up to date;
// ranking.ts runs queries, expansion.ts turns query words into index terms,
// codec.ts reads and writes the index file. Their fields below are shared with
// those three modules, and with nothing outside search/.
import { decodeIndex, encodeIndex } from './codec.js';
import { expandWord, lowerBound, type Expansion } from './expansion.js';
import { PostingCursor, PostingList } from './postings.js';
import type { ParsedQuery } from './query.js';
import { DEFAULT_RANK, Ranker, type RankParams } from './ranking.js';
import {
  FIELDS,
  NF,
  dateNumber,
  makeRec,
  type DocRec,
  type DocType,
  type IndexDoc,
  type SearchOutcome,
  type TermEntry,
} from './records.js';
import { forEachWord, words } from './text.js';

export type { DocRec, DocType, Hit, IndexDoc, SearchOutcome } from './records.js';
export { DEFAULT_RANK, type RankParams } from './ranking.js';

const SIG_SIZE = 32;

export class SearchIndex {
  terms = new Map<string, TermEntry>();
  /** Sorted folded surface words, for prefix and typo expansion; each maps to its index term. */
  surfaceList: string[] = [];
  surfaceTerm = new Map<string, string>();
  docs: (DocRec | undefined)[] = [];
  keyToDoc = new Map<string, number>();
  lens: Uint32Array[] = FIELDS.map(() => new Uint32Array(1024));
  /** Each document's date as YYYYMMDD (0 when unknown): ties and filter-only listings sort by it. */
  dateNum = new Int32Array(1024);
  lenSum = [0, 0, 0, 0];
  live = 0;
  /** Notes attached to each article, for has:notes. */
  notesByArticle = new Map<string, number>();
  constructor(public rank: RankParams = DEFAULT_RANK) {}

  private readonly ranker = new Ranker(this);

  get size(): number {
    return this.live;
  }
  /** Documents removed but still occupying postings (compact() reclaims them). */
  get deleted(): number {
    return this.docs.length - this.live;
  }

  static keyOf(type: DocType, id: string): string {
    return `${type[0]}:${id}`;
  }

  get(key: string): DocRec | undefined {
    const d = this.keyToDoc.get(key);
    return d === undefined ? undefined : this.docs[d];
  }

  *all(): IterableIterator<DocRec> {
    for (const d of this.keyToDoc.values()) yield this.docs[d]!;
  }

  /** Adds a document, replacing the one with the same type and id. */
  add(doc: IndexDoc): void {
    const key = SearchIndex.keyOf(doc.type, doc.id);
    if (this.keyToDoc.has(key)) this.remove(key);
    const id = this.docs.length;
    this.growDocArrays(id + 1);
    const meta = doc.indexMeta !== false;
    const texts = meta ? [doc.title, doc.source ?? '', doc.author ?? '', doc.text] : ['', '', '', doc.text];
    const lens: [number, number, number, number] = [0, 0, 0, 0];
    const perTerm = new Map<string, (number[] | undefined)[]>();
    for (let f = 0; f < NF; f++) {
      let n = 0;
      forEachWord(texts[f]!, (a, pos) => {
        const t = a.term;
        if (t === null || t.length === 0) return;
        n++;
        if (!this.surfaceTerm.has(a.folded)) this.addSurface(a.folded, t);
        let slots = perTerm.get(t);
        if (!slots) perTerm.set(t, (slots = [undefined, undefined, undefined, undefined]));
        (slots[f] ??= []).push(pos);
      });
      lens[f] = n;
      this.lens[f]![id] = n;
      this.lenSum[f] = this.lenSum[f]! + n;
    }
    for (const [t, slots] of perTerm) {
      let e = this.terms.get(t);
      if (!e) this.terms.set(t, (e = { df: 0, lists: [undefined, undefined, undefined, undefined] }));
      e.df++;
      for (let f = 0; f < NF; f++) {
        const ps = slots[f];
        if (ps) (e.lists[f] ??= new PostingList()).append(id, ps);
      }
    }
    const sigPairs: [string, number][] = [];
    for (const [t, slots] of perTerm) {
      sigPairs.push([
        t,
        (slots[0]?.length ?? 0) + (slots[1]?.length ?? 0) + (slots[2]?.length ?? 0) + (slots[3]?.length ?? 0),
      ]);
    }
    sigPairs.sort((a, b) => b[1] - a[1]);
    sigPairs.length = Math.min(sigPairs.length, SIG_SIZE);
    const rec = makeRec({
      key,
      type: doc.type,
      id: doc.id,
      articleId: doc.articleId ?? null,
      title: doc.title,
      source: doc.source ?? '',
      author: doc.author ?? '',
      published: doc.published ?? null,
      date: (doc.date ?? doc.published ?? null)?.slice(0, 10) ?? null,
      tags: doc.tags ?? [],
      stamp: doc.stamp,
      sig: sigPairs.map((p) => p[0]),
      sigTf: sigPairs.map((p) => p[1]),
      lens,
    });
    this.docs[id] = rec;
    this.dateNum[id] = dateNumber(rec.date);
    this.keyToDoc.set(key, id);
    this.live++;
    if (rec.type === 'note' && rec.articleId) this.bumpNotes(rec.articleId, 1);
  }

  /** Updates what filters and results show without reindexing the words (tags, dates, display title). */
  updateMeta(
    key: string,
    patch: Partial<Pick<DocRec, 'tags' | 'published' | 'date' | 'title' | 'stamp' | 'articleId' | 'source'>>,
  ): boolean {
    const d = this.keyToDoc.get(key);
    const rec = d === undefined ? undefined : this.docs[d];
    if (!rec) return false;
    if (rec.type === 'note' && patch.articleId !== undefined && patch.articleId !== rec.articleId) {
      if (rec.articleId) this.bumpNotes(rec.articleId, -1);
      if (patch.articleId) this.bumpNotes(patch.articleId, 1);
    }
    Object.assign(rec, patch);
    if (patch.date !== undefined) {
      rec.date = patch.date?.slice(0, 10) ?? null;
      this.dateNum[d!] = dateNumber(rec.date);
    }
    if (patch.source !== undefined) rec.sourceWords = ' ' + words(patch.source).join(' ') + ' ';
    return true;
  }

  remove(key: string): boolean {
    const d = this.keyToDoc.get(key);
    if (d === undefined) return false;
    const rec = this.docs[d]!;
    for (let f = 0; f < NF; f++) this.lenSum[f] = this.lenSum[f]! - rec.lens[f]!;
    this.docs[d] = undefined;
    this.keyToDoc.delete(key);
    this.live--;
    if (rec.type === 'note' && rec.articleId) this.bumpNotes(rec.articleId, -1);
    return true;
  }

  bumpNotes(articleId: string, by: number): void {
    const n = (this.notesByArticle.get(articleId) ?? 0) + by;
    if (n > 0) this.notesByArticle.set(articleId, n);
    else this.notesByArticle.delete(articleId);
  }

  /** Surface words seen since the sorted list was last brought up to date. */
  newSurfaces: string[] = [];

  private addSurface(w: string, t: string): void {
    this.surfaceTerm.set(w, t);
    this.newSurfaces.push(w);
  }

  /** The sorted surface list, merging words added since (a few after an edit; all of them after a build). */
  surfaces(): string[] {
    const add = this.newSurfaces;
    if (add.length === 0) return this.surfaceList;
    if (add.length < 200) {
      for (const w of add) this.surfaceList.splice(lowerBound(this.surfaceList, w), 0, w);
    } else {
      this.surfaceList = this.surfaceList.concat(add).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    this.newSurfaces = [];
    return this.surfaceList;
  }

  growDocArrays(n: number): void {
    if (this.lens[0]!.length >= n) return;
    let cap = this.lens[0]!.length;
    while (cap < n) cap *= 2;
    this.lens = this.lens.map((a) => {
      const b = new Uint32Array(cap);
      b.set(a);
      return b;
    });
    const dn = new Int32Array(cap);
    dn.set(this.dateNum);
    this.dateNum = dn;
  }

  /** Runs a parsed query: ranked hits, best first. */
  search(q: ParsedQuery, limit = 20): SearchOutcome {
    return this.ranker.search(q, limit);
  }

  /** Index terms a query word stands for, with weights: the word, its prefix completions, or typo corrections. */
  expandWord(word: string, prefix: boolean): Expansion[] {
    return expandWord(this, word, prefix);
  }

  // ------------------------------------------------------------ maintenance

  /** Rewrites the posting lists without removed documents (ids renumbered, statistics exact again). */
  compact(): void {
    const remap = new Int32Array(this.docs.length).fill(-1);
    const docs: DocRec[] = [];
    this.docs.forEach((d, i) => {
      if (d) {
        remap[i] = docs.length;
        docs.push(d);
      }
    });
    const lens = FIELDS.map(() => new Uint32Array(Math.max(1024, docs.length)));
    for (let f = 0; f < NF; f++) {
      for (let i = 0; i < remap.length; i++) if (remap[i]! >= 0) lens[f]![remap[i]!] = this.lens[f]![i]!;
    }
    for (const [t, e] of this.terms) {
      const seen = new Set<number>();
      for (let f = 0; f < NF; f++) {
        const l = e.lists[f];
        if (!l) continue;
        const nl = new PostingList();
        const c = new PostingCursor(l);
        while (c.next()) {
          const nd = remap[c.doc]!;
          if (nd < 0) continue;
          nl.append(nd, c.positions());
          seen.add(nd);
        }
        e.lists[f] = nl.count ? nl : undefined;
      }
      e.df = seen.size;
      if (e.df === 0) this.terms.delete(t);
    }
    this.surfaceList = this.surfaces().filter((s) => this.terms.has(this.surfaceTerm.get(s)!));
    const keep = new Set(this.surfaceList);
    for (const s of [...this.surfaceTerm.keys()]) if (!keep.has(s)) this.surfaceTerm.delete(s);
    this.docs = docs;
    this.lens = lens;
    this.dateNum = new Int32Array(lens[0]!.length);
    docs.forEach((d, i) => (this.dateNum[i] = dateNumber(d.date)));
    this.keyToDoc = new Map(docs.map((d, i) => [d.key, i]));
  }

  // ----------------------------------------------------------- persistence

  /** The index as bytes (codec.ts): a JSON header (documents, dictionary) followed by the posting lists. */
  serialize(meta: Record<string, unknown> = {}): Buffer {
    return encodeIndex(this, meta);
  }

  /** Reads what serialize() wrote; throws on anything damaged. Posting lists stay views of `buf` (no copy). */
  static deserialize(buf: Buffer, rank?: RankParams): { index: SearchIndex; meta: Record<string, unknown> } {
    const index = new SearchIndex(rank);
    const meta = decodeIndex(index, buf);
    return { index, meta };
  }
}
