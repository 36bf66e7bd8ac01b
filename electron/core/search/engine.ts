// Scholia's full-text index: an inverted index with positions, ranked by
// BM25F (BM25 over weighted fields), built for a personal library of up to
// tens of thousands of long articles. It holds no texts: snippets are cut by
// the caller from texts it fetches for the few results it shows.
//
// Why our own and not MiniSearch: at 50k articles MiniSearch needs ~0.9 GB of
// heap and ~80 ms a query (measured here); varint posting lists keep the index
// a small fraction of the texts' size, and positions give exact phrases.
import { PostingCursor, PostingList } from './postings.js';
import { dateBound, type Atom, type ParsedQuery } from './query.js';
import { forEachWord, isStopWord, stemWord, termOf, words } from './text.js';
import { isWithin } from '../tags/index.js';

export type DocType = 'article' | 'passage' | 'note';

/** A document as handed to the index. */
export interface IndexDoc {
  type: DocType;
  id: string;
  /** The article an article's passage (or an attached note) belongs to. */
  articleId?: string | null;
  /** Display title (for a passage: its article's title). */
  title: string;
  source?: string;
  author?: string;
  text: string;
  /** When false only `text` is indexed (passages: the quote is the document; the title is its article's). */
  indexMeta?: boolean;
  published?: string | null;
  /** The date filters use: publication date, else when the item was made (YYYY-MM-DD...). */
  date?: string | null;
  tags?: string[];
  /** Any string that changes when the document changes (e.g. updatedAt): stale entries are reindexed. */
  stamp: string;
}

export interface DocRec {
  key: string;
  type: DocType;
  id: string;
  articleId: string | null;
  title: string;
  source: string;
  author: string;
  published: string | null;
  date: string | null;
  tags: string[];
  stamp: string;
  lens: [number, number, number, number];
  /** The source's folded words, for source: filters. */
  sourceWords: string;
  /** The document's most frequent terms and their counts: what query expansion draws on. */
  sig: string[];
  sigTf: number[];
}

export interface Hit {
  doc: DocRec;
  score: number;
}

export interface SearchOutcome {
  hits: Hit[];
  /** Every index term the query matched (expansions included): what snippets highlight. */
  terms: Set<string>;
  /** Total documents that matched (before the limit). */
  total: number;
}

/** Fields in index order. */
export const FIELDS = ['title', 'source', 'author', 'text'] as const;
const NF = FIELDS.length;

/** Ranking parameters: general settings, tuned once on a test collection, never per query. */
export interface RankParams {
  k1: number;
  /** Per-field weight (title > source/author > text). */
  weight: [number, number, number, number];
  /** Per-field length normalisation. */
  b: [number, number, number, number];
  /** Weight of a prefix expansion of the word being typed, relative to the word itself. */
  prefixWeight: number;
  /** Weight of a typo correction. */
  typoWeight: number;
  /** Coordination: score × (matched words / query words)^coord, so fuller matches rank first. */
  coord: number;
  /** Proximity re-ranking: bonus weight for query-word pairs near each other (0 = off), window in words, depth. */
  proximity: number;
  proximityWindow: number;
  proximityDepth: number;
  /**
   * Pseudo-relevance feedback for long (question-like) queries: with at least
   * `feedbackMinWords` words, the top `feedbackDocs` results lend their
   * characteristic terms (`feedbackTerms` of them, weighted `feedbackWeight`)
   * to a second pass. Short queries, as typed in the search box, skip it.
   */
  feedbackMinWords: number;
  feedbackDocs: number;
  feedbackTerms: number;
  feedbackWeight: number;
}

// Tuned on Cranfield as whole settings (grid over k1, b, weights, feedback), see eval/search.ts.
export const DEFAULT_RANK: RankParams = {
  k1: 1.5,
  weight: [2.5, 1.5, 1.5, 1],
  b: [0.4, 0.3, 0.3, 0.85],
  prefixWeight: 0.8,
  typoWeight: 0.6,
  coord: 0,
  proximity: 0.2,
  proximityWindow: 8,
  proximityDepth: 100,
  feedbackMinWords: 5,
  feedbackDocs: 5,
  feedbackTerms: 10,
  feedbackWeight: 0.5,
};

const SIG_SIZE = 32;

interface TermEntry {
  /** Documents containing the term in any field (deleted documents count until compaction). */
  df: number;
  lists: (PostingList | undefined)[];
}

const MAX_PREFIX_EXPANSIONS = 40;
const MAX_TYPO_EXPANSIONS = 8;

export class SearchIndex {
  private terms = new Map<string, TermEntry>();
  /** Sorted folded surface words, for prefix and typo expansion; each maps to its index term. */
  private surfaceList: string[] = [];
  private surfaceTerm = new Map<string, string>();
  private docs: (DocRec | undefined)[] = [];
  private keyToDoc = new Map<string, number>();
  private lens: Uint32Array[] = FIELDS.map(() => new Uint32Array(1024));
  /** Each document's date as YYYYMMDD (0 when unknown): ties and filter-only listings sort by it. */
  private dateNum = new Int32Array(1024);
  private lenSum = [0, 0, 0, 0];
  private live = 0;
  /** Notes attached to each article, for has:notes. */
  private notesByArticle = new Map<string, number>();
  // Query scratch, reused between queries.
  private acc = new Float64Array(1024);
  private gscore = new Float64Array(1024);
  private total = new Float64Array(1024);
  private softCount = new Uint16Array(1024);
  private hardCount = new Uint16Array(1024);

  constructor(public rank: RankParams = DEFAULT_RANK) {}

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

  private bumpNotes(articleId: string, by: number): void {
    const n = (this.notesByArticle.get(articleId) ?? 0) + by;
    if (n > 0) this.notesByArticle.set(articleId, n);
    else this.notesByArticle.delete(articleId);
  }

  /** Surface words seen since the sorted list was last brought up to date. */
  private newSurfaces: string[] = [];

  private addSurface(w: string, t: string): void {
    this.surfaceTerm.set(w, t);
    this.newSurfaces.push(w);
  }

  /** The sorted surface list, merging words added since (a few after an edit; all of them after a build). */
  private surfaces(): string[] {
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

  private growDocArrays(n: number): void {
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

  private ensureScratch(): void {
    const n = this.docs.length;
    if (this.acc.length >= n) return;
    const cap = Math.max(n, this.acc.length * 2);
    this.acc = new Float64Array(cap);
    this.gscore = new Float64Array(cap);
    this.total = new Float64Array(cap);
    this.softCount = new Uint16Array(cap);
    this.hardCount = new Uint16Array(cap);
  }

  // ---------------------------------------------------------------- querying

  private idf(df: number): number {
    const n = this.docs.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Index terms a query word stands for, with weights: the word, its prefix completions, or typo corrections. */
  expandWord(word: string, prefix: boolean): { term: string; weight: number }[] {
    const out: { term: string; weight: number }[] = [];
    const seen = new Set<string>();
    if (!isStopWord(word)) {
      const t = stemWord(word);
      if ((this.terms.get(t)?.df ?? 0) > 0) {
        out.push({ term: t, weight: 1 });
        seen.add(t);
      }
    }
    if (prefix) {
      const cands: string[] = [];
      const list = this.surfaces();
      for (let i = lowerBound(list, word); i < list.length; i++) {
        const s = list[i]!;
        if (!s.startsWith(word)) break;
        const t = this.surfaceTerm.get(s)!;
        if (!seen.has(t)) {
          seen.add(t);
          cands.push(t);
        }
        if (cands.length > 2000) break;
      }
      // Short prefixes match many words: keep the commonest, which keeps typing fast.
      const cap = word.length <= 1 ? 8 : word.length === 2 ? 16 : MAX_PREFIX_EXPANSIONS;
      cands.sort((a, b) => (this.terms.get(b)?.df ?? 0) - (this.terms.get(a)?.df ?? 0));
      // And a budget of postings to read, so a prefix of common words stays fast at any library size.
      let budget = Math.max(20_000, 2 * this.live);
      for (const t of cands.slice(0, cap)) {
        const df = this.terms.get(t)?.df ?? 0;
        if (df > budget && out.length > 0) continue;
        budget -= df;
        out.push({ term: t, weight: this.rank.prefixWeight });
      }
    }
    if (out.length === 0 && word.length >= 4 && !isStopWord(word)) {
      for (const t of this.typoTerms(word)) out.push({ term: t, weight: this.rank.typoWeight });
    }
    return out;
  }

  /** Terms of surface words within one edit (two for long words) of `word`: the fallback when it matches nothing. */
  private typoTerms(word: string): string[] {
    const max = word.length >= 8 ? 2 : 1;
    const found = new Map<string, number>();
    for (const s of this.surfaces()) {
      if (Math.abs(s.length - word.length) > max) continue;
      const d = boundedDistance(word, s, max);
      if (d <= max) {
        const t = this.surfaceTerm.get(s)!;
        const prev = found.get(t);
        if (prev === undefined || d < prev) found.set(t, d);
      }
    }
    return [...found.entries()]
      .sort((a, b) => a[1] - b[1] || (this.terms.get(b[0])?.df ?? 0) - (this.terms.get(a[0])?.df ?? 0))
      .slice(0, MAX_TYPO_EXPANSIONS)
      .map(([t]) => t);
  }

  /**
   * BM25F contributions of one term (tf combined across fields before
   * saturation): returns the live documents containing it, each one's score
   * left in this.acc[doc] for the caller to take (and reset to 0).
   */
  private scoreTerm(term: string, weight: number): number[] {
    const e = this.terms.get(term);
    if (!e) return [];
    return this.scoreLists(e.lists, e.df, weight);
  }

  private scoreLists(
    lists: (PostingList | undefined)[],
    df: number,
    weight: number,
    tfOverride?: Map<number, number[]>,
  ): number[] {
    const { k1, weight: fw, b } = this.rank;
    const acc = this.acc;
    const touched: number[] = [];
    const n = this.live || 1;
    for (let f = 0; f < NF; f++) {
      const list = lists[f];
      if (!list) continue;
      const avg = this.lenSum[f]! / n || 1;
      const lensF = this.lens[f]!;
      const wf = fw[f]!;
      const bf = b[f]!;
      const c = new PostingCursor(list);
      while (c.next()) {
        const doc = c.doc;
        if (this.docs[doc] === undefined) continue;
        let tf = c.tf;
        if (tfOverride) {
          const o = tfOverride.get(doc);
          if (!o || !o[f]) continue;
          tf = o[f]!;
        }
        const norm = 1 - bf + (bf * lensF[doc]!) / avg;
        if (acc[doc] === 0) touched.push(doc);
        acc[doc] = acc[doc]! + (wf * tf) / norm;
      }
    }
    const idf = this.idf(df) * weight;
    for (const doc of touched) {
      const a = acc[doc]!;
      acc[doc] = (idf * a * (k1 + 1)) / (k1 + a);
    }
    return touched;
  }

  /**
   * Documents where the words occur in this order (stop words count as gaps),
   * with the phrase's frequency per field.
   */
  private phraseMatches(ws: string[]): { terms: string[]; perDoc: Map<number, number[]> } | null {
    const items: { term: string; off: number }[] = [];
    ws.forEach((w, i) => {
      const t = termOf(w);
      if (t) items.push({ term: t, off: i });
    });
    if (items.length === 0) return null;
    const entries = items.map((it) => this.terms.get(it.term));
    const perDoc = new Map<number, number[]>();
    if (entries.some((e) => !e)) return { terms: items.map((i) => i.term), perDoc };
    for (let f = 0; f < NF; f++) {
      const lists = entries.map((e) => e!.lists[f]);
      if (lists.some((l) => !l)) continue;
      const cursors = lists.map((l) => new PostingCursor(l!));
      if (!cursors.every((c) => c.next())) continue;
      for (;;) {
        let maxDoc = -1;
        for (const c of cursors) if (c.doc > maxDoc) maxDoc = c.doc;
        let exhausted = false;
        let aligned = true;
        for (const c of cursors) {
          while (c.doc < maxDoc) {
            if (!c.next()) {
              exhausted = true;
              break;
            }
          }
          if (exhausted) break;
          if (c.doc !== maxDoc) aligned = false;
        }
        if (exhausted) break;
        if (!aligned) continue;
        if (this.docs[maxDoc] !== undefined) {
          const pos = cursors.map((c) => c.positions());
          const rest = pos.slice(1).map((p) => new Set(p));
          let count = 0;
          for (const p0 of pos[0]!) {
            const base = p0 - items[0]!.off;
            if (rest.every((set, i) => set.has(base + items[i + 1]!.off))) count++;
          }
          if (count > 0) {
            let slot = perDoc.get(maxDoc);
            if (!slot) perDoc.set(maxDoc, (slot = [0, 0, 0, 0]));
            slot[f] = count;
          }
        }
        if (!cursors[0]!.next()) break;
      }
    }
    return { terms: items.map((i) => i.term), perDoc };
  }

  private passesFilter(rec: DocRec, a: Extract<Atom, { kind: 'filter' }>): boolean {
    switch (a.key) {
      case 'tag':
        return rec.tags.some((t) => isWithin(t, a.value));
      case 'type':
        return rec.type === a.value;
      case 'source':
        return rec.sourceWords.includes(' ' + a.value + ' ') || rec.sourceWords.includes(' ' + a.value);
      case 'before': {
        const d = dateBound(a.value, 'before');
        return d !== null && rec.date !== null && rec.date < d;
      }
      case 'after': {
        const d = dateBound(a.value, 'after');
        return d !== null && rec.date !== null && rec.date > d;
      }
      case 'has':
        if (a.value === 'notes' || a.value === 'note') {
          const art = rec.type === 'article' ? rec.id : rec.type === 'passage' ? rec.articleId : null;
          return art !== null && this.notesByArticle.has(art);
        }
        if (a.value === 'tags' || a.value === 'tag') return rec.tags.length > 0;
        return false;
    }
  }

  /** Runs a parsed query: ranked hits, best first. */
  search(q: ParsedQuery, limit = 20): SearchOutcome {
    const soft = q.groups.filter((g) => g.atoms.every((a) => a.kind === 'word'));
    const simple = soft.length === q.groups.length && q.exclude.length === 0;
    const r = this.rank;
    if (!simple || soft.length < r.feedbackMinWords || r.feedbackTerms <= 0) return this.run(q, limit, []);
    const first = this.run(q, r.feedbackDocs, []);
    return this.run(q, limit, this.feedbackTerms(first));
  }

  /** Expansion terms from the first pass's best documents (relevance model, idf-weighted). */
  private feedbackTerms(first: SearchOutcome): { term: string; weight: number }[] {
    const inQuery = new Set(first.terms);
    const cand = new Map<string, number>();
    const sum = first.hits.reduce((s, h) => s + h.score, 0) || 1;
    for (const h of first.hits) {
      const len = h.doc.lens[3] + h.doc.lens[0] || 1;
      h.doc.sig.forEach((t, i) => {
        if (inQuery.has(t)) return;
        const df = this.terms.get(t)?.df ?? 0;
        if (df < 2) return;
        cand.set(t, (cand.get(t) ?? 0) + (h.score / sum) * (h.doc.sigTf[i]! / len) * this.idf(df));
      });
    }
    const top = [...cand.entries()].sort((a, b) => b[1] - a[1]).slice(0, this.rank.feedbackTerms);
    const max = top[0]?.[1] ?? 1;
    return top.map(([term, w]) => ({ term, weight: (this.rank.feedbackWeight * w) / max }));
  }

  private run(q: ParsedQuery, limit: number, extra: { term: string; weight: number }[]): SearchOutcome {
    this.ensureScratch();
    const termsUsed = new Set<string>();
    const { gscore, total, softCount, hardCount } = this;
    const candidates: number[] = [];
    let nSoft = 0;
    let nHard = 0;
    /** The query's words in order (exact terms), for proximity. */
    const sequence: string[] = [];
    const filterGroups: { alts: Extract<Atom, { kind: 'filter' }>[]; textDocs?: Set<number> }[] = [];

    for (const g of q.groups) {
      const filters = g.atoms.filter((a): a is Extract<Atom, { kind: 'filter' }> => a.kind === 'filter');
      const textual = g.atoms.filter((a) => a.kind !== 'filter');
      if (filters.length && !textual.length) {
        filterGroups.push({ alts: filters });
        continue;
      }
      const hard = g.atoms.some((a) => a.kind !== 'word');
      if (hard) nHard++;
      else nSoft++;
      const touched: number[] = [];
      const acc = this.acc;
      // The group's score for a document is its best alternative's.
      const take = (docs: number[]) => {
        for (const doc of docs) {
          const sc = acc[doc]!;
          acc[doc] = 0;
          if (gscore[doc] === 0) touched.push(doc);
          if (sc > gscore[doc]!) gscore[doc] = sc;
        }
      };
      for (const a of textual) {
        if (a.kind === 'word') {
          const t = termOf(a.word);
          if (t && g.atoms.length === 1) sequence.push(t);
          for (const { term, weight } of this.expandWord(a.word, a.prefix)) {
            termsUsed.add(term);
            take(this.scoreTerm(term, weight));
          }
        } else if (a.kind === 'phrase') {
          const m = this.phraseMatches(a.words);
          if (!m) continue;
          m.terms.forEach((t) => termsUsed.add(t));
          if (m.terms.length === 1) {
            take(this.scoreTerm(m.terms[0]!, 1));
            continue;
          }
          // A phrase scores as one rare term: its frequency in each field, its own document frequency.
          const first = this.terms.get(m.terms[0]!);
          if (first && m.perDoc.size) take(this.scoreLists(first.lists, m.perDoc.size, 1.5, m.perDoc));
        }
      }
      // A group with a filter alternative ("tag:x OR drones") is also met by the filter.
      for (const doc of touched) {
        if (total[doc] === 0 && softCount[doc] === 0 && hardCount[doc] === 0) candidates.push(doc);
        total[doc] = total[doc]! + gscore[doc]!;
        gscore[doc] = 0;
        if (hard) hardCount[doc] = hardCount[doc]! + 1;
        else softCount[doc] = softCount[doc]! + 1;
      }
      if (filters.length) {
        // Mixed group: documents failing the text may still meet it through a filter (checked below).
        filterGroups.push({ alts: filters, textDocs: new Set(touched) });
        if (hard) nHard--;
        else nSoft--;
        for (const doc of touched) {
          if (hard) hardCount[doc] = hardCount[doc]! - 1;
          else softCount[doc] = softCount[doc]! - 1;
        }
      }
    }

    // Expansion terms add to documents already matched; they never bring in a document on their own.
    for (const { term, weight } of extra) {
      for (const doc of this.scoreTerm(term, weight)) {
        if (softCount[doc]! > 0 || hardCount[doc]! > 0) total[doc] = total[doc]! + this.acc[doc]!;
        this.acc[doc] = 0;
      }
    }

    const excluded = this.excludedDocs(q.exclude);
    const excludeFilters = q.exclude.filter((a): a is Extract<Atom, { kind: 'filter' }> => a.kind === 'filter');
    const textless = nSoft + nHard === 0;
    const pool: Iterable<number> = textless ? this.keyToDoc.values() : candidates;
    const heap = new TopK(this.rank.proximity > 0 && nSoft > 1 ? Math.max(limit, this.rank.proximityDepth) : limit);
    let matched = 0;
    const coord = this.rank.coord;
    const checkFilters = filterGroups.length > 0 || excludeFilters.length > 0;
    const meets = (g: (typeof filterGroups)[number], doc: number, rec: DocRec) =>
      g.textDocs?.has(doc) || g.alts.some((f) => this.passesFilter(rec, f));
    for (const doc of pool) {
      const score = total[doc]!;
      const soft = softCount[doc]!;
      const hardOk = hardCount[doc] === nHard;
      total[doc] = 0;
      softCount[doc] = 0;
      hardCount[doc] = 0;
      if (!textless && (!hardOk || (nSoft > 0 && soft === 0))) continue;
      if (excluded !== null && excluded[doc] === 1) continue;
      if (checkFilters) {
        const rec = this.docs[doc]!;
        if (excludeFilters.some((f) => this.passesFilter(rec, f))) continue;
        if (!filterGroups.every((g) => meets(g, doc, rec))) continue;
      }
      matched++;
      const final = textless ? 0 : nSoft && coord ? score * Math.pow(soft / nSoft, coord) : score;
      heap.push(doc, final, this.dateNum[doc]!);
    }
    let ranked = heap.sorted();
    if (this.rank.proximity > 0 && sequence.length > 1 && ranked.length > 1)
      ranked = this.proximityRerank(ranked, sequence);
    const hits = ranked.slice(0, limit).map(({ doc, score }) => ({ doc: this.docs[doc]!, score }));
    return { hits, terms: termsUsed, total: matched };
  }

  /**
   * Re-ranks the best candidates by how close the query's words stand to each
   * other (pairs of neighbouring query words within a window): a document
   * that discusses "heat transfer" outranks one that mentions heat and,
   * elsewhere, transfer. Only the top candidates are examined, so it costs
   * little; the rest keep their order below.
   */
  private proximityRerank(ranked: { doc: number; score: number }[], seq: string[]): { doc: number; score: number }[] {
    const depth = Math.min(ranked.length, this.rank.proximityDepth);
    const head = ranked.slice(0, depth);
    const want = new Map(head.map((h, i) => [h.doc, i]));
    const uniq = [...new Set(seq)];
    // positions[termIdx][headIdx] for title (offset far away so fields never touch) and text.
    const pos: (number[] | undefined)[][] = uniq.map(() => new Array(depth));
    uniq.forEach((t, ti) => {
      const e = this.terms.get(t);
      if (!e) return;
      for (const f of [0, 3]) {
        const l = e.lists[f];
        if (!l) continue;
        const c = new PostingCursor(l);
        while (c.next()) {
          const hi = want.get(c.doc);
          if (hi === undefined) continue;
          const ps = c.positions().map((p) => (f === 0 ? p - 100_000 : p));
          const slot = pos[ti]!;
          slot[hi] = slot[hi] ? slot[hi]!.concat(ps) : ps;
        }
      }
    });
    const W = this.rank.proximityWindow;
    const { k1 } = this.rank;
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < seq.length; i++) {
      const a = uniq.indexOf(seq[i]!);
      const b = uniq.indexOf(seq[i + 1]!);
      if (a !== b) pairs.push([a, b]);
    }
    const idfs = uniq.map((t) => this.idf(this.terms.get(t)?.df ?? 0));
    const out = head.map((h, hi) => {
      let bonus = 0;
      for (const [a, b] of pairs) {
        const pa = pos[a]![hi];
        const pb = pos[b]![hi];
        if (!pa || !pb) continue;
        let n = 0;
        for (const x of pa) for (const y of pb) if (Math.abs(x - y) <= W) n++;
        if (n) bonus += Math.min(idfs[a]!, idfs[b]!) * ((n * (k1 + 1)) / (n + k1));
      }
      return { doc: h.doc, score: h.score + this.rank.proximity * bonus };
    });
    out.sort((x, y) => y.score - x.score);
    return out.concat(ranked.slice(depth));
  }

  /** Marks (1) the documents an excluded word or phrase occurs in; null when nothing is excluded by text. */
  private excludedDocs(atoms: Atom[]): Uint8Array | null {
    const textual = atoms.filter((a) => a.kind !== 'filter');
    if (textual.length === 0) return null;
    const out = new Uint8Array(this.docs.length);
    for (const a of textual) {
      if (a.kind === 'word') {
        const t = termOf(a.word);
        const e = t ? this.terms.get(t) : undefined;
        if (!e) continue;
        for (const l of e.lists) {
          if (!l) continue;
          const c = new PostingCursor(l);
          while (c.next()) out[c.doc] = 1;
        }
      } else if (a.kind === 'phrase') {
        const m = this.phraseMatches(a.words);
        if (m) for (const d of m.perDoc.keys()) out[d] = 1;
      }
    }
    return out;
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

  /** The index as bytes: a JSON header (documents, dictionary) followed by the posting lists. */
  serialize(meta: Record<string, unknown> = {}): Buffer {
    // Removed documents are written as holes: compacting on every save would cost a
    // rewrite of every list; it waits until they are a quarter of the index.
    if (this.deleted > 0 && this.deleted >= this.docs.length / 4) this.compact();
    const termNames: string[] = [];
    const termIndex = new Map<string, number>();
    const dict: [string, number, number[]][] = [];
    const chunks: Uint8Array[] = [];
    for (const [t, e] of this.terms) {
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
      docs: this.docs.map((d) => {
        if (!d) return null;
        const { sourceWords: _s, lens: _l, sig, ...rest } = d;
        return { ...rest, sig: sig.map((t) => termIndex.get(t) ?? -1) };
      }),
      lens: FIELDS.map((_, f) => Array.from(this.lens[f]!.subarray(0, this.docs.length))),
      dict,
      surfaces: this.surfaces(),
      surfaceTerm: this.surfaceList.map((s) => termIndex.get(this.surfaceTerm.get(s)!) ?? -1),
    };
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length);
    return Buffer.concat([MAGIC, len, head, ...chunks]);
  }

  /** Reads what serialize() wrote; throws on anything damaged. Posting lists stay views of `buf` (no copy). */
  static deserialize(buf: Buffer, rank?: RankParams): { index: SearchIndex; meta: Record<string, unknown> } {
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
    const ix = new SearchIndex(rank);
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
    return { index: ix, meta: header.meta };
  }
}

const MAGIC = Buffer.from('SCHOLIA-SEARCH\n');

function dateNumber(date: string | null): number {
  if (!date) return 0;
  const n = Number(date.slice(0, 10).replace(/-/g, ''));
  return Number.isFinite(n) ? n : 0;
}

/** Every record built with the same shape (property order), which keeps property reads fast in the hot loops. */
function makeRec(r: Omit<DocRec, 'sourceWords'>): DocRec {
  return {
    key: r.key,
    type: r.type,
    id: r.id,
    articleId: r.articleId,
    title: r.title,
    source: r.source,
    author: r.author,
    published: r.published,
    date: r.date,
    tags: r.tags,
    stamp: r.stamp,
    lens: r.lens,
    sourceWords: ' ' + words(r.source).join(' ') + ' ',
    sig: r.sig,
    sigTf: r.sigTf,
  };
}

function lowerBound(arr: string[], x: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
const letterCounts = new Int32Array(65536);

/** Letters of `a` not matched by a letter of `b` (as multisets), counting up to max+1. */
function missingLetters(a: string, b: string, max: number): number {
  for (let j = 0; j < b.length; j++) letterCounts[b.charCodeAt(j)]!++;
  let missing = 0;
  for (let i = 0; i < a.length && missing <= max; i++) {
    const c = a.charCodeAt(i);
    if (letterCounts[c]! > 0) letterCounts[c]!--;
    else missing++;
  }
  for (let j = 0; j < b.length; j++) letterCounts[b.charCodeAt(j)] = 0;
  return missing;
}

/** Optimal-string-alignment distance, giving up (returning max+1) once it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  // One edit leaves one of the first two letters in place (or swaps them): a cheap first test.
  if (max === 1 && n > 1 && m > 1 && a[0] !== b[0] && a[1] !== b[1] && a[0] !== b[1] && a[1] !== b[0]) return 2;
  // Each edit brings at most one letter of `a` that `b` lacks: more such letters than edits rules it out.
  if (missingLetters(a, b, max) > max) return max + 1;
  if (m + 1 > rows[0]!.length) for (let k = 0; k < 3; k++) rows[k] = new Int32Array(m + 1);
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Keeps the best `k` (score desc, then newest date) without sorting every candidate. */
class TopK {
  private items: { doc: number; score: number; date: number }[] = [];
  constructor(private readonly k: number) {}
  private better(a: { score: number; date: number }, b: { score: number; date: number }): boolean {
    return a.score > b.score || (a.score === b.score && a.date > b.date);
  }
  push(doc: number, score: number, date: number): void {
    const h = this.items;
    if (h.length >= this.k && this.k > 0) {
      const top = h[0]!;
      if (score < top.score || (score === top.score && date <= top.date)) return;
    }
    const it = { doc, score, date };
    if (h.length < this.k) {
      h.push(it);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.better(h[p]!, h[i]!)) break;
        [h[p], h[i]] = [h[i]!, h[p]!];
        i = p;
      }
    } else if (this.k > 0 && this.better(it, h[0]!)) {
      h[0] = it;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = i;
        if (l < h.length && this.better(h[w]!, h[l]!)) w = l;
        if (r < h.length && this.better(h[w]!, h[r]!)) w = r;
        if (w === i) break;
        [h[w], h[i]] = [h[i]!, h[w]!];
        i = w;
      }
    }
  }
  sorted(): { doc: number; score: number }[] {
    return [...this.items].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }
}
