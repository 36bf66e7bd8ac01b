// What in a piece of HTML could run script, navigate or load something when a
// browser shows it: the static half of the hostile-input checks (the e2e suite
// loads the same outputs in Chromium and watches what actually happens).
import { JSDOM } from 'jsdom';

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'scholia:']);
const LOADING_ATTRS = ['src', 'srcset', 'poster', 'background', 'data', 'action', 'formaction', 'codebase', 'lowsrc'];

function protocolOf(value: string): string {
  try {
    return new URL(value, 'relative://here/').protocol;
  } catch {
    return 'unparsable:';
  }
}

/** Every active part of `html`, described in a few words (empty when the HTML is inert). */
export function activeParts(html: string): string[] {
  const { document } = new JSDOM(html).window;
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    if (['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'base', 'portal'].includes(tag))
      found.push(`<${tag}>`);
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push('<meta refresh>');
    if (tag === 'link' && el.getAttribute('href')) found.push('<link href>');
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
      else if (name === 'href' || name === 'xlink:href') {
        const p = protocolOf(value);
        // An SVG/MathML element's href loads (image, use, feImage); an <a>'s only navigates when clicked.
        if (tag !== 'a' && tag !== 'area' && value) found.push(`<${tag} ${name}>`);
        // A URL that does not parse goes nowhere when clicked.
        else if (!LINK_SCHEMES.has(p) && p !== 'relative:' && p !== 'unparsable:') found.push(`<${tag} ${name}=${p}>`);
      } else if (LOADING_ATTRS.includes(name) && value && !/^data:image\/(png|jpeg|gif|webp);/i.test(value)) {
        found.push(`<${tag} ${name}>`);
      } else if (name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(value))
        found.push(`<${tag} style url()>`);
    }
    if (tag === 'style' && /url\s*\(|@import|expression\s*\(/i.test(el.textContent ?? '')) found.push('<style url()>');
  }
  return found;
}
