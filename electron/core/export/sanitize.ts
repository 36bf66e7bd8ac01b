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
 * Note Markdown to safe HTML. marked escapes all text itself, so its output can
 * only carry something active through raw HTML, images or a link's URL; a note
 * with none of those is safe as marked renders it. Every other note goes
 * through DOMPurify. (DOMPurify on jsdom costs ~3 ms a note: on a 5k-note export
 * that is the difference between 3 s and 30 s.)
 */
export function noteToSafeHtml(markdown: string): string {
  const tokens = marked.lexer(markdown, { gfm: true });
  let risky = false;
  // Synchronous here (no async marked extensions), so the returned array holds no promises.
  void marked.walkTokens(tokens, (t) => {
    if (t.type === 'html' || t.type === 'tag' || t.type === 'image') risky = true;
    else if (t.type === 'link' && !ALLOWED_URI.test((t as { href: string }).href)) risky = true;
  });
  const html = marked.parser(tokens, { gfm: true });
  return risky ? sanitizeHtml(html) : html;
}

/** What DOMPurify would remove from `html` (element names and attribute names): for tests and diagnostics. */
export function unsafeParts(html: string): string[] {
  const p = getPurifier();
  sanitizeHtml(html);
  return p.removed.map((r) =>
    'element' in r ? `<${r.element.nodeName.toLowerCase()}>` : `@${r.attribute?.name ?? '?'}`,
  );
}
