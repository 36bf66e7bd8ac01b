// The search box's query language, parsed into groups of alternatives.
//
//   drones iran          words; documents with more of them rank first
//   "exact phrase"       the words in this order (required)
//   -word  -"phrase"     excluded
//   a OR b               either (OR binds the two neighbouring terms)
//   dron                 the last word, while typed, also matches as a prefix
//   tag:ukraine          tagged ukraine or inside it (ukraine/drones)
//   source:moscow        source contains the words ("source:"new york"")
//   type:article|passage|note   before:2022-11-01   after:2022-10-01   has:notes
//   story:drones         articles of a story (by name) and their passages
//   has:contradictions   passages linked as contradicting another, and their articles
import { CoreError } from '../errors.js';
import { normalizeTag } from '../tags/index.js';
import { fold, words } from './text.js';

export type FilterKey = 'tag' | 'source' | 'type' | 'before' | 'after' | 'has' | 'story';
const FILTER_KEYS = new Set<string>(['tag', 'source', 'type', 'before', 'after', 'has', 'story']);

export type Atom =
  | { kind: 'word'; word: string; prefix: boolean }
  | { kind: 'phrase'; words: string[] }
  | {
      kind: 'filter';
      key: FilterKey;
      value: string;
      /** For filters on what other rooms hold (story:, has:contradictions): the matching ids, set by the service. */
      ids?: ReadonlySet<string>;
    };

/** Alternatives joined by OR; a document matches the group when it matches any. */
export interface Group {
  atoms: Atom[];
}

export interface ParsedQuery {
  groups: Group[];
  /** Excluded atoms (-word, -"phrase", -tag:x): a document matching any is dropped. */
  exclude: Atom[];
}

interface RawToken {
  text: string;
  quoted: boolean;
  negated: boolean;
  /** key of key:value (value in text). */
  key?: string;
}

/** Splits the query into tokens, honouring quotes (an unclosed quote runs to the end, as while typing). */
function lex(q: string): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  const n = q.length;
  while (i < n) {
    while (i < n && /\s/.test(q[i]!)) i++;
    if (i >= n) break;
    let negated = false;
    if (q[i] === '-' && i + 1 < n && !/\s/.test(q[i + 1]!)) {
      negated = true;
      i++;
    }
    let key: string | undefined;
    const km = /^([A-Za-z]+):(?=\S)/.exec(q.slice(i));
    if (km && FILTER_KEYS.has(km[1]!.toLowerCase())) {
      key = km[1]!.toLowerCase();
      i += km[0].length;
    }
    if (q[i] === '"' || q[i] === '“' || q[i] === '«') {
      const close = q.indexOf(q[i] === '"' ? '"' : q[i] === '“' ? '”' : '»', i + 1);
      const end = close < 0 ? n : close;
      out.push({ text: q.slice(i + 1, end), quoted: true, negated, key });
      i = close < 0 ? n : close + 1;
    } else {
      let j = i;
      while (j < n && !/\s/.test(q[j]!)) j++;
      out.push({ text: q.slice(i, j), quoted: false, negated, key });
      i = j;
    }
  }
  return out;
}

/**
 * A query the search cannot run as written: a filter with a value it cannot read. Thrown rather than
 * ignored, so `before:2022-13-45` never silently searches without its date. `message` is for the user.
 */
export class QueryError extends CoreError<'invalid-query'> {
  constructor(message: string) {
    super(message, 'invalid-query');
  }
}

const TYPES = ['article', 'passage', 'note'];
const HAS = ['notes', 'note', 'tags', 'tag', 'contradictions', 'contradiction'];

function filterAtom(key: string, value: string): Atom {
  const v = value.trim();
  if (!v) throw new QueryError(`"${key}:" needs a value (e.g. ${EXAMPLES[key] ?? `${key}:x`})`);
  switch (key) {
    case 'tag': {
      const t = normalizeTag(v);
      if (!t) throw new QueryError(`"tag:${v}" names no tag`);
      return { kind: 'filter', key: 'tag', value: t };
    }
    case 'type': {
      const t = v.toLowerCase().replace(/s$/, '');
      if (!TYPES.includes(t))
        throw new QueryError(`"type:${v}" is not a type: use type:article, type:passage or type:note`);
      return { kind: 'filter', key: 'type', value: t };
    }
    case 'has': {
      const h = v.toLowerCase();
      if (!HAS.includes(h))
        throw new QueryError(`"has:${v}" is not something to have: use has:notes or has:tags (or has:contradictions)`);
      return { kind: 'filter', key: 'has', value: h === 'contradiction' ? 'contradictions' : h };
    }
    case 'story': {
      if (words(v).length === 0) throw new QueryError(`"story:${v}" names no story`);
      return { kind: 'filter', key: 'story', value: v };
    }
    case 'source': {
      const ws = words(v);
      if (ws.length === 0) throw new QueryError(`"source:${v}" has no words to look for`);
      return { kind: 'filter', key: 'source', value: ws.join(' ') };
    }
    default:
      if (computeBound(v, 'before') === null)
        throw new QueryError(`"${key}:${v}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. ${EXAMPLES[key]})`);
      return { kind: 'filter', key: key as FilterKey, value: v };
  }
}

const EXAMPLES: Record<string, string> = {
  tag: 'tag:ukraine',
  type: 'type:passage',
  has: 'has:notes',
  story: 'story:drones',
  source: 'source:reuters',
  before: 'before:2022-11-01',
  after: 'after:2022-10-01',
};

/**
 * Parses a query; throws QueryError (with a message for the user) when a filter's value cannot be
 * read: an impossible date, an unknown type, a tag with no name.
 */
export function parseQuery(q: string): ParsedQuery {
  const tokens = lex(q);
  const typingLastWord = q.length > 0 && /[\p{L}\p{N}\p{M}]$/u.test(q);
  const groups: Group[] = [];
  const exclude: Atom[] = [];
  let joinNext = false;
  tokens.forEach((tok, ti) => {
    if (!tok.quoted && !tok.negated && !tok.key && tok.text === 'OR') {
      joinNext = groups.length > 0;
      return;
    }
    const atoms: Atom[] = [];
    if (tok.key) atoms.push(filterAtom(tok.key, tok.text));
    else if (tok.quoted) {
      const ws = words(tok.text);
      if (ws.length === 1) atoms.push({ kind: 'word', word: ws[0]!, prefix: false });
      else if (ws.length > 1) atoms.push({ kind: 'phrase', words: ws });
    } else {
      const ws = words(tok.text);
      const isLast = ti === tokens.length - 1;
      ws.forEach((w, wi) =>
        atoms.push({ kind: 'word', word: w, prefix: typingLastWord && isLast && wi === ws.length - 1 }),
      );
    }
    if (atoms.length === 0) return;
    if (tok.negated) {
      exclude.push(...atoms);
      joinNext = false;
      return;
    }
    // "a OR b": b joins a's group. A token that splits into several words
    // ("drone-maker") is several words; only the first joins the OR.
    const [first, ...rest] = atoms;
    if (joinNext) groups[groups.length - 1]!.atoms.push(first!);
    else groups.push({ atoms: [first!] });
    for (const a of rest) groups.push({ atoms: [a] });
    joinNext = false;
  });
  return { groups, exclude };
}

/** A date filter value as YYYY-MM-DD (accepts YYYY and YYYY-MM), or null when unreadable. */
const boundCache = new Map<string, string | null>();

export function dateBound(value: string, side: 'before' | 'after'): string | null {
  const key = side + value;
  let b = boundCache.get(key);
  if (b === undefined) {
    b = computeBound(value, side);
    if (boundCache.size > 1000) boundCache.clear();
    boundCache.set(key, b);
  }
  return b;
}

function computeBound(value: string, side: 'before' | 'after'): string | null {
  const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(value.trim());
  if (!m) return null;
  // A real calendar date only: 2022-13-45 or 2023-02-29 reads as nothing rather than as a string
  // that happens to compare between others.
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate()) return null;
  const pad = (s: string | undefined, d: string) => (s ? s.padStart(2, '0') : d);
  // before:2022 means before 2022-01-01; after:2022 means after the end of 2022.
  if (side === 'before') return `${m[1]}-${pad(m[2], '01')}-${pad(m[3], '01')}`;
  return `${m[1]}-${pad(m[2], '12')}-${pad(m[3], '31')}`;
}

export { fold };
