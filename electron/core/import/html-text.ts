// One iterative walk over an HTML fragment (an explicit stack, so no input nests deep
// enough to overflow) that yields:
// - the canonical text blocks: one paragraph per block element, inline text joined
//   with collapsed whitespace, <br> as a line break, figure captions marked;
// - a lean draft of the reader HTML: only the elements and attributes a reader needs
//   (no classes, styles, ids, data attributes, spans), text escaped. DOMPurify then
//   sanitises the draft (sanitize.ts stays the security boundary); the draft only makes
//   its work smaller, which halves the cost of sanitising a page.
import { parseHTML } from 'linkedom';
import type { Block } from './canonical.js';
import { tidyLines } from './canonical.js';

const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'
  ).split(' '),
);
const SKIP_TAGS = new Set(
  'script style noscript template head svg math iframe object embed button select textarea input'.split(' '),
);
/** Elements kept in the reader HTML draft, with the attributes each may keep. */
const READER_TAGS = new Map<string, string[]>(
  (
    'p div h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code em strong b i u s sub sup small mark q cite ' +
    'figure figcaption table thead tbody tfoot tr caption br hr section article header footer aside time del ins'
  )
    .split(' ')
    .map((t): [string, string[]] => [t, []])
    .concat([
      ['a', ['href', 'title']],
      ['img', ['src', 'alt', 'title']],
      ['td', ['colspan', 'rowspan']],
      ['th', ['colspan', 'rowspan']],
      ['abbr', ['title']],
      ['ol', ['start']],
    ]),
);
const VOID_TAGS = new Set(['br', 'hr', 'img']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

export interface HtmlContent {
  blocks: Block[];
  /** Lean reader HTML, NOT yet sanitised: pass it through sanitizeHtml. */
  draft: string;
}

/** Text blocks and a lean reader-HTML draft of an HTML fragment, in one pass. */
export function htmlContent(html: string): HtmlContent {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: Block[] = [];
  const out: string[] = [];
  let buf = '';
  let inCaption = 0;
  let inPre = 0;
  const flush = () => {
    // <br><br> inside one element reads as a paragraph break: make it one.
    for (const t of tidyLines(buf).split(/\n{2,}/)) {
      if (t) blocks.push({ text: t, reason: inCaption > 0 ? 'photo caption' : null });
    }
    buf = '';
  };
  // Stack entries: a node to visit, or a marker to run when leaving an element.
  type Step = { node: DomNode } | { leave: string; emitted: boolean };
  const stack: Step[] = [{ node: document.body as unknown as DomNode }];
  let root = true;
  while (stack.length) {
    const step = stack.pop()!;
    if ('leave' in step) {
      if (BLOCK_TAGS.has(step.leave)) flush();
      if (step.leave === 'figcaption') inCaption--;
      if (step.leave === 'pre') inPre--;
      if (step.emitted) out.push(`</${step.leave}>`);
      continue;
    }
    const node = step.node;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      buf += inPre ? v : v.replace(/\s+/g, ' ');
      out.push(escapeText(v));
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.nodeName.toLowerCase();
    if (SKIP_TAGS.has(tag)) continue;
    const allowed = root ? undefined : READER_TAGS.get(tag);
    root = false;
    if (allowed) {
      let attrs = '';
      for (const name of allowed) {
        const v = node.getAttribute?.(name);
        if (v != null) attrs += ` ${name}="${escapeAttr(v)}"`;
      }
      out.push(`<${tag}${attrs}>`);
    }
    if (tag === 'br') {
      buf += '\n';
      continue;
    }
    if (VOID_TAGS.has(tag)) continue;
    if (BLOCK_TAGS.has(tag)) flush();
    else if (tag === 'td' || tag === 'th') buf += ' ';
    if (tag === 'figcaption') inCaption++;
    if (tag === 'pre') inPre++;
    stack.push({ leave: tag, emitted: Boolean(allowed) });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]! });
  }
  flush();
  return { blocks, draft: out.join('') };
}

/** Canonical text blocks of an HTML fragment, in document order. */
export function htmlBlocks(html: string): Block[] {
  return htmlContent(html).blocks;
}
