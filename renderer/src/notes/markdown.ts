// Note Markdown -> safe HTML: marked renders, DOMPurify sanitizes. Passage
// links (scholia://passage/<id>) become in-app links; nothing remote loads.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export const PASSAGE_LINK = /^scholia:\/\/passage\/([A-Za-z0-9_-]+)$/;

let hooked = false;
function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      const m = PASSAGE_LINK.exec(href);
      if (m) {
        node.setAttribute('data-passage-id', m[1]!);
        node.classList.add('passage-link');
      } else if (/^https?:/i.test(href) || /^mailto:/i.test(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else if (!href.startsWith('#')) {
        node.removeAttribute('href');
      }
    }
    if (node.tagName === 'IMG') {
      // Reading is offline: a remote image would be a network request. Keep its alt text.
      const src = node.getAttribute('src') ?? '';
      if (!src.startsWith('data:')) {
        const alt = node.getAttribute('alt') || 'image';
        node.replaceWith(document.createTextNode(`[${alt}]`));
      }
    }
  });
}

/**
 * What a note preview may hold: text structure only. An allow-list, so nothing that can
 * load (video, audio, source, track, SVG <image>, <table background>, srcset, style url())
 * gets in by construction; an <img> survives only with a data: image (see the hook).
 */
const ALLOWED_TAGS = [
  ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li'],
  ...['em', 'strong', 'del', 's', 'sub', 'sup', 'kbd', 'mark', 'span', 'div', 'a', 'img', 'dl', 'dt', 'dd'],
  ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'details', 'summary', 'abbr', 'q'],
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'align', 'start', 'colspan', 'rowspan', 'lang', 'class', 'open'];

export function renderMarkdown(md: string): string {
  installHooks();
  const html = marked.parse(md, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, {
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|scholia:\/\/passage\/|#|data:image\/(?:png|jpeg|gif|webp);)/i,
    ALLOWED_TAGS,
    ALLOWED_ATTR,
  });
}
