// Citation metadata from a web page, read in order of trust: schema.org JSON-LD, Highwire
// (`citation_*`, what Google Scholar reads), Dublin Core, OpenGraph/Twitter and other meta tags,
// then what the page shows (Readability's byline, <time>). Each field takes the first source
// that has a usable value: a byline that is a date, a URL or "Follow author" is not an author.
import type { Creator, CslItemType } from '../model.js';
import { decodeEntities, namesFromByline } from '../citation-data.js';
import { normaliseDate } from './html-meta.js';

interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface MetaDocument {
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El> & Iterable<El>;
}

export interface PageMetadata {
  title: string;
  creators: Creator[];
  containerTitle: string;
  publisher: string;
  published: string | null;
  modified: string | null;
  doi: string;
  issn: string;
  lang: string;
  itemType: CslItemType | '';
  pages: string;
  volume: string;
  issue: string;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES: Record<string, CslItemType> = {
  newsarticle: 'article-newspaper',
  reportagenewsarticle: 'article-newspaper',
  analysisnewsarticle: 'article-newspaper',
  opinionnewsarticle: 'article-newspaper',
  reviewnewsarticle: 'article-newspaper',
  backgroundnewsarticle: 'article-newspaper',
  askpublicnewsarticle: 'article-newspaper',
  liveblogposting: 'article-newspaper',
  scholarlyarticle: 'article-journal',
  medicalscholarlyarticle: 'article-journal',
  report: 'report',
  blogposting: 'post-weblog',
  socialmediaposting: 'post',
  discussionforumposting: 'post',
  article: 'article-newspaper',
  techarticle: 'webpage',
  apireference: 'webpage',
  satiricalarticle: 'article-newspaper',
  webpage: 'webpage',
  itempage: 'webpage',
  aboutpage: 'webpage',
  book: 'book',
  chapter: 'chapter',
  thesis: 'thesis',
  dataset: 'dataset',
};

const str = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function typesOf(node: Json): string[] {
  return arr(node['@type']).map((t) => str(t).toLowerCase());
}

/** Every object in the page's JSON-LD blocks, @graph and nested arrays flattened. */
export function jsonLdNodes(doc: MetaDocument): Json[] {
  const out: Json[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Json;
    out.push(o);
    if (o['@graph']) walk(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const text = (s.textContent ?? '').trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
    if (!text) continue;
    try {
      walk(JSON.parse(text), 0);
    } catch {
      // A page's broken JSON-LD is the page's problem: the other sources still count.
    }
  }
  return out;
}

/** The JSON-LD node describing the article itself (the first of an article-like type). */
function mainNode(nodes: Json[]): { node: Json; type: CslItemType } | null {
  let page: { node: Json; type: CslItemType } | null = null;
  for (const n of nodes) {
    for (const t of typesOf(n)) {
      const type = ARTICLE_TYPES[t];
      if (!type) continue;
      if (type === 'webpage') page ??= { node: n, type };
      else return { node: n, type };
    }
  }
  return page;
}

/** A JSON-LD author value (Person, Organization, string, array) as creators. */
function ldCreators(v: unknown, role: Creator['role']): Creator[] {
  const out: Creator[] = [];
  for (const a of arr(v)) {
    if (typeof a === 'string') {
      out.push(...namesFromByline(a, role));
      continue;
    }
    if (!a || typeof a !== 'object') continue;
    const o = a as Json;
    const family = str(o.familyName);
    const given = str(o.givenName);
    if (family) {
      out.push(given ? { role, family, given } : { role, literal: family });
      continue;
    }
    const name = str(o.name);
    if (!name) continue;
    if (typesOf(o).some((t) => t === 'organization' || t === 'newsmediaorganization' || t === 'corporation'))
      out.push({ role, literal: decodeEntities(name) });
    else out.push(...namesFromByline(name, role));
  }
  return out;
}

function ldName(v: unknown): string {
  for (const x of arr(v)) {
    if (typeof x === 'string') return decodeEntities(str(x));
    if (x && typeof x === 'object') {
      const n = str((x as Json).name);
      if (n) return decodeEntities(n);
    }
  }
  return '';
}

function metas(doc: MetaDocument, names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    // RDFa properties may be several at once ("dc:creator twitter:site_name"); they are read first,
    // as Readability does.
    const els = [
      ...Array.from(doc.querySelectorAll(`meta[property~="${n}" i]`)),
      ...Array.from(doc.querySelectorAll(`meta[name="${n}" i], meta[itemprop="${n}" i]`)),
    ];
    for (const el of els) {
      const v = decodeEntities(el.getAttribute('content') ?? '')
        .replace(/\s+/g, ' ')
        .trim();
      if (v) out.push(v);
    }
    // The first spelling that has values wins: "dc:creator" and "DC.creator" on one page are
    // the same statement twice, not two authors.
    if (out.length) break;
  }
  return out;
}
const meta1 = (doc: MetaDocument, names: string[]): string => metas(doc, names)[0] ?? '';

/** "10.1000/xyz" from a DOI, a doi.org URL or "doi:..." ; "" when none. */
export function cleanDoi(v: string): string {
  const m = v.match(/\b(10\.\d{4,9}\/[^\s"<>]+)/);
  return m ? m[1]!.replace(/[.,;]+$/, '') : '';
}

function parselyMeta(doc: MetaDocument): Json {
  const raw = doc.querySelector('meta[name="parsely-metadata" i]')?.getAttribute('content');
  if (!raw) return {};
  try {
    const v = JSON.parse(decodeEntities(raw)) as unknown;
    return v && typeof v === 'object' ? (v as Json) : {};
  } catch {
    return {};
  }
}

const firstDate = (...values: Array<string | null | undefined>): string | null => {
  for (const v of values) {
    const d = normaliseDate(v ?? '');
    if (d) return d;
  }
  return null;
};

const SEPARATORS = /\s+(?:[|–—·•»]|-{1,2}|::)\s+/;
const key = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^(?:www\.)?|\.(?:com|org|net|co\.uk|fr|de|cz)$/g, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The title without the site's own name: "Headline - Breitbart", "Headline | World news | The
 * Guardian", "Headline | Eleanor Ainge Roy" (the author). Only a trailing (or leading) part that
 * names the site, the host, an author or a section before such a name is removed; a title that
 * is nothing but such parts is left alone.
 */
export function stripSiteSuffix(title: string, names: string[]): string {
  const keys = names.map(key).filter((k) => k.length >= 2);
  if (!keys.length) return title;
  const parts = title.split(SEPARATORS);
  if (parts.length < 2) return title;
  const isName = (p: string): boolean => {
    const k = key(p);
    return k.length >= 2 && keys.some((n) => n === k || (k.length >= 4 && (n.startsWith(k) || k.startsWith(n))));
  };
  let end = parts.length;
  while (end > 1 && isName(parts[end - 1]!)) end--;
  // A short section name ("World news") just before the site's name goes with it.
  if (end < parts.length && end > 1 && parts[end - 1]!.split(/\s+/).length <= 3) {
    if (
      parts
        .slice(0, end - 1)
        .join(' ')
        .split(/\s+/).length >= 4
    )
      end--;
  }
  let start = 0;
  // A leading part goes only when it is exactly a name ("Yahoo News - Headline"), not a title word
  // that begins one ("Evolve: ..." on the evolve extension's site).
  if (end === parts.length) while (start < end - 1 && keys.includes(key(parts[start]!))) start++;
  if (start === 0 && end === parts.length) return title;
  // Re-cut the original string so the title's own separators are kept as written.
  const seps = title.match(new RegExp(SEPARATORS.source, 'g')) ?? [];
  let out = parts[start]!;
  for (let i = start + 1; i < end; i++) out += seps[i - 1]! + parts[i]!;
  return out.trim();
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export interface PageFallbacks {
  /** Readability's title, byline, site name and time (what the page shows). */
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  /** The document's <title>. */
  docTitle?: string;
  url?: string;
}

/**
 * Reads what the document itself says (call before Readability mutates it) and returns the
 * function that completes it with what the page shows (Readability's byline, title, time).
 */
export function pageMetadataReader(doc: MetaDocument): (fb?: PageFallbacks) => PageMetadata {
  const nodes = jsonLdNodes(doc);
  const main = mainNode(nodes);
  const ld = main?.node ?? {};
  const parsely = parselyMeta(doc);
  const ogType = meta1(doc, ['og:type']).toLowerCase();
  const bylineFromMeta = meta1(doc, ['author', 'byl', 'sailthru.author', 'parsely-author', 'article:author_name']);
  // Creators, in order of trust: JSON-LD, Highwire, Dublin Core, author meta tags, then the byline.
  const creatorCandidates: Creator[][] = [
    ldCreators(ld.author, 'author'),
    // `creator` is often a user name ("CC7567"): only names of two words or more count.
    ldCreators(ld.creator, 'author').filter((c) => !c.literal || /\s/.test(c.literal)),
    metas(doc, ['citation_author']).flatMap((a) => namesFromByline(a)),
    metas(doc, ['dc:creator', 'dc.creator', 'dcterms.creator']).flatMap((a) => namesFromByline(a)),
    ldCreators(parsely.author ?? parsely.authors, 'author'),
    bylineFromMeta && !/^https?:/.test(bylineFromMeta) ? namesFromByline(bylineFromMeta) : [],
    // article:author is often a profile URL: only a name counts.
    metas(doc, ['article:author'])
      .filter((a) => !/^https?:|^\/|facebook\.com/.test(a))
      .flatMap((a) => namesFromByline(a)),
  ];
  const journal = meta1(doc, ['citation_journal_title', 'citation_conference_title', 'prism.publicationname']);
  // The publisher named in JSON-LD before og:site_name (Readability's order): a Medium publication
  // ("Voodoo Engineering") rather than "Medium", "Libération" rather than "Libération.fr".
  const metaSite =
    journal ||
    ldName(ld.isPartOf) ||
    ldName(ld.publisher) ||
    meta1(doc, ['og:site_name']) ||
    ldName(nodes.find((n) => typesOf(n).includes('website')));
  const lateSite = meta1(doc, ['application-name', 'apple-mobile-web-app-title', 'dc.publisher', 'dcterms.publisher']);
  const metaPublisher = ldName(ld.publisher) || meta1(doc, ['citation_publisher', 'dc.publisher', 'dcterms.publisher']);
  const dates = [
    str(ld.datePublished),
    meta1(doc, ['citation_publication_date', 'citation_date', 'citation_online_date']),
    meta1(doc, ['article:published_time', 'og:article:published_time']),
    meta1(doc, ['dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'dcterms.created']),
    str(parsely.pub_date),
    meta1(doc, ['date', 'pubdate', 'publishdate', 'publish-date', 'sailthru.date', 'datepublished', 'og:pubdate']),
  ];
  const lateDates = [
    str(ld.dateCreated),
    doc.querySelector('time[pubdate][datetime], time[itemprop~="datePublished"][datetime]')?.getAttribute('datetime'),
  ];
  const modified = firstDate(
    str(ld.dateModified),
    meta1(doc, ['article:modified_time', 'og:updated_time', 'dcterms.modified', 'last-modified']),
  );
  const socialTitle = meta1(doc, ['og:title', 'twitter:title']);
  const docTitle = str(doc.querySelector('title')?.textContent);
  // Wikipedia's JSON-LD `headline` is the article's short description ("constitutional monarchy in
  // Oceania"): a headline counts only when the page's title or og:title bears it out.
  const shown = key(`${socialTitle} ${docTitle}`);
  const ldTitle = [str(ld.headline), str(ld.name)]
    .map(decodeEntities)
    .find((t) => t && (!shown || shown.includes(key(t).slice(0, 40))));
  const metaTitle = ldTitle || meta1(doc, ['citation_title', 'dc:title', 'dc.title', 'dcterms.title']);
  const ogUrl = meta1(doc, ['og:url']);
  const doi = cleanDoi(
    meta1(doc, ['citation_doi', 'dc.identifier', 'dcterms.identifier', 'prism.doi', 'doi']) ||
      arr(ld.identifier)
        .map((x) => (typeof x === 'string' ? x : str((x as Json | null)?.value)))
        .find((x) => /10\.\d{4,9}\//.test(x)) ||
      '',
  );
  const issn = meta1(doc, ['citation_issn', 'prism.issn', 'prism.eissn']) || str(ld.issn);
  const lang = meta1(doc, ['citation_language', 'dc.language', 'dcterms.language']) || str(ld.inLanguage);
  const isReport = Boolean(meta1(doc, ['citation_technical_report_institution', 'citation_technical_report_number']));
  const hasCitationDoi = Boolean(meta1(doc, ['citation_doi']));
  const pages = [meta1(doc, ['citation_firstpage']), meta1(doc, ['citation_lastpage'])].filter(Boolean).join('-');
  const volume = meta1(doc, ['citation_volume']);
  const issue = meta1(doc, ['citation_issue']);

  return (fb: PageFallbacks = {}) => {
    const creators = [...creatorCandidates, namesFromByline(fb.byline ?? '')].find((c) => c.length > 0) ?? [];
    const seen = new Set<string>();
    const uniqueCreators = creators.filter((c) => {
      const k = creatorName(c).toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    // "SIMPLYFOUND.COM | BY: JOE WEE" carries a byline; an application name often a tagline
    // ("Yahoo News - Latest News & Headlines").
    const siteName = (metaSite || str(fb.siteName) || lateSite.split(/\s+[-|]\s+/)[0]!).replace(
      /\s*[|]\s*by:?\s.*$/i,
      '',
    );
    const publisher = metaPublisher || siteName;
    const published = firstDate(...dates, str(fb.publishedTime), ...lateDates);
    const rawTitle = metaTitle || str(fb.title) || socialTitle || str(fb.docTitle);
    const host = hostName(fb.url || ogUrl);
    const names = [siteName, publisher, host, host.split('.').slice(-2, -1)[0] ?? ''].filter(Boolean);
    for (const c of uniqueCreators) names.push(creatorName(c));
    const title = stripSiteSuffix(rawTitle, names);

    let itemType: CslItemType | '' = main?.type ?? '';
    if (journal || hasCitationDoi) itemType = 'article-journal';
    else if (isReport) itemType = 'report';
    else if (!itemType || itemType === 'webpage') {
      itemType = (ogType === 'article' || itemType === '') && published && siteName ? 'article-newspaper' : 'webpage';
    }
    return {
      title,
      creators: uniqueCreators,
      containerTitle: siteName,
      publisher,
      published,
      modified,
      doi,
      issn,
      lang,
      itemType,
      pages,
      volume,
      issue,
    };
  };
}

/** A creator as one line of a byline: "Jane Doe", "Reuters". */
export function creatorName(c: Creator): string {
  return c.literal ?? [c.given, c.family].filter(Boolean).join(' ');
}
