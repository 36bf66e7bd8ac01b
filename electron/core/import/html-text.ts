// Canonical text from an HTML fragment: one paragraph per block element, inline
// text joined with collapsed whitespace, <br> as a line break. The walk is
// iterative (an explicit stack), so no input nests deep enough to overflow.
import { parseHTML } from 'linkedom';
import type { Block } from './canonical.js';
import { tidyLines } from './canonical.js';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'button',
  'select',
  'textarea',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Blocks of text in document order; figure captions are marked as such. */
export function htmlBlocks(html: string): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: Block[] = [];
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
  type Step = { node: DomNode } | { leave: string };
  const stack: Step[] = [{ node: document.body as unknown as DomNode }];
  while (stack.length) {
    const step = stack.pop()!;
    if ('leave' in step) {
      if (BLOCK_TAGS.has(step.leave)) flush();
      if (step.leave === 'figcaption') inCaption--;
      if (step.leave === 'pre') inPre--;
      continue;
    }
    const node = step.node;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      buf += inPre ? v : v.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.nodeName.toLowerCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'br') {
      buf += '\n';
      continue;
    }
    if (BLOCK_TAGS.has(tag)) flush();
    else if (tag === 'td' || tag === 'th') buf += ' ';
    if (tag === 'figcaption') inCaption++;
    if (tag === 'pre') inPre++;
    stack.push({ leave: tag });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]! });
  }
  flush();
  return blocks;
}
