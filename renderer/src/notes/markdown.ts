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

export function renderMarkdown(md: string): string {
  installHooks();
  const html = marked.parse(md, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, {
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|scholia:\/\/passage\/|#|data:image\/(?:png|jpeg|gif|webp);)/i,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}
