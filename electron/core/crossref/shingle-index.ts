// An inverted index of winnowed word-shingle fingerprints over the library:
// "which articles may share text with this one" without comparing it with
// every article. Candidates are then checked word by word (match.ts), so a
// hash collision costs a comparison, never a false result.
import { scanWords, shingleHashes, winnow } from './tokens.js';

/** Shingle length and winnowing window: any shared run of INDEX_K + INDEX_W - 1 = 8 words is found. */
export const INDEX_K = 5;
export const INDEX_W = 4;
export const GUARANTEED_WORDS = INDEX_K + INDEX_W - 1;

/** Fingerprints of a text (its winnowed shingle hashes). */
export function fingerprints(text: string): Uint32Array {
  return Uint32Array.from(winnow(shingleHashes(scanWords(text).hashes, INDEX_K), INDEX_W));
}

interface Doc {
  id: string;
  /** What was indexed (the article's content hash): a changed article is re-indexed, a retitled one is not. */
  version: string;
  prints: Uint32Array;
}

export class ShingleIndex {
  private docs: (Doc | undefined)[] = [];
  private slot = new Map<string, number>();
  private free: number[] = [];
  private postings = new Map<number, number[]>();

  get size(): number {
    return this.slot.size;
  }

  has(id: string): boolean {
    return this.slot.has(id);
  }

  versionOf(id: string): string | undefined {
    const s = this.slot.get(id);
    return s === undefined ? undefined : this.docs[s]?.version;
  }

  ids(): string[] {
    return [...this.slot.keys()];
  }

  /** Adds or replaces a document. */
  add(id: string, text: string, version = ''): void {
    this.addPrints(id, fingerprints(text), version);
  }

  addPrints(id: string, prints: Uint32Array, version = ''): void {
    this.remove(id);
    const s = this.free.pop() ?? this.docs.length;
    this.docs[s] = { id, version, prints };
    this.slot.set(id, s);
    for (const h of prints) {
      const list = this.postings.get(h);
      if (list) list.push(s);
      else this.postings.set(h, [s]);
    }
  }

  remove(id: string): void {
    const s = this.slot.get(id);
    if (s === undefined) return;
    for (const h of this.docs[s]!.prints) {
      const list = this.postings.get(h);
      if (!list) continue;
      const i = list.indexOf(s);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.postings.delete(h);
    }
    this.docs[s] = undefined;
    this.slot.delete(id);
    this.free.push(s);
  }

  /**
   * Other documents sharing fingerprints with `id`, most shared first.
   * Fingerprints carried by a large share of the library (a site's footer, a
   * stock phrase) say nothing about who copied whom and are skipped.
   */
  candidates(id: string, limit = 200): { id: string; shared: number }[] {
    const s = this.slot.get(id);
    if (s === undefined) return [];
    return this.candidatesFor(this.docs[s]!.prints, limit, s);
  }

  /** Documents sharing fingerprints with a text that is not indexed (e.g. an orphaned passage's quote). */
  candidatesFor(prints: Uint32Array, limit = 200, self = -1): { id: string; shared: number }[] {
    const s = self;
    const maxDf = Math.max(50, Math.ceil(this.slot.size / 10));
    const counts = new Map<number, number>();
    for (const h of prints) {
      const list = this.postings.get(h);
      if (!list || list.length > maxDf) continue;
      for (const o of list) if (o !== s) counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, limit)
      .map(([o, shared]) => ({ id: this.docs[o]!.id, shared }));
  }
}
