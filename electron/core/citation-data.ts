// An article's citation data as every room reads it (issue 16): structured creators (from the
// stored `creators`, else read from the `author` byline, where a date is no author), the CSL
// item type, and pinned citation keys. The import room fills the fields, the articles room
// pins keys and edits them, the export and citation rooms read them.
import type { ArticleMeta, Creator, CslItemType } from './model.js';

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

// Names from bylines: what a page or a plain text says, as structured creators.

/** HTML character references in meta values and bylines. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

const NOT_A_NAME =
  /^(?:follow(?: author)?|staff|admin|administrator|editor|guest|anonymous|unknown|author|contributors?|null|undefined|by)$/i;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/i;
const ORG_WORDS =
  /\b(?:news|press|staff|agency|reuters|afp|associated|desk|team|editorial|board|inc|ltd|llc|corp|company|foundation|university|institute|times|post|magazine|group|wire|bureau|service|network|media|association|society|committee|council|contributors|wikimedia|organization|organisation)\b/i;

/**
 * A byline's names, or [] when it is not a byline. Strips "By", roles and dates;
 * refuses dates, times, URLs, e-mail addresses and "Follow author".
 */
export function namesFromByline(byline: string, role: Creator['role'] = 'author'): Creator[] {
  // "Written by Rob Ewaschuk Edited by Betsy Beyer": authors, then editors.
  const edited = byline.match(/^(.*?)\s+edited\s+by\s+(.+)$/i);
  if (edited) return [...namesFromByline(edited[1]!, role), ...namesFromByline(edited[2]!, 'editor')];
  let s = decodeEntities(byline)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:written\s+by|posted\s+by|words\s+by|by|par|von|di|por|door|av|af)\s*:?\s+/i, '')
    .replace(/^by:\s*/i, '');
  if (!s || /https?:\/\/|www\.|@\w+\.\w/.test(s) === true) {
    // "Bradley M. Kuhn (http://ebb.org/bkuhn/)": the name before the link still counts.
    s = s.replace(/\s*\(?\s*(?:https?:\/\/|www\.)\S*\s*\)?/g, ' ').trim();
    if (!s || /https?:|www\./.test(s)) return [];
  }
  // "Lucas Nolan22 Dec 2016651", "Nathan Willis March 25, 2015": a date after the name ends it; a
  // user name with digits ("CC7567") is no name.
  if (/^\S*\d/.test(s)) return [];
  s = s.replace(/\d.*$/, '').trim();
  s = s.replace(new RegExp(`\\s+${MONTH.source}\\s*$`, 'i'), '').trim();
  s = s.replace(/\s*[|•·]\s*.*$/, '').trim();
  s = s.replace(/[,;:\s-]+$/, '').trim();
  if (!s || MONTH.test(s.split(/\s+/).slice(-1)[0] ?? '') || /^(?:updated|published|posted|last)\b/i.test(s)) return [];
  const semi = s.includes(';');
  const parts = s
    .split(semi ? /\s*;\s*/ : /\s*(?:,\s*and\s+|\band\b|&|,|\bet\b|\bund\b|\by\b|\be\b)\s*/i)
    .map((p) => p.replace(/\s*\(.*?\)\s*/g, ' ').trim())
    .filter(Boolean);
  // "Jong, Michiel de" / "Doe, Jane": one inverted name, not two people.
  if (!semi && parts.length === 2 && /^[^\s,]+, [^,]+$/.test(s) && !/\s/.test(parts[0]!)) {
    return [{ role, family: parts[0]!, given: parts[1]! }];
  }
  const out: Creator[] = [];
  for (const p of parts) {
    if (NOT_A_NAME.test(p) || p.length > 80 || /\d/.test(p)) continue;
    const inverted = p.match(/^([^,]+),\s*(.+)$/);
    if (inverted) {
      out.push({ role, family: inverted[1]!.trim(), given: inverted[2]!.trim() });
      continue;
    }
    out.push(personOrLiteral(p, role));
  }
  return out;
}

/** "Jane Q. Doe" → family/given; organisations, single names and long strings stay literal. */
export function personOrLiteral(name: string, role: Creator['role'] = 'author'): Creator {
  const p = name.replace(/\s+/g, ' ').trim();
  const words = p.split(' ');
  // Names written all in capitals ("JOE HILDEBRAND") are shown as the page wrote them.
  if (words.length < 2 || words.length > 4 || ORG_WORDS.test(p) || !/^\p{Lu}/u.test(p)) return { role, literal: p };
  // Particles belong to the family name: "Michiel de Jong", "Ludwig van Beethoven".
  let i = words.length - 1;
  while (i > 1 && /^(?:de|da|del|der|van|von|le|la|du|di|bin|al|ben|ter|ten)$/i.test(words[i - 1]!)) i--;
  return { role, family: words.slice(i).join(' '), given: words.slice(0, i).join(' ') };
}
