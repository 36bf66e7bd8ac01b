// Sanitises reader HTML with DOMPurify: no scripts, no frames, no event handlers, no
// javascript: URLs, and nothing that would load from the network while reading
// (image sources, srcset, inline styles with url(), media, fonts). Images keep their
// alt text and their address in data-src (for an optional offline download).
//
// DOMPurify needs a standards-complete DOM: linkedom lacks what it relies on
// (DOMPurify.isSupported is false there and it would return its input unchanged),
// so the sanitiser runs on one jsdom window, created on first use and reused.
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

let purifier: DOMPurify | null = null;

const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'canvas',
  'svg',
  'math',
  'noscript',
  'template',
];
const FORBID_ATTR = [
  'style',
  'srcset',
  'sizes',
  'background',
  'poster',
  'ping',
  'formaction',
  'action',
  'xlink:href',
  'usemap',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'class',
  'id',
];

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const p = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  if (!p.isSupported) throw new Error('HTML sanitiser unavailable (DOMPurify is not supported on this DOM)');
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.tagName === 'IMG') {
      const src = el.getAttribute('src');
      el.removeAttribute('src');
      if (src && /^https?:/i.test(src)) el.setAttribute('data-src', src);
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    }
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      // Only web and mail links survive; external links open outside the app on click.
      if (href && !/^(?:https?:|mailto:|#)/i.test(href)) el.removeAttribute('href');
      el.removeAttribute('target');
    }
  });
  purifier = p;
  return p;
}

/** Sanitised HTML fragment, safe to show in the reader without remote loads. */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['data-src'],
  });
}
