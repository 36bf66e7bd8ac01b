// Sanitizes rendered note Markdown for the HTML/PDF exports with DOMPurify.
// DOMPurify needs a DOM: linkedom 0.18 does not give it one it accepts
// (isSupported is false, and sanitize() then returns its input UNCHANGED), so
// this uses jsdom, created once on first use.
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';

let purifier: DOMPurify | null = null;

/**
 * URLs may use http(s), mailto or scholia, or no scheme at all (in-page and
 * relative links); nothing else (no javascript:, no data:). DOMPurify applies
 * this to every attribute value that is not known to be plain text, so values
 * without a scheme (an ordered list's `start="3"`) must pass too, as in its default.
 */
const ALLOWED_URI = /^(?:(?:https?|mailto|scholia):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const p = createDOMPurify(window as unknown as WindowLike);
  if (!p.isSupported) throw new Error('DOMPurify cannot run here: refusing to export unsanitized HTML.');
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) {
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = p;
  return p;
}

/**
 * Clean HTML with nothing that runs or loads: no scripts, handlers, frames,
 * forms or styles, and no remote images (an export must open offline and
 * never call home).
 */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, {
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    FORBID_TAGS: [
      'img',
      'picture',
      'source',
      'video',
      'audio',
      'iframe',
      'object',
      'embed',
      'link',
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'svg',
      'math',
    ],
    FORBID_ATTR: ['style', 'srcset', 'class', 'id'],
  });
}

/**
 * Tags marked writes for plain Markdown, with no attributes: nothing in them can run or load.
 * (marked escapes every `<` of the text, so each `<` of its output starts a tag.)
 */
const INERT_TAG = /^<\/?(?:p|em|strong|del|code|pre|blockquote|ul|ol|li|h[1-6]|hr|br|table|thead|tbody|tr|th|td|a)>$/;
/**
 * A link whose URL has an allowed scheme and no character reference, so what the
 * browser decodes is exactly what this tests (`&#x6a;avascript:` cannot hide here).
 */
const PLAIN_LINK = /^<a href="(?:https?:\/\/|mailto:|scholia:\/\/(?:passage|note|article)\/|#)[^"&<>\s\\]*">$/;

/** True when rendered HTML holds only inert tags and plain links: DOMPurify would change nothing. */
function plainMarkup(html: string): boolean {
  for (const m of html.matchAll(/<[^>]*>?/g)) {
    const tag = m[0];
    if (!INERT_TAG.test(tag) && !PLAIN_LINK.test(tag)) return false;
  }
  return true;
}

/**
 * Note Markdown to safe HTML: the RENDERED HTML is what is checked, never the
 * Markdown (a link target like `&#x6a;avascript&#x3a;…` is only a javascript:
 * URL once the browser decodes it). Output made only of inert tags and plain
 * links skips DOMPurify; everything else goes through it. (DOMPurify on jsdom
 * costs ~2 ms a note: on a 5k-note export that is 10 s for nothing.)
 */
export function noteToSafeHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return plainMarkup(html) ? html : sanitizeHtml(html);
}

/** What DOMPurify would remove from `html` (element names and attribute names): for tests and diagnostics. */
export function unsafeParts(html: string): string[] {
  const p = getPurifier();
  sanitizeHtml(html);
  return p.removed.map((r) =>
    'element' in r ? `<${r.element.nodeName.toLowerCase()}>` : `@${r.attribute?.name ?? '?'}`,
  );
}

type MdToken = { type: string; raw: string; href?: string };

/** Raw Markdown of the parts of a note that would render as active HTML in a Markdown viewer. */
function activeParts(markdown: string): string[] {
  const parts: string[] = [];
  // Synchronous here (no async marked extensions): the returned array holds no promises.
  void marked.walkTokens(marked.lexer(markdown, { gfm: true }), (t) => {
    const tok = t as MdToken;
    if (tok.type === 'html' || tok.type === 'tag') parts.push(tok.raw);
    else if (tok.type === 'link' && !plainMarkup(`<a href="${tok.href ?? ''}">`)) {
      // Judged on what the browser would see: the link rendered, then sanitized.
      const removed = unsafeParts(marked.parseInline(tok.raw, { gfm: true }) as string);
      if (removed.some((r) => r !== '@class')) parts.push(tok.raw);
    }
  });
  return parts;
}

/** Shows a piece of Markdown literally: a tag as text, a link as its brackets. */
function literal(raw: string): string {
  return raw.replace(/[<[\]]/g, (c) => (c === '<' ? '&lt;' : `\\${c}`));
}

/**
 * Note Markdown for the Markdown export: the same text, except that raw HTML and
 * links that would run script are shown literally (Obsidian and other viewers
 * render raw HTML, and not all sanitize it). Checked again after each rewrite;
 * a note that still renders anything active is exported as a code block.
 */
export function inertMarkdown(markdown: string): string {
  let out = markdown;
  for (let round = 0; round < 4; round++) {
    const parts = activeParts(out);
    if (!parts.length) return out;
    let cursor = 0;
    for (const raw of parts) {
      const i = out.indexOf(raw, cursor);
      if (i < 0) continue;
      const rep = literal(raw);
      out = out.slice(0, i) + rep + out.slice(i + raw.length);
      cursor = i + rep.length;
    }
  }
  const fence = '`'.repeat(Math.max(3, ...[...markdown.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}text\n${markdown}\n${fence}`;
}
