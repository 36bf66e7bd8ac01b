// One iterative walk over an HTML fragment (an explicit stack, so no input nests deep
// enough to overflow) that yields:
// - the canonical text blocks: one paragraph per block element, inline text joined
//   with collapsed whitespace, <br> as a line break, each with its shape (heading,
//   list item, cell...) and the http(s) links inside it;
// - a lean draft of the reader HTML: only the elements and attributes a reader needs
//   (no classes, styles, ids, data attributes, spans), text escaped. DOMPurify then
//   sanitises the draft (sanitize.ts stays the security boundary); the draft only makes
//   its work smaller, which halves the cost of sanitising a page.
import { parseHTML } from 'linkedom';
import type { Block, BlockShape } from './canonical.js';
import { tidyLines } from './canonical.js';
import type { TextLink } from '../model.js';

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
/** Elements that shape the text inside them (besides h1-h6). */
const FRAME_TAGS = new Set('ul ol li blockquote pre figcaption table thead tr td th a'.split(' '));

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

/** An open element that gives the text inside it a shape (heading, list, table, link...). */
interface Frame {
  tag: string;
  /** ul/ol: items seen so far; table: rows seen so far. */
  count: number;
  /** li: its number; tr: its row index; table: its index in the article. */
  index: number;
  /** li: blocks already made from it (the second is a continuation). */
  emitted: number;
  /** a: the link's target and where its text began in the buffer. */
  href?: string;
  bufStart?: number;
  flushes?: number;
}

const HEADING = /^h([1-6])$/;

/** The link targets a reader may open: absolute http(s), resolved against the page when known. */
export function linkTarget(href: string, baseUrl?: string): string | null {
  const h = href.trim();
  if (!h || h.startsWith('#')) return null;
  try {
    const u = baseUrl ? new URL(h, baseUrl) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** What the innermost shaping element makes of the text being flushed. */
function shapeOf(frames: Frame[]): BlockShape | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    const h = HEADING.exec(f.tag);
    if (h) return { kind: 'heading', level: Number(h[1]) };
    switch (f.tag) {
      case 'figcaption':
        return { kind: 'figcaption' };
      case 'pre':
        return { kind: 'code' };
      case 'td':
      case 'th': {
        const tr = frames
          .slice(0, i)
          .reverse()
          .find((x) => x.tag === 'tr');
        const table = frames
          .slice(0, i)
          .reverse()
          .find((x) => x.tag === 'table');
        if (!tr || !table) return undefined;
        const header = f.tag === 'th' || frames.slice(0, i).some((x) => x.tag === 'thead');
        return { kind: 'cell', table: table.index, row: tr.index, ...(header ? { header } : {}) };
      }
      case 'li': {
        const lists = frames.slice(0, i).filter((x) => x.tag === 'ul' || x.tag === 'ol');
        const list = lists[lists.length - 1];
        const ordered = list?.tag === 'ol';
        const shape: BlockShape = { kind: 'list-item', ordered, depth: Math.max(1, lists.length) };
        if (ordered) shape.n = f.index;
        if (f.emitted++ > 0) shape.cont = true;
        return shape;
      }
      case 'blockquote':
        return { kind: 'quote' };
    }
  }
  return undefined;
}

/** Text blocks and a lean reader-HTML draft of an HTML fragment, in one pass. */
export function htmlContent(html: string, baseUrl?: string): HtmlContent {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: Block[] = [];
  const out: string[] = [];
  let buf = '';
  let inPre = 0;
  let flushes = 0;
  let tables = 0;
  const frames: Frame[] = [];
  /** Links closed since the last flush: their text, to be found in the flushed blocks. */
  let pendingLinks: Array<{ text: string; href: string }> = [];
  /** Images met inside a paragraph: they follow it. */
  let pendingImages: Block[] = [];
  const flush = () => {
    flushes++;
    const parts = tidyLines(buf)
      .split(/\n{2,}/)
      .filter(Boolean);
    const shape = parts.length ? shapeOf(frames) : undefined;
    // <br><br> inside one element reads as a paragraph break: make it one.
    let linkAt = 0;
    parts.forEach((t, k) => {
      const block: Block = { text: t, reason: null };
      if (shape) block.shape = k > 0 && shape.kind === 'list-item' ? { ...shape, cont: true } : { ...shape };
      // Links are found in order in the text they ended up in; one that cannot be found is left out.
      const links: TextLink[] = [];
      let from = 0;
      for (; linkAt < pendingLinks.length; linkAt++) {
        const l = pendingLinks[linkAt]!;
        const i = t.indexOf(l.text, from);
        if (i < 0) {
          if (k < parts.length - 1) break;
          continue;
        }
        links.push({ start: i, end: i + l.text.length, href: l.href });
        from = i + l.text.length;
      }
      if (links.length) block.links = links;
      blocks.push(block);
    });
    pendingLinks = [];
    buf = '';
    if (pendingImages.length) {
      blocks.push(...pendingImages);
      pendingImages = [];
    }
  };
  // Stack entries: a node to visit, or a marker to run when leaving an element.
  type Step = { node: DomNode } | { leave: string; emitted: boolean; frame: boolean };
  const stack: Step[] = [{ node: document.body as unknown as DomNode }];
  let root = true;
  while (stack.length) {
    const step = stack.pop()!;
    if ('leave' in step) {
      if (BLOCK_TAGS.has(step.leave)) flush();
      if (step.frame) {
        const f = frames.pop()!;
        if (f.tag === 'a' && f.href && f.flushes === flushes) {
          const text = buf.slice(f.bufStart).replace(/\s+/g, ' ').trim();
          if (text) pendingLinks.push({ text, href: f.href });
        }
      }
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
    if (tag === 'img') {
      const src = node.getAttribute?.('src')?.trim();
      if (src) {
        const alt = (node.getAttribute?.('alt') ?? '').replace(/\s+/g, ' ').trim();
        const img: Block = { text: '', reason: null, shape: { kind: 'image', image: src, alt } };
        if (buf.trim()) pendingImages.push(img);
        else blocks.push(img);
      }
      continue;
    }
    if (VOID_TAGS.has(tag)) continue;
    if (BLOCK_TAGS.has(tag)) flush();
    if (tag === 'pre') inPre++;
    const frame = FRAME_TAGS.has(tag) || HEADING.test(tag);
    if (frame) {
      const f: Frame = { tag, count: 0, index: 0, emitted: 0 };
      if (tag === 'ol') f.count = Math.max(0, (Number(node.getAttribute?.('start')) || 1) - 1);
      if (tag === 'li') {
        const list = [...frames].reverse().find((x) => x.tag === 'ul' || x.tag === 'ol');
        f.index = list ? ++list.count : 1;
      }
      if (tag === 'table') f.index = tables++;
      if (tag === 'tr') {
        const table = [...frames].reverse().find((x) => x.tag === 'table');
        f.index = table ? table.count++ : 0;
      }
      if (tag === 'a') {
        const href = linkTarget(node.getAttribute?.('href') ?? '', baseUrl);
        if (href) Object.assign(f, { href, bufStart: buf.length, flushes });
      }
      frames.push(f);
    }
    stack.push({ leave: tag, emitted: Boolean(allowed), frame });
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
