// An article's citation data as every room reads it (issue 16): structured creators (from the
// stored `creators`, else read from the `author` byline, where a date is no author), the CSL
// item type, and pinned citation keys. The import room fills the fields, the articles room
// pins keys and edits them, the export and citation rooms read them.
import type { ArticleMeta, Creator, CslItemType } from './model.js';
import { namesFromByline } from './import/index.js';

/** The creators a citation uses: the stored ones, else the byline's names (never a date). */
export function creatorsOf(a: Pick<ArticleMeta, 'author' | 'creators'>): Creator[] {
  if (a.creators?.length) return a.creators;
  return namesFromByline(a.author ?? '');
}

/** Authors only (editors and translators have their own CSL variables). */
export function authorsOf(a: Pick<ArticleMeta, 'author' | 'creators'>): Creator[] {
  return creatorsOf(a).filter((c) => c.role === 'author');
}

/** A creator as a reader writes the name: "Jane Doe", "Reuters". */
export function creatorDisplay(c: Creator): string {
  return c.literal ?? [c.given, c.family].filter(Boolean).join(' ');
}

/** The CSL type of an article: the stored one, else what its fields suggest. */
export function itemTypeOf(a: Pick<ArticleMeta, 'itemType' | 'source' | 'url' | 'containerTitle'>): CslItemType {
  if (a.itemType) return a.itemType;
  // A text with an outlet is news (the plain-text samples name theirs); a page without one is a web page.
  if (a.source || a.containerTitle) return 'article-newspaper';
  return a.url ? 'webpage' : 'document';
}

const STOP = new Set(
  'the a an of on in and to for at by with from as is are was le la les un une des du de der die das ein eine el los las lo il i gli'.split(
    ' ',
  ),
);

function ascii(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim();
}

/** A citation key as Better BibTeX makes it by default: `[auth:lower][year][shorttitle:1:lower]`. */
export function baseCitationKey(
  a: Pick<ArticleMeta, 'author' | 'creators' | 'source' | 'published' | 'title'>,
): string {
  const first = authorsOf(a)[0] ?? creatorsOf(a)[0];
  // Words split on spaces only, so "RFE/RL" stays one word (rferl), as Better BibTeX has it.
  const who = (first ? (first.family ?? first.literal ?? '') : a.source)
    .split(/\s+/)
    .map((w) => ascii(w).replace(/\s+/g, ''))
    .filter((w) => w && !STOP.has(w.toLowerCase()))[0];
  const year = a.published?.match(/^(\d{4})/)?.[1] ?? '';
  const word =
    ascii(a.title)
      .split(' ')
      .find((w) => w.length > 1 && !STOP.has(w.toLowerCase()) && !/^\d+$/.test(w)) ?? '';
  let key = `${(who ?? '').toLowerCase()}${year}${word.toLowerCase()}`;
  if (!key) key = 'source';
  // BibTeX and Pandoc keys may not start with a digit in every tool.
  if (/^\d/.test(key)) key = `s${key}`;
  return key;
}

/** a, b, …, z, aa, ab, … (Better BibTeX's disambiguation). */
function suffix(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** A key for `a` that is not in `used` (case-insensitively); adds it to `used`. */
export function newCitationKey(
  a: Pick<ArticleMeta, 'author' | 'creators' | 'source' | 'published' | 'title'>,
  used: Set<string>,
): string {
  const base = baseCitationKey(a);
  let key = base;
  for (let i = 0; used.has(key.toLowerCase()); i++) key = base + suffix(i);
  used.add(key.toLowerCase());
  return key;
}

/** What a key the user types may hold: BibTeX, biblatex and Pandoc all read these characters. */
export const CITATION_KEY_RULE = /^[A-Za-z][A-Za-z0-9_:.#$%&+?<>~/-]{0,99}$/;

/**
 * Each article's key: its pinned one, else one made now and unique among all (pinned keys are
 * never changed; only articles that have none yet, e.g. from an older library, get one here).
 */
export function citationKeysFor(articles: readonly ArticleMeta[], pinned: Iterable<string> = []): Map<string, string> {
  const used = new Set<string>([...pinned].map((k) => k.toLowerCase()));
  for (const a of articles) if (a.citationKey) used.add(a.citationKey.toLowerCase());
  const keys = new Map<string, string>();
  for (const a of articles) keys.set(a.id, a.citationKey || newCitationKey(a, used));
  return keys;
}
