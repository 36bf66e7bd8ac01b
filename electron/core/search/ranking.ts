// Ranking: BM25F over the fields (tf combined across fields before saturation),
// exact phrases from positions, filters, exclusions, a proximity bonus for the
// best candidates, and the top k kept without sorting every candidate.
import { expandWord, feedbackTerms, type Expansion } from './expansion.js';
import { PostingCursor, type PostingList } from './postings.js';
import { dateBound, type Atom, type ParsedQuery } from './query.js';
import { NF, idf, type DocRec, type SearchOutcome } from './records.js';
import type { SearchIndex } from './search-index.js';
import { termOf } from './text.js';
import { isWithin } from '../tags/index.js';

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

/** Runs queries over one index; holds the per-query scratch arrays, reused between queries. */
export class Ranker {
  // Query scratch, reused between queries.
  private acc = new Float64Array(1024);
  private gscore = new Float64Array(1024);
  private total = new Float64Array(1024);
  private softCount = new Uint16Array(1024);
  private hardCount = new Uint16Array(1024);

  constructor(private readonly ix: SearchIndex) {}

  private ensureScratch(): void {
    const n = this.ix.docs.length;
    if (this.acc.length >= n) return;
    const cap = Math.max(n, this.acc.length * 2);
    this.acc = new Float64Array(cap);
    this.gscore = new Float64Array(cap);
    this.total = new Float64Array(cap);
    this.softCount = new Uint16Array(cap);
    this.hardCount = new Uint16Array(cap);
  }

  /**
   * BM25F contributions of one term (tf combined across fields before
   * saturation): returns the live documents containing it, each one's score
   * left in this.acc[doc] for the caller to take (and reset to 0).
   */
  private scoreTerm(term: string, weight: number): number[] {
    const e = this.ix.terms.get(term);
    if (!e) return [];
    return this.scoreLists(e.lists, e.df, weight);
  }

  private scoreLists(
    lists: (PostingList | undefined)[],
    df: number,
    weight: number,
    tfOverride?: Map<number, number[]>,
  ): number[] {
    const { k1, weight: fw, b } = this.ix.rank;
    const acc = this.acc;
    const touched: number[] = [];
    const n = this.ix.live || 1;
    for (let f = 0; f < NF; f++) {
      const list = lists[f];
      if (!list) continue;
      const avg = this.ix.lenSum[f]! / n || 1;
      const lensF = this.ix.lens[f]!;
      const wf = fw[f]!;
      const bf = b[f]!;
      const c = new PostingCursor(list);
      while (c.next()) {
        const doc = c.doc;
        if (this.ix.docs[doc] === undefined) continue;
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
    const w = idf(this.ix.docs.length, df) * weight;
    for (const doc of touched) {
      const a = acc[doc]!;
      acc[doc] = (w * a * (k1 + 1)) / (k1 + a);
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
    const entries = items.map((it) => this.ix.terms.get(it.term));
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
        if (this.ix.docs[maxDoc] !== undefined) {
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
          return art !== null && this.ix.notesByArticle.has(art);
        }
        if (a.value === 'tags' || a.value === 'tag') return rec.tags.length > 0;
        if (a.value === 'contradictions') return rec.type !== 'note' && !!a.ids?.has(rec.id);
        return false;
      case 'story': {
        const art = rec.type === 'article' ? rec.id : rec.type === 'passage' ? rec.articleId : null;
        return !!art && !!a.ids?.has(art);
      }
    }
  }

  /** Runs a parsed query: ranked hits, best first. */
  search(q: ParsedQuery, limit = 20): SearchOutcome {
    const soft = q.groups.filter((g) => g.atoms.every((a) => a.kind === 'word'));
    const simple = soft.length === q.groups.length && q.exclude.length === 0;
    const r = this.ix.rank;
    if (!simple || soft.length < r.feedbackMinWords || r.feedbackTerms <= 0) return this.run(q, limit, []);
    const first = this.run(q, r.feedbackDocs, []);
    return this.run(q, limit, feedbackTerms(this.ix, first));
  }

  private run(q: ParsedQuery, limit: number, extra: Expansion[]): SearchOutcome {
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
          for (const { term, weight } of expandWord(this.ix, a.word, a.prefix)) {
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
          const first = this.ix.terms.get(m.terms[0]!);
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
    const pool: Iterable<number> = textless ? this.ix.keyToDoc.values() : candidates;
    const heap = new TopK(
      this.ix.rank.proximity > 0 && nSoft > 1 ? Math.max(limit, this.ix.rank.proximityDepth) : limit,
    );
    let matched = 0;
    const coord = this.ix.rank.coord;
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
        const rec = this.ix.docs[doc]!;
        if (excludeFilters.some((f) => this.passesFilter(rec, f))) continue;
        if (!filterGroups.every((g) => meets(g, doc, rec))) continue;
      }
      matched++;
      const final = textless ? 0 : nSoft && coord ? score * Math.pow(soft / nSoft, coord) : score;
      heap.push(doc, final, this.ix.dateNum[doc]!);
    }
    let ranked = heap.sorted();
    if (this.ix.rank.proximity > 0 && sequence.length > 1 && ranked.length > 1)
      ranked = this.proximityRerank(ranked, sequence);
    const hits = ranked.slice(0, limit).map(({ doc, score }) => ({ doc: this.ix.docs[doc]!, score }));
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
    const depth = Math.min(ranked.length, this.ix.rank.proximityDepth);
    const head = ranked.slice(0, depth);
    const want = new Map(head.map((h, i) => [h.doc, i]));
    const uniq = [...new Set(seq)];
    // positions[termIdx][headIdx] for title (offset far away so fields never touch) and text.
    const pos: (number[] | undefined)[][] = uniq.map(() => new Array(depth));
    uniq.forEach((t, ti) => {
      const e = this.ix.terms.get(t);
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
    const W = this.ix.rank.proximityWindow;
    const { k1 } = this.ix.rank;
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < seq.length; i++) {
      const a = uniq.indexOf(seq[i]!);
      const b = uniq.indexOf(seq[i + 1]!);
      if (a !== b) pairs.push([a, b]);
    }
    const idfs = uniq.map((t) => idf(this.ix.docs.length, this.ix.terms.get(t)?.df ?? 0));
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
      return { doc: h.doc, score: h.score + this.ix.rank.proximity * bonus };
    });
    out.sort((x, y) => y.score - x.score);
    return out.concat(ranked.slice(depth));
  }

  /** Marks (1) the documents an excluded word or phrase occurs in; null when nothing is excluded by text. */
  private excludedDocs(atoms: Atom[]): Uint8Array | null {
    const textual = atoms.filter((a) => a.kind !== 'filter');
    if (textual.length === 0) return null;
    const out = new Uint8Array(this.ix.docs.length);
    for (const a of textual) {
      if (a.kind === 'word') {
        const t = termOf(a.word);
        const e = t ? this.ix.terms.get(t) : undefined;
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
