// HTML pages (.html/.htm, saved pages, fetched URLs): Mozilla Readability on
// linkedom finds the main content and metadata; the reader HTML is sanitised; the
// canonical text is the content's paragraphs. Outlet boilerplate that Readability
// keeps inside the content (appeals, captions) is set aside in `removed`; what it
// drops (menus, sidebars) stays in `original`.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { classifyBlocks, leftoverReason } from './boilerplate.js';
import { assemble } from './canonical.js';
import { decodeBytes } from './decode.js';
import { maxNestingDepth } from './html-depth.js';
import { creatorName, pageMetadataReader, type MetaDocument } from './citation-meta.js';
import { canonicalUrl, normaliseDate, pageLang, publishedFromMeta } from './html-meta.js';
import { htmlContent } from './html-text.js';
import { MAX_HTML_DEPTH } from './limits.js';
import { detectOutlet } from './outlet.js';
import { storeImages } from './images.js';
import { sanitizeHtml } from './sanitize.js';
import { titleFromFileName } from './title-rules.js';
import { type ExtractedArticle, ImportError, type ImportFormat, type ImportInput } from './types.js';

/**
 * Drops what can never be article text before parsing: scripts (except JSON-LD, which
 * Readability reads for metadata), styles, comments, inline SVG drawings. Saved pages
 * are often half script, and the DOM library's time grows with what it builds.
 * `original` keeps the page untouched.
 */
export function stripInert(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, '<svg></svg>');
}

const sameText = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** What the structure of an HTML fragment adds to an extracted article. */
type Content = Pick<ExtractedArticle, 'text' | 'removed' | 'html' | 'blocks' | 'links' | 'images'>;

/** Where an HTML fragment came from: the page's URL (links) and files beside it (images). */
export interface ContentSource {
  baseUrl?: string;
  assets?: ImportInput['assets'];
}

/**
 * Canonical text (with removed blocks), its structure and sanitised reader HTML of an
 * HTML fragment. Blocks are classified like plain text, keeping captions the HTML marked as such.
 */
function content(html: string, title: string, from: ContentSource = {}): Content {
  const { blocks, draft } = htmlContent(html, from.baseUrl);
  // The headline repeated at the top of the content is the title, not a paragraph.
  const first = blocks.findIndex((b) => b.shape?.kind !== 'image');
  if (first >= 0 && !blocks[first]!.reason && sameText(blocks[first]!.text, title)) blocks.splice(first, 1);
  const texts = blocks.filter((b) => b.shape?.kind !== 'image');
  const decisions = classifyBlocks(texts.map((b) => b.text));
  texts.forEach((b, i) => {
    const kind = b.shape?.kind;
    const leftover = leftoverReason(b.text, kind);
    // The caption rules are for unmarked paragraphs: a figure's own caption, a heading
    // or a cell ("12.7. GET") is what the page marked it as, kept unless it is a bare
    // credit or label.
    const general = decisions[i]!.reason;
    b.reason ??= leftover ?? (kind && general === 'photo caption' ? null : general);
  });
  const images = storeImages(blocks, from.assets);
  const assembled = assemble(blocks);
  return {
    text: assembled.text,
    removed: assembled.removed,
    html: sanitizeHtml(draft),
    blocks: assembled.blocks,
    links: assembled.links,
    images,
  };
}

/**
 * The page's DOM. linkedom makes the first element of a bare fragment its root, with
 * no <body> (what Chromium on Linux puts on the clipboard for a copied selection:
 * `<meta charset="utf-8"><h1>…</h1><p>…`), so Readability finds no text in it: a
 * fragment is parsed as the body of a page, as a browser would.
 */
function parsePage(html: string): ReturnType<typeof parseHTML> {
  let page = parseHTML(html);
  if (page.document.documentElement?.localName !== 'html' || !page.document.body)
    page = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  moveContentIntoBody(page.document as unknown as Document);
  return page;
}

/** What a browser keeps in <head>; anything else there starts the body. */
const HEAD_ELEMENTS = new Set([
  'base',
  'basefont',
  'bgsound',
  'link',
  'meta',
  'noscript',
  'script',
  'style',
  'template',
  'title',
]);

/**
 * Puts content where a browser would: linkedom leaves a <p> written inside <head>
 * (or an element after </body>) where it stands, outside <body>, and Readability,
 * which climbs from its best paragraph up to <body>, then walks off the top of the
 * document ("Cannot read properties of null (reading 'tagName')"). A browser ends
 * the head at the first thing that does not belong there and moves it, and all
 * after it, into the body; stray elements after the body go to its end.
 */
function moveContentIntoBody(document: Document): void {
  const { head, body, documentElement: root } = document;
  if (!body) return;
  const fromHead: Node[] = [];
  for (const node of head ? [...head.childNodes] : []) {
    const belongs =
      fromHead.length === 0 &&
      (node.nodeType === 8 ||
        (node.nodeType === 3 && !node.textContent?.trim()) ||
        (node.nodeType === 1 && HEAD_ELEMENTS.has((node as Element).localName)));
    if (!belongs) fromHead.push(node);
  }
  if (fromHead.length) body.prepend(...fromHead);
  for (const node of [...root.childNodes]) {
    if (node !== head && node !== body && (node.nodeType === 1 || (node.nodeType === 3 && node.textContent?.trim())))
      body.append(node);
  }
}

function refuseDeepNesting(html: string, name: string): void {
  if (maxNestingDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) {
    throw new ImportError(
      `${name} nests its elements more than ${MAX_HTML_DEPTH} levels deep (real pages stay under 50), so it was not imported.`,
    );
  }
}

/** Canonical text, removed blocks and reader HTML of an HTML fragment (Markdown output, a JSON field). */
export function fragmentContent(html: string, title: string, name: string, from: ContentSource = {}): Content {
  refuseDeepNesting(html, name);
  return content(html, title, from);
}

/** Extracts one article from an HTML string (already decoded). */
export function extractHtml(
  html: string,
  name: string,
  pageUrl?: string,
  assets?: ImportInput['assets'],
): ExtractedArticle {
  refuseDeepNesting(html, name);
  const { document } = parsePage(stripInert(html));
  const doc = document as unknown as Parameters<typeof canonicalUrl>[0] & Document;
  const url = canonicalUrl(doc, pageUrl);
  const lang = pageLang(doc);
  const metaPublished = publishedFromMeta(doc);
  const fallbackTitle = document.title?.trim() || doc.querySelector('h1')?.textContent?.trim() || '';
  // The page's own metadata (JSON-LD, citation_*, Dublin Core, OpenGraph), read before Readability
  // drops the scripts; completed with what Readability finds on the page.
  const readMeta = pageMetadataReader(document as unknown as MetaDocument);
  // Readability mutates the document, so everything above is read first.
  let parsed: ReturnType<Readability['parse']>;
  let pageBody: string | undefined;
  const warnings: string[] = [];
  try {
    parsed = new Readability(document as unknown as Document).parse();
  } catch (err) {
    // Markup it cannot walk (seen only on hostile pages): the page's whole body, from a fresh parse
    // (Readability has half-rewritten this one), is still better than refusing the file. Said with
    // the result (and so logged by the import, which may run this in a worker without a log).
    parsed = null;
    pageBody = parsePage(stripInert(html)).document.body?.innerHTML;
    warnings.push(
      `Scholia could not tell the article from the rest of this page (${(err as Error).message}), so the whole page was imported: menus or other page text may be in it (Edit text removes them).`,
    );
  }
  const page = readMeta({
    title: parsed?.title ?? '',
    byline: parsed?.byline ?? '',
    siteName: parsed?.siteName ?? '',
    publishedTime: parsed?.publishedTime ?? '',
    docTitle: fallbackTitle,
    url: url || pageUrl,
  });
  const title = (page.title || parsed?.title?.trim() || fallbackTitle || titleFromFileName(name)).replace(/\s+/g, ' ');
  const contentHtml = parsed?.content ?? pageBody ?? document.body?.innerHTML ?? '';
  const {
    text,
    removed,
    html: readerHtml,
    ...structure
  } = content(contentHtml, title, {
    baseUrl: pageUrl || url || undefined,
    assets,
  });
  if (!text && removed.length === 0) {
    throw new ImportError(`${name} has no readable text (an empty page, or one built entirely by scripts).`);
  }
  // Pages without og:site_name often still name themselves in their boilerplate.
  const source = page.containerTitle || detectOutlet(removed.map((r) => r.text).join('\n\n'), text);
  const citation: ExtractedArticle['citation'] = {};
  if (page.itemType) citation.itemType = page.itemType;
  if (page.creators.length) citation.creators = page.creators;
  if (source) citation.containerTitle = source;
  if (page.publisher) citation.publisher = page.publisher;
  if (page.modified) citation.modified = page.modified;
  for (const k of ['doi', 'issn', 'volume', 'issue'] as const) if (page[k]) citation[k] = page[k];
  if (page.pages) citation.page = page.pages;
  return {
    title,
    source,
    author: page.creators.map(creatorName).join(', '),
    published: page.published ?? normaliseDate(parsed?.publishedTime) ?? normaliseDate(metaPublished),
    url,
    lang: page.lang || parsed?.lang?.trim() || lang,
    citation,
    tags: [],
    text,
    removed,
    original: html,
    html: readerHtml,
    ...structure,
    format: 'html',
    ...(warnings.length ? { warnings } : {}),
  };
}

export const htmlFormat: ImportFormat = {
  id: 'html',
  extensions: ['html', 'htm', 'xhtml'],
  accepts(input: ImportInput) {
    return /\.(?:html?|xhtml)$/i.test(input.name) || /^(?:text\/html|application\/xhtml\+xml)/i.test(input.mime ?? '');
  },
  async extract(input) {
    const { text } = decodeBytes(input.bytes, input.name, { mime: input.mime, html: true });
    return { articles: [extractHtml(text, input.name, input.url, input.assets)], failures: [] };
  },
};
