// Note Markdown -> safe HTML: marked renders (GFM: tables, task lists, footnotes), DOMPurify
// sanitizes. Passage links (scholia://passage/<id>) and [[note title]] links become in-app links;
// nothing remote loads.
import DOMPurify from 'dompurify';
import { Marked, type TokenizerAndRendererExtension } from 'marked';
import markedFootnote from 'marked-footnote';

export const PASSAGE_LINK = /^scholia:\/\/passage\/([A-Za-z0-9_-]+)$/;

/** `[[title]]`, `[[title#part]]`, `[[title|shown text]]`: the same forms the core answers backlinks for. */
const WIKI_LINK = /^\[\[([^[\]\n|#]+)(?:#[^[\]\n|]*)?(?:\|([^[\]\n]+))?\]\]/;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const wikiLink: TokenizerAndRendererExtension = {
  name: 'noteLink',
  level: 'inline',
  start: (src) => {
    const i = src.indexOf('[[');
    return i < 0 ? undefined : i;
  },
  tokenizer(src) {
    const m = WIKI_LINK.exec(src);
    if (!m) return undefined;
    const title = m[1]!.trim();
    return { type: 'noteLink', raw: m[0], title, text: (m[2] ?? title).trim() };
  },
  renderer(token) {
    const { title, text } = token as unknown as { title: string; text: string };
    return `<a class="note-link" href="#note" data-note-title="${escapeHtml(title)}">${escapeHtml(text)}</a>`;
  },
};

const marked = new Marked({ gfm: true, breaks: false });
marked.use(markedFootnote({ description: 'Footnotes' }), {
  extensions: [wikiLink],
  renderer: {
    // A task's box as text: the preview is read-only and sanitizing drops form controls.
    checkbox: ({ checked }) =>
      checked
        ? '<span class="task-box" role="img" aria-label="done">☑</span> '
        : '<span class="task-box" role="img" aria-label="to do">☐</span> ',
  },
});

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
      } else if (href.startsWith('#')) {
        // In-note anchors (footnotes) point at ids that sanitizing prefixed.
        if (href.length > 1 && !href.startsWith('#user-content-'))
          node.setAttribute('href', `#user-content-${href.slice(1)}`);
      } else {
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
  'section', // footnotes
];
// `id` for footnotes (prefixed by SANITIZE_NAMED_PROPS, so a note can never take an id of the app's),
// `role` for task boxes.
const ALLOWED_ATTR = [
  ...['href', 'title', 'alt', 'src', 'align', 'start', 'colspan', 'rowspan', 'lang', 'class', 'open'],
  ...['id', 'role'],
];

export function renderMarkdown(md: string): string {
  installHooks();
  const html = marked.parse(md, { async: false });
  return DOMPurify.sanitize(html, {
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|scholia:\/\/passage\/|#|data:image\/(?:png|jpeg|gif|webp);)/i,
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    SANITIZE_NAMED_PROPS: true,
  });
}

/** The titles a note links to with [[title]] (as written, in order, each once). */
export function noteLinkTitles(md: string): string[] {
  const out = new Set<string>();
  for (const m of md.matchAll(/\[\[([^[\]\n|#]+)(?:#[^[\]\n|]*)?(?:\|[^[\]\n]+)?\]\]/g)) out.add(m[1]!.trim());
  return [...out];
}
