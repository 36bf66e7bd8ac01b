// How much a pair of articles' shared passages say that they report the same
// event. Measured on BASIL (npm run eval:crossref), the false pairs the plain
// matcher reported were one short run each: a name with its title ("Senator
// Mitch McConnell of Kentucky, the majority leader"), a stock phrase ("use of
// a private email system while secretary of state"), mostly within one outlet
// and months apart. So a pair must bring enough RARE shared words:
//   - each shared word counts by the rarity of its run in the library (a run
//     that many articles carry is boilerplate, IDF-like, and one that an
//     article set aside as boilerplate counts for nothing);
//   - articles published within a few days of each other need half as much,
//     two articles of the same outlet twice as much (house style repeats
//     itself, across stories).
// A pair below the bar is not reported at all: its passages are not evidence.

/** Rarity-weighted shared words two articles of different outlets, dates unknown, need. */
export const BASE_EVIDENCE = 16;
/** Publication dates at most this far apart halve the bar. */
export const CLOSE_DAYS = 3;
/** A run carried by at most this many articles counts in full. */
const FULL_WEIGHT_DF = 3;

/** Weight of a run carried by `df` articles of a library of `n` (1 = rare, towards 0 = carried everywhere). */
export function rarityWeight(df: number, n: number): number {
  if (df <= FULL_WEIGHT_DF || n <= 30) return 1;
  const w = Math.log(n / df) / Math.log(n / FULL_WEIGHT_DF);
  return Math.max(0, Math.min(1, w));
}

export interface PairContext {
  sameSource: boolean;
  /** Days between the two publication dates; null when either is unknown. */
  daysApart: number | null;
}

/** The weighted words a pair needs to be reported. */
export function evidenceNeeded(ctx: PairContext): number {
  let bar = BASE_EVIDENCE;
  if (ctx.daysApart !== null && ctx.daysApart <= CLOSE_DAYS) bar /= 2;
  if (ctx.sameSource) bar *= 2;
  return bar;
}

/** Days between two ISO dates (or timestamps), null when either is missing or unreadable. */
export function daysBetween(a: string | null | undefined, b: string | null | undefined): number | null {
  if (!a || !b) return null;
  const x = Date.parse(a.slice(0, 10));
  const y = Date.parse(b.slice(0, 10));
  if (Number.isNaN(x) || Number.isNaN(y)) return null;
  return Math.abs(x - y) / 86_400_000;
}

/** Outlet names compared as a reader would ("The Moscow Times" = "Moscow Times"). */
export function sameOutlet(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const x = norm(a);
  return x !== '' && x === norm(b);
}

/** What the library knows about a shingle: how many articles carry it, whether one set it aside. */
export interface ShingleStats {
  df(h: number): number;
  isBoilerplate(h: number): boolean;
  readonly size: number;
}

/**
 * The weight of a shared run from the shingles (SEED_K-word hashes) that start inside it: 0 when
 * most of them lie in text some article set aside, else the rarity of its typical (median) shingle.
 */
export function runWeight(seeds: ArrayLike<number>, stats: ShingleStats): number {
  if (seeds.length === 0) return 1;
  let boiler = 0;
  const dfs: number[] = [];
  for (let i = 0; i < seeds.length; i++) {
    const h = seeds[i]!;
    if (stats.isBoilerplate(h)) boiler++;
    const df = stats.df(h);
    if (df > 0) dfs.push(df);
  }
  if (boiler * 2 >= seeds.length) return 0;
  if (dfs.length === 0) return 1;
  dfs.sort((x, y) => x - y);
  return rarityWeight(dfs[dfs.length >> 1]!, stats.size);
}

/** A shared passage as evidence: its words on this side, its weight. */
export interface WeighedPair {
  words: number;
  weight: number;
}

/** True when the pair's passages together clear the bar for this pair of articles. */
export function enoughEvidence(pairs: readonly WeighedPair[], ctx: PairContext): boolean {
  let sum = 0;
  for (const p of pairs) sum += p.words * p.weight;
  return sum >= evidenceNeeded(ctx);
}
