// The article's canonical text as the document it came from: headings, lists, quotes,
// tables, figures, code and links, from the `blocks` and `links` the import stored
// over the text. Pure: text + structure + highlight spans in, Preact vnodes out.
//
// The one rule every element here keeps: each paragraph of the canonical text is ONE
// element carrying `data-start` whose text content is exactly that paragraph (list
// markers come from CSS, images hold no text), so passages/dom-offsets.ts maps DOM
// positions to text offsets by counting characters. Paragraphs without a (valid)
// block, and whole articles imported before structure existed, render as <p>.
import type { ComponentChildren, VNode } from 'preact';
import type { PageMark, TextBlock, TextLink } from '../../../electron/core/model.js';
import { segmentParagraph, type Segment, type Span } from '../shared/segments.js';
import './blocks.css';

export interface ReaderDoc {
  text: string;
  blocks?: TextBlock[];
  links?: TextLink[];
  /** PDF articles: where each page begins; the text shows a marker there. */
  pages?: PageMark[];
}

/** Where a page begins in the text, and what its marker says. */
export interface PageStart {
  at: number;
  /** 1-based index of the page in the file. */
  index: number;
  label: string;
}

/**
 * One marker per page that holds text (pages with no text of their own, a figure or a blank,
 * share their start with the next page and show no marker of their own).
 */
export function pageStarts(doc: ReaderDoc): PageStart[] {
  const pages = doc.pages ?? [];
  const out: PageStart[] = [];
  pages.forEach((p, i) => {
    if (p.start >= doc.text.length && doc.text.length > 0) return;
    if (pages[i + 1] && pages[i + 1]!.start === p.start) return;
    out.push({ at: p.start, index: i + 1, label: p.label || String(i + 1) });
  });
  return out;
}

/**
 * A page marker: an empty element whose label comes from CSS (::before), so the paragraph's text
 * content stays exactly the paragraph (dom-offsets counts characters).
 */
function pageMarker(m: PageStart): VNode {
  return (
    <span
      key={`pg${m.index}`}
      class="page-marker"
      data-page={m.index}
      data-label={`p. ${m.label}`}
      role="img"
      aria-label={`Page ${m.label}`}
    />
  );
}

export interface RenderOptions {
  /** Renders one highlighted run (the reader adds its passage ids, colour, drag). Default: a plain <mark>. */
  mark?: (segment: Segment, key: string) => VNode;
  /** The src of a stored image (a data: URL fetched through the API), or undefined while it loads. */
  imageSrc?: (imageId: string) => string | undefined;
}

interface Para {
  start: number;
  text: string;
  block: TextBlock;
}

/** Only links a reader may open: the import keeps http(s) only, and the renderer checks again. */
export function safeHref(href: string): string | null {
  try {
    const u = new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Each paragraph of the text with what it was; a block that does not fit its paragraph is ignored. */
export function paragraphsWithBlocks(doc: ReaderDoc): { paras: Para[]; imagesAt: Map<number, TextBlock[]> } {
  const byStart = new Map<number, TextBlock>();
  const imagesAt = new Map<number, TextBlock[]>();
  for (const b of doc.blocks ?? []) {
    if (b.kind === 'image') {
      if (!b.image || b.start !== b.end || b.start < 0 || b.start > doc.text.length) continue;
      imagesAt.set(b.start, [...(imagesAt.get(b.start) ?? []), b]);
    } else byStart.set(b.start, b);
  }
  const paras: Para[] = [];
  let pos = 0;
  for (const text of doc.text.split('\n\n')) {
    const end = pos + text.length;
    const b = byStart.get(pos);
    paras.push({ start: pos, text, block: b && b.end === end ? b : { kind: 'paragraph', start: pos, end } });
    pos = end + 2;
  }
  return { paras, imagesAt };
}

const defaultMark = (s: Segment, key: string) => (
  <mark key={key} class="hl" data-passage-ids={s.spans.map((x) => x.id).join(' ')}>
    {s.text}
  </mark>
);

/** A paragraph's text with its links and highlights, split wherever either begins or ends. */
function inline(
  p: Para,
  links: TextLink[],
  spans: Span[],
  opts: RenderOptions,
  markers: PageStart[] = [],
): ComponentChildren[] {
  const end = p.start + p.text.length;
  const mark = opts.mark ?? defaultMark;
  const plain = (from: number, to: number): ComponentChildren[] =>
    segmentParagraph(from, p.text.slice(from - p.start, to - p.start), spans).map((s) =>
      s.spans.length === 0 ? s.text : mark(s, `m${s.start}`),
    );
  // Runs split where a page begins, with the page's marker in between.
  const runs = (from: number, to: number): ComponentChildren[] => {
    const out: ComponentChildren[] = [];
    let at = from;
    for (const m of markers) {
      if (m.at < from || m.at >= to) continue;
      if (m.at > at) out.push(...plain(at, m.at));
      out.push(pageMarker(m));
      at = m.at;
    }
    if (at < to || out.length === 0) out.push(...plain(at, to));
    return out;
  };
  const out: ComponentChildren[] = [];
  let at = p.start;
  for (const l of links) {
    if (l.start < at || l.end > end || l.start >= l.end) continue;
    const href = safeHref(l.href);
    if (!href) continue;
    if (l.start > at) out.push(...runs(at, l.start));
    out.push(
      <a key={`a${l.start}`} href={href} title={href} target="_blank" rel="noopener noreferrer">
        {runs(l.start, l.end)}
      </a>,
    );
    at = l.end;
  }
  if (at < end || out.length === 0) out.push(...runs(at, end));
  return out;
}

function figure(img: TextBlock, opts: RenderOptions, caption?: VNode): VNode {
  const src = opts.imageSrc?.(img.image!);
  return (
    <figure key={`img${img.start}-${img.image}`} class="reader-figure">
      {src ? (
        <img src={src} alt={img.alt ?? ''} />
      ) : (
        <div class="reader-figure-placeholder" role="img" aria-label={img.alt || 'Image'} />
      )}
      {caption}
    </figure>
  );
}

interface ListNode {
  ordered: boolean;
  /** An ordered list's first number. */
  start?: number;
  items: Array<{ key: number; children: ComponentChildren[] }>;
}

function listVNode(l: ListNode): VNode {
  const Tag = l.ordered ? 'ol' : 'ul';
  const first = l.items[0];
  return (
    <Tag key={`l${first?.key}`} start={l.ordered && l.start !== 1 ? l.start : undefined}>
      {l.items.map((it) => (
        <li key={it.key}>{it.children}</li>
      ))}
    </Tag>
  );
}

/**
 * The article's body as vnodes: call inside the reader's text container. Highlights
 * (`spans`) may cross any element boundary: each element shows its share.
 */
export function renderBlocks(doc: ReaderDoc, spans: Span[], opts: RenderOptions = {}): VNode[] {
  const { paras, imagesAt } = paragraphsWithBlocks(doc);
  const links = [...(doc.links ?? [])].sort((a, b) => a.start - b.start);
  const out: VNode[] = [];
  let li = 0;
  const linksOf = (p: Para) => {
    const end = p.start + p.text.length;
    while (li < links.length && links[li]!.end <= p.start) li++;
    const mine: TextLink[] = [];
    for (let k = li; k < links.length && links[k]!.start < end; k++) mine.push(links[k]!);
    return mine;
  };
  const starts = pageStarts(doc);
  const markersOf = (p: Para) => starts.filter((m) => m.at >= p.start && m.at < p.start + Math.max(1, p.text.length));
  const content = (p: Para) => inline(p, linksOf(p), spans, opts, starts.length ? markersOf(p) : []);

  // Open groups: nested lists (outermost first), a table, a block quote, a PDF's footnotes at
  // one place, its reference list.
  const lists: ListNode[] = [];
  let table: { index: number; rows: Map<number, VNode[]>; key: number } | null = null;
  let quote: { key: number; children: VNode[] } | null = null;
  let notes: { key: number; children: VNode[] } | null = null;
  let refs: { key: number; children: VNode[] } | null = null;
  let headingLevel = 1;

  const closeLists = (depth = 0) => {
    while (lists.length > depth) {
      const l = lists.pop()!;
      const v = listVNode(l);
      const parent = lists[lists.length - 1];
      if (parent?.items.length) parent.items[parent.items.length - 1]!.children.push(v);
      else out.push(v);
    }
  };
  const closeTable = () => {
    if (!table) return;
    out.push(
      <div key={`t${table.key}`} class="reader-table">
        <table>
          <tbody>
            {[...table.rows.entries()].map(([r, cells]) => (
              <tr key={r}>{cells}</tr>
            ))}
          </tbody>
        </table>
      </div>,
    );
    table = null;
  };
  const closeQuote = () => {
    if (!quote) return;
    out.push(<blockquote key={`q${quote.key}`}>{quote.children}</blockquote>);
    quote = null;
  };
  // Footnotes and references carry their text only: what they are comes from the group's
  // accessible name (read out) and CSS (seen), never from text added to the paragraph.
  const closeNotes = () => {
    if (!notes) return;
    out.push(
      <div key={`fn${notes.key}`} class="reader-footnotes" role="note" aria-label="Footnotes">
        {notes.children}
      </div>,
    );
    notes = null;
  };
  const closeRefs = () => {
    if (!refs) return;
    out.push(
      <ul key={`rf${refs.key}`} class="reader-references" aria-label="References">
        {refs.children}
      </ul>,
    );
    refs = null;
  };
  const closeAll = () => {
    closeLists();
    closeTable();
    closeQuote();
    closeNotes();
    closeRefs();
  };

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const b = p.block;
    const images = imagesAt.get(p.start) ?? [];
    if (images.length) closeAll();
    // An image right before a caption is one figure with it.
    for (let k = 0; k < images.length; k++) {
      const img = images[k]!;
      if (k === images.length - 1 && b.kind === 'figcaption') {
        out.push(
          figure(
            img,
            opts,
            <figcaption data-start={p.start} key={p.start}>
              {content(p)}
            </figcaption>,
          ),
        );
      } else out.push(figure(img, opts));
    }
    if (images.length && b.kind === 'figcaption') continue;

    if (b.kind !== 'list-item') closeLists();
    if (b.kind !== 'cell' || (table && table.index !== b.table)) closeTable();
    if (b.kind !== 'quote') closeQuote();
    if (b.kind !== 'footnote') closeNotes();
    // A footnote printed inside the reference list does not end it.
    if (b.kind !== 'reference' && b.kind !== 'footnote') closeRefs();

    switch (b.kind) {
      case 'heading': {
        // Article headings sit under the title's <h1>, one level at a time.
        const level = Math.min(6, Math.max(2, b.level ?? 2), headingLevel + 1);
        headingLevel = level;
        const H = `h${level}` as 'h2';
        out.push(
          <H key={p.start} data-start={p.start} class="reader-heading">
            {content(p)}
          </H>,
        );
        break;
      }
      case 'list-item': {
        const depth = Math.max(1, Math.min(8, b.depth ?? 1));
        const ordered = Boolean(b.ordered);
        if (lists.length > depth) closeLists(depth);
        const top = lists[lists.length - 1];
        if (top && lists.length === depth && top.ordered !== ordered && !b.cont) closeLists(depth - 1);
        while (lists.length < depth) {
          const l: ListNode = { ordered, start: ordered ? b.n : undefined, items: [] };
          const parent = lists[lists.length - 1];
          if (parent && parent.items.length === 0) parent.items.push({ key: p.start - 0.5, children: [] });
          lists.push(l);
        }
        const list = lists[lists.length - 1]!;
        const para = (
          <p key={p.start} data-start={p.start}>
            {content(p)}
          </p>
        );
        const last = list.items[list.items.length - 1];
        if (b.cont && last) last.children.push(para);
        else list.items.push({ key: p.start, children: [para] });
        break;
      }
      case 'cell': {
        if (!table) table = { index: b.table ?? 0, rows: new Map(), key: p.start };
        const row = b.row ?? 0;
        const Cell = b.header ? 'th' : 'td';
        const cells = table.rows.get(row) ?? [];
        cells.push(
          <Cell key={p.start} data-start={p.start}>
            {content(p)}
          </Cell>,
        );
        table.rows.set(row, cells);
        break;
      }
      case 'quote': {
        quote ??= { key: p.start, children: [] };
        quote.children.push(
          <p key={p.start} data-start={p.start}>
            {content(p)}
          </p>,
        );
        break;
      }
      case 'code':
        out.push(
          <pre key={p.start} data-start={p.start} class="reader-code">
            {content(p)}
          </pre>,
        );
        break;
      case 'footnote': {
        if (refs) {
          // Inside the reference list: its own item, so the list stays one list.
          refs.children.push(
            <li key={p.start} class="reader-footnote-item">
              <div role="note" aria-label="Footnote">
                <p data-start={p.start} class="reader-footnote">
                  {content(p)}
                </p>
              </div>
            </li>,
          );
          break;
        }
        notes ??= { key: p.start, children: [] };
        notes.children.push(
          <p key={p.start} data-start={p.start} class="reader-footnote">
            {content(p)}
          </p>,
        );
        break;
      }
      case 'reference': {
        refs ??= { key: p.start, children: [] };
        refs.children.push(
          <li key={p.start}>
            <p data-start={p.start}>{content(p)}</p>
          </li>,
        );
        break;
      }
      case 'caption':
        out.push(
          <p key={p.start} data-start={p.start} class="reader-caption" role="note" aria-label="Caption">
            {content(p)}
          </p>,
        );
        break;
      case 'figcaption':
        out.push(
          <p key={p.start} data-start={p.start} class="reader-caption">
            {content(p)}
          </p>,
        );
        break;
      default:
        out.push(
          <p key={p.start} data-start={p.start}>
            {content(p)}
          </p>,
        );
    }
  }
  closeAll();
  for (const img of imagesAt.get(doc.text.length) ?? []) {
    if (!paras.some((p) => p.start === doc.text.length)) out.push(figure(img, opts));
  }
  return out;
}
