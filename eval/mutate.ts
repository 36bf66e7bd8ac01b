// Seeded edits of an article's text that a user or a re-import would make
// (inserted paragraphs and sentences, a deleted paragraph, typo fixes, a
// deleted word, changed whitespace), with the passages' true spans carried
// through every edit: the ground truth for the re-anchoring evaluation.

export interface Span {
  start: number;
  end: number;
}

/** Where a passage truly is after the edits, or null when its text was deleted outright. */
export type Truth = Span | null;

export interface Mutation {
  text: string;
  truths: Truth[];
  edits: string[];
}

import { rng } from '../bench/rng.js';

export { rng };

const FILLER = [
  'The statement was later updated with additional details.',
  'Officials did not immediately respond to a request for comment.',
  'This article has been corrected since it was first published.',
  'Reporting was contributed by staff in Washington and New York.',
  'The figures could not be independently verified.',
];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/**
 * Applies `count` random edits. An edit never straddles a passage boundary
 * (there the true span would be a matter of opinion); it is either outside a
 * passage, inside one, or removes whole passages with their paragraph.
 */
export function mutate(text: string, spans: Span[], seed: number, count = 8): Mutation {
  const rand = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let truths: Truth[] = spans.map((s) => ({ ...s }));
  const edits: string[] = [];

  const straddles = (e: Edit): boolean =>
    truths.some((t) => {
      if (!t) return false;
      const a = e.at;
      const b = e.at + e.remove;
      if (e.remove === 0) return a > t.start && a < t.end && !insideOk(e, t);
      const inside = a >= t.start && b <= t.end;
      const outside = b <= t.start || a >= t.end;
      const covers = a <= t.start && b >= t.end;
      return !(inside || outside || covers);
    });
  // Inserting a paragraph inside a passage makes a different passage: only small edits go inside.
  const insideOk = (e: Edit, _t: Span): boolean => e.insert.length <= 2;

  for (let n = 0, tries = 0; n < count && tries < count * 40; tries++) {
    const kind = pick(['paragraph', 'sentence', 'delete-paragraph', 'typo', 'typo', 'word', 'space', 'space'] as const);
    const e = propose(kind, text, rand, pick);
    if (!e || straddles(e)) continue;
    // A deleted word inside a short passage changes too much of it to call one answer right.
    if (kind === 'word' && truths.some((t) => t && e.at >= t.start && e.at < t.end && t.end - t.start < 60)) continue;
    text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove);
    truths = truths.map((t) => carry(t, e));
    edits.push(kind);
    n++;
  }
  return { text, truths, edits };
}

function carry(t: Truth, e: Edit): Truth {
  if (!t) return null;
  const delta = e.insert.length - e.remove;
  const end = e.at + e.remove;
  if (e.remove > 0 && e.at <= t.start && end >= t.end) return null;
  if (end <= t.start) {
    return { start: t.start + delta, end: t.end + delta };
  }
  if (e.at >= t.end) return t;
  return { start: t.start, end: t.end + delta };
}

function propose(
  kind: 'paragraph' | 'sentence' | 'delete-paragraph' | 'typo' | 'word' | 'space',
  text: string,
  rand: () => number,
  pick: <T>(xs: T[]) => T,
): Edit | null {
  const breaks = [0, ...[...text.matchAll(/\n\n/g)].map((m) => m.index + 2)];
  switch (kind) {
    case 'paragraph':
      return { at: pick(breaks), remove: 0, insert: pick(FILLER) + '\n\n' };
    case 'sentence': {
      // After a sentence end: ". " followed by a capital.
      const ends = [...text.matchAll(/[.!?]” ?(?=[A-Z])|[.!?] (?=[A-Z])/g)].map((m) => m.index + m[0].length);
      if (ends.length === 0) return null;
      return { at: pick(ends), remove: 0, insert: pick(FILLER) + ' ' };
    }
    case 'delete-paragraph': {
      if (breaks.length < 3) return null;
      const i = Math.floor(rand() * (breaks.length - 1));
      return { at: breaks[i]!, remove: breaks[i + 1]! - breaks[i]!, insert: '' };
    }
    case 'typo': {
      // A letter inside a word of 5+ letters changed to its neighbour in the alphabet.
      const words = [...text.matchAll(/[a-z]{5,}/g)];
      if (words.length === 0) return null;
      const w = pick(words);
      const at = w.index + 1 + Math.floor(rand() * (w[0].length - 2));
      const c = text[at]!;
      return { at, remove: 1, insert: c === 'z' ? 'y' : String.fromCharCode(c.charCodeAt(0) + 1) };
    }
    case 'word': {
      const words = [...text.matchAll(/ [a-z]{3,}(?= )/g)];
      if (words.length === 0) return null;
      const w = pick(words);
      return { at: w.index, remove: w[0].length, insert: '' };
    }
    case 'space': {
      const spaces = [...text.matchAll(/ /g)];
      if (spaces.length === 0) return null;
      const at = pick(spaces).index;
      return rand() < 0.5 ? { at, remove: 0, insert: ' ' } : { at, remove: 1, insert: '\n' };
    }
  }
}
