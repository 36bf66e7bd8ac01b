// Describing a span of an article's canonical text as W3C selectors, and
// finding it again after the text has changed. Plain functions over strings:
// the reader maps DOM ranges to these offsets, the core stores the selectors.
//
// anchor() tries, in order: the remembered position (if it still holds the
// quote), every exact occurrence of the quote (ranked by how well the
// surrounding text and the distance from the old position agree), then an
// approximate search that tolerates edits inside the quote. The shape follows
// Hypothesis's match-quote: one weighted score over quote, prefix, suffix and
// position. The acceptance rules are ours: an error budget per ~32-character
// piece of the quote (acceptable()), and, when re-anchoring, a short quote
// must keep some of its context (contextAgrees()). Pure and DOM-free, so the
// renderer can use it too.
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../model.js';
import { distanceEndingAtEnd, distanceStartingAtStart, similarity } from './similarity.js';

/** Characters of context kept on each side of a quote (the usual W3C practice). */
export const CONTEXT_LENGTH = 32;

/**
 * Share of a quote's characters that may differ and still count as the same
 * passage. A quarter tolerates typo fixes, re-spacing and a changed word in a
 * short quote, and refuses a sentence rewritten into something else.
 */
export const DEFAULT_MAX_ERROR_RATE = 0.25;

/**
 * Share of any ~32-character piece of a long quote that may differ. Higher
 * than the overall rate so that a deleted word (up to a dozen characters) is
 * tolerated, lower than what a rewritten phrase costs (about half the piece).
 */
const PIECE_MAX_ERROR_RATE = 0.4;

/** Hypothesis's weights: the quote matters most, the context disambiguates, the position breaks ties. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/** Above this many exact occurrences only the nearest to the old position are ranked. */
const MAX_CANDIDATES = 500;

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Selectors as they arrive from outside (a partial quote, or only one of the two). */
export interface AnchorSelectors {
  quote?: Pick<TextQuoteSelector, 'exact'> & Partial<Pick<TextQuoteSelector, 'prefix' | 'suffix'>>;
  position?: Pick<TextPositionSelector, 'start' | 'end'>;
}

export interface AnchorOptions {
  /** Where the passage is expected to start; defaults to the position selector's start. */
  hint?: number;
  /** Share of the quote that may differ (default DEFAULT_MAX_ERROR_RATE). */
  maxErrorRate?: number;
  /**
   * Refuse a short quote whose prefix and suffix both disagree. Defaults to on
   * when a position selector is given (re-anchoring our own passage), off for
   * a bare quote (a search from outside has only the words to go on).
   */
  requireContext?: boolean;
}

export interface AnchorResult {
  start: number;
  end: number;
  /** 'anchored' when the exact quote was found, 'fuzzy' when an approximate match was accepted. */
  state: 'anchored' | 'fuzzy';
  /** Weighted agreement of quote, prefix, suffix and position: 1 is perfect. */
  score: number;
  /** Edits between the stored quote and the text now at start..end. */
  errors: number;
}

/** The selectors for text[start, end). Throws RangeError for an empty or out-of-bounds span. */
export function describeSelection(text: string, start: number, end: number): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`passage offsets ${start}..${end} are outside the text (0..${text.length}) or empty`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/**
 * Myers' bit-parallel approximate search: every lowest-error match of
 * `pattern` in `text` with at most `maxErrors` edits. Empty inputs match nothing.
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number): Candidate[] {
  if (pattern.length === 0 || text.length === 0) return [];
  return search(text, pattern, Math.max(0, Math.min(maxErrors, pattern.length)));
}

export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Finds the selectors' passage in `text`, or null when it cannot be placed
 * (the caller marks the passage an orphan; it is never dropped).
 */
export function anchor(text: string, selectors: AnchorSelectors, opts: AnchorOptions = {}): AnchorResult | null {
  const quote = selectors.quote;
  const position = selectors.position;
  if (!quote) {
    // A position alone is trusted as long as it fits the text.
    if (!position || position.start < 0 || position.end > text.length || position.start >= position.end) return null;
    return { start: position.start, end: position.end, state: 'anchored', score: 1, errors: 0 };
  }
  const exact = quote.exact;
  if (exact.length === 0 || text.length === 0) return null;
  const ctx: ScoreContext = {
    text,
    quoteLength: exact.length,
    prefix: quote.prefix ?? '',
    suffix: quote.suffix ?? '',
    hint: opts.hint ?? position?.start,
  };
  const rate = opts.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE;

  // 1. The remembered position still holds the quote, with its context intact.
  if (position && text.slice(position.start, position.end) === exact) {
    const c = { start: position.start, end: position.end, errors: 0 };
    const s = scoreParts(ctx, c);
    if (s.prefix >= 0.75 && s.suffix >= 0.75) return result(ctx, c, 'anchored');
  }

  // 2. Exact occurrences, best context and nearest the old position first,
  //    taken at once when the surrounding text agrees on at least one side.
  const exacts = exactOccurrences(text, exact, ctx.hint);
  const top = exacts.length > 0 ? best(ctx, exacts) : undefined;
  if (top && contextAgrees(ctx, top)) return result(ctx, top, 'anchored');

  // 3. Approximate matches (the quote itself was edited) ranked together with
  //    the exact ones: a typo fixed inside the passage must beat the same word
  //    found exactly in another paragraph.
  const maxErrors = Math.min(Math.floor(exact.length * rate), 256);
  const candidates = [...exacts, ...(maxErrors > 0 ? approximateCandidates(text, exact, maxErrors) : [])];
  const ranked = candidates
    .map((c) => ({ c, score: score(ctx, c) }))
    // Equal scores: the match closest to the quote's length, then the earliest.
    .sort(
      (a, b) =>
        b.score - a.score ||
        Math.abs(a.c.end - a.c.start - exact.length) - Math.abs(b.c.end - b.c.start - exact.length) ||
        a.c.start - b.c.start,
    );
  // Re-anchoring a passage we described ourselves (a position is known): a
  // short quote whose surroundings are gone on both sides is another
  // occurrence of the same words, not the passage; it becomes an orphan.
  // (A long quote identifies itself: its surroundings may all have been edited.)
  const strict = opts.requireContext ?? position !== undefined;
  for (const { c } of ranked.slice(0, 20)) {
    if (strict && exact.length < CONTEXT_LENGTH && !contextAgrees(ctx, c)) continue;
    if (c.errors === 0) return result(ctx, c, 'anchored');
    if (acceptable(text, exact, c, rate)) return result(ctx, c, 'fuzzy');
  }
  return null;
}

interface ScoreContext {
  text: string;
  quoteLength: number;
  prefix: string;
  suffix: string;
  hint: number | undefined;
}

/** At least one side of the stored context is still mostly there (or none was stored). */
function contextAgrees(ctx: ScoreContext, c: Candidate): boolean {
  if (!ctx.prefix && !ctx.suffix) return true;
  const s = scoreParts(ctx, c);
  return (ctx.prefix !== '' && s.prefix >= 0.5) || (ctx.suffix !== '' && s.suffix >= 0.5);
}

function scoreParts(
  ctx: ScoreContext,
  c: Candidate,
): { quote: number; prefix: number; suffix: number; position: number } {
  const { text, prefix, suffix } = ctx;
  // Windows a little longer than the context so inserted characters cost one edit each, not a mismatch of everything after.
  const before = text.slice(Math.max(0, c.start - Math.ceil(prefix.length * 1.25) - 4), c.start);
  const after = text.slice(c.end, c.end + Math.ceil(suffix.length * 1.25) + 4);
  return {
    quote: similarity(c.errors, ctx.quoteLength),
    prefix: prefix ? similarity(distanceEndingAtEnd(prefix, before), prefix.length) : 1,
    suffix: suffix ? similarity(distanceStartingAtStart(suffix, after), suffix.length) : 1,
    position: ctx.hint === undefined ? 1 : 1 - Math.abs(c.start - ctx.hint) / Math.max(text.length, 1),
  };
}

function score(ctx: ScoreContext, c: Candidate): number {
  const s = scoreParts(ctx, c);
  return (
    (WEIGHTS.quote * s.quote + WEIGHTS.prefix * s.prefix + WEIGHTS.suffix * s.suffix + WEIGHTS.position * s.position) /
    WEIGHT_SUM
  );
}

/** The best-scoring candidate; ties go to the earliest in the text. */
function best(ctx: ScoreContext, cands: Candidate[]): Candidate {
  let top = cands[0]!;
  let topScore = score(ctx, top);
  for (const c of cands.slice(1)) {
    const s = score(ctx, c);
    if (s > topScore || (s === topScore && c.start < top.start)) {
      top = c;
      topScore = s;
    }
  }
  return top;
}

function result(ctx: ScoreContext, c: Candidate, state: AnchorResult['state']): AnchorResult {
  return { start: c.start, end: c.end, state, score: score(ctx, c), errors: c.errors };
}

function exactOccurrences(text: string, exact: string, hint: number | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    out.push({ start: i, end: i + exact.length, errors: 0 });
  }
  if (out.length > MAX_CANDIDATES && hint !== undefined) {
    out.sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint));
    out.length = MAX_CANDIDATES;
  }
  return out;
}

/** Rounds of "mask the best matches, search again" (see approximateCandidates). */
const SEARCH_ROUNDS = 4;

/**
 * The matcher returns only the lowest-error matches in the text it is given,
 * so a slightly edited passage would be hidden by the same words quoted
 * exactly elsewhere in the article (news articles repeat their quotations).
 * After each search the matches found are masked out and the text searched
 * again, a few times: the next-best places come to light, and all of them are
 * ranked together by quote, context and position. Masking keeps offsets.
 */
function approximateCandidates(text: string, exact: string, maxErrors: number): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  let masked = text;
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    const found = approximateMatches(masked, exact, maxErrors);
    if (found.length === 0) break;
    for (const c of found) {
      const key = `${c.start}:${c.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(c);
    }
    masked = mask(masked, found);
  }
  return out;
}

/** The text with the matched spans blanked by a character no quote contains. */
function mask(text: string, spans: Candidate[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    const from = Math.max(at, s.start);
    out += text.slice(at, from) + '\u0000'.repeat(s.end - from);
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * A match within the overall error budget can still have one part rewritten
 * beyond recognition (the start and end of a long quote intact, the middle
 * replaced). Such a passage is not the one the reader marked: every ~32
 * characters of the quote must be found, within the same error rate, where the
 * match puts them.
 */
function acceptable(text: string, exact: string, c: Candidate, rate: number): boolean {
  const m = exact.length;
  if (c.errors > Math.floor(m * rate)) return false;
  if (m <= CONTEXT_LENGTH) return true;
  const ratio = (c.end - c.start) / m;
  for (let a = 0; a < m;) {
    const b = m - a < CONTEXT_LENGTH * 1.5 ? m : a + CONTEXT_LENGTH;
    const chunk = exact.slice(a, b);
    const allowed = Math.floor(chunk.length * Math.max(rate, PIECE_MAX_ERROR_RATE));
    const slack = c.errors + allowed + 4;
    const loc = c.start + Math.round(a * ratio);
    const from = Math.max(c.start, loc - slack);
    const to = Math.min(c.end, loc + Math.round(chunk.length * ratio) + slack);
    if (approximateMatches(text.slice(from, to), chunk, allowed).length === 0) return false;
    a = b;
  }
  return true;
}
