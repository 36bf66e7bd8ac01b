// From positioned text items (what PDF.js reads from each page) to lines in reading order.
// A PDF has no words, lines or paragraphs: only runs of glyphs at positions. Rows are items on
// one baseline; columns are found per page as vertical gutters no row crosses; words are joined
// by the gap between items (not by whether the PDF happened to split a run), and rows that
// repeat at the top or bottom of many pages (running headers, footers, page numbers) are set
// aside before the body is read. Pure functions over plain data, tested on synthetic pages.

/** One run of text on a page, in PDF user space (y grows upwards; y is the baseline). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  /** Advance width of the run. */
  w: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface PdfPage {
  items: PdfItem[];
  /** Text the page holds that is not horizontal (margin stamps, rotated tables): kept aside. */
  rotated?: string[];
}

/** One line of text in reading order, with where it sits (for page markers and highlights). */
export interface Line {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
  /** Which column of its band (0 = leftmost); -1 for a row that spans the columns. */
  column: number;
  /** The left and right edges of the column the line is in (for indents and short last lines). */
  left: number;
  right: number;
  /** The line begins with a raised mark in smaller type (how a footnote starts). */
  mark?: boolean;
}

/** A row set aside as page furniture, with the page it was on. */
export interface Furniture {
  page: number;
  text: string;
  reason: 'running header' | 'running footer' | 'page number' | 'rotated text';
  /** At the top of its page (a header) or the bottom (a footer). */
  top: boolean;
}

interface Row {
  y: number;
  size: number;
  items: PdfItem[];
}

const isBlank = (s: string) => !/\S/.test(s);

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Items on one baseline (within a fraction of their size), top to bottom, each row left to right. */
export function rowsOf(items: readonly PdfItem[]): Row[] {
  const sorted = items.filter((i) => i.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - it.y) <= 0.35 * Math.min(row.size, it.size)) {
      row.items.push(it);
      if (!isBlank(it.str)) row.size = Math.max(row.size, it.size);
    } else rows.push({ y: it.y, size: it.size, items: [it] });
  }
  for (const r of rows) r.items.sort((a, b) => a.x - b.x);
  return mergeScripts(rows.filter((r) => r.items.some((i) => !isBlank(i.str))));
}

/** A row of a few short runs in smaller type: a footnote mark, an exponent or an index. */
function isScriptRow(r: Row, base: Row): boolean {
  return (
    r.size <= 0.8 * base.size &&
    r.items.every((i) => i.str.trim().length <= 4) &&
    r.items.filter((i) => !isBlank(i.str)).length <= 4
  );
}

/**
 * Superscripts (footnote marks, exponents) sit above their line's baseline by more than rows
 * allow, subscripts below it: a row of them goes into the line they belong to, so "flow.¹ The"
 * stays one line and a footnote's first line keeps its number.
 */
function mergeScripts(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const below = rows[k + 1];
    if (below && r.y > below.y && r.y - below.y <= 0.6 * below.size && isScriptRow(r, below)) {
      below.items = [...r.items, ...below.items].sort((a, b) => a.x - b.x);
      continue;
    }
    const above = out[out.length - 1];
    if (above && above.y > r.y && above.y - r.y <= 0.35 * above.size && isScriptRow(r, above)) {
      above.items = [...above.items, ...r.items].sort((a, b) => a.x - b.x);
      continue;
    }
    out.push(r);
  }
  return out;
}

/**
 * Joins a row's items into text. A space goes where the PDF drew one (a whitespace item) or
 * where the gap before an item is wider than a fraction of the font size: runs split inside a
 * word (a ligature, a kerning pair, a font change) join without one.
 */
export function joinItems(items: readonly PdfItem[]): string {
  let text = '';
  let end = -Infinity;
  let space = false;
  for (const it of items) {
    if (isBlank(it.str)) {
      space = true;
      continue;
    }
    const gap = it.x - end;
    if (text && (space || gap > 0.15 * it.size) && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
    text += it.str;
    end = Math.max(end, it.x + it.w);
    space = /\s$/.test(it.str);
  }
  return text.replace(/\s+/g, ' ').trim();
}

function rowText(r: Row): string {
  return joinItems(r.items);
}

const PAGE_NUMBER =
  /^(?:page\s+|p\.\s*|-\s*|–\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*-|\s*–)?$/i;

/** A row's text with numbers masked, so "Page 3" and "Page 4" are the same running row. */
function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** How many rows at each end of a page may be furniture. */
const EDGE_ROWS = 2;

/**
 * Finds page furniture: rows at the top or bottom of pages whose text (numbers masked) recurs on
 * at least 40% of the pages (two at least), and lone page numbers at either end. Returns, per
 * page, the indexes of its rows to set aside.
 */
export function findFurniture(pages: Row[][]): { drop: Set<number>[]; furniture: Furniture[] } {
  const drop = pages.map(() => new Set<number>());
  const furniture: Furniture[] = [];
  if (pages.length < 2) return { drop, furniture };
  const edge = (rows: Row[], top: boolean) => {
    const idx: number[] = [];
    for (let k = 0; k < Math.min(EDGE_ROWS, rows.length); k++) idx.push(top ? k : rows.length - 1 - k);
    return idx;
  };
  const counts = new Map<string, number>();
  for (const rows of pages) {
    const seen = new Set<string>();
    for (const top of [true, false])
      for (const i of edge(rows, top)) seen.add(`${top ? 'T' : 'B'}${furnitureKey(rowText(rows[i]!))}`);
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(0.4 * pages.length));
  pages.forEach((rows, p) => {
    for (const top of [true, false]) {
      // From the page's edge inwards: furniture is the outermost rows, never body between.
      for (const i of edge(rows, top)) {
        const text = rowText(rows[i]!);
        const running = (counts.get(`${top ? 'T' : 'B'}${furnitureKey(text)}`) ?? 0) >= needed;
        const number = PAGE_NUMBER.test(text);
        if (!running && !number) break;
        if (drop[p]!.has(i)) continue;
        drop[p]!.add(i);
        furniture.push({
          page: p,
          text,
          top,
          reason: number ? 'page number' : top ? 'running header' : 'running footer',
        });
      }
    }
  });
  return { drop, furniture };
}

interface Gutter {
  start: number;
  end: number;
}

/**
 * Vertical gutters between columns: x ranges that (almost) no row's text covers, with a good
 * share of rows on both sides. A row that crosses one (a title over two columns) spans the page.
 * A paper's first page opens with a title, authors and an abstract across both columns: when the
 * whole first page shows no gutter, the rows from the top are left out one by one (up to half the
 * page) until the columns below show one. (Only there: elsewhere a page whose columns a long line
 * overflows reads better row by row than split below the overflow.)
 */
export function findGutters(rows: Row[], firstPage = false): Gutter[] & { front?: number } {
  const body = rows.map((r) => r.items.filter((i) => !isBlank(i.str)));
  const all = body.flat();
  if (all.length === 0 || rows.length < 6) return [];
  const minX = Math.floor(Math.min(...all.map((i) => i.x)));
  const maxX = Math.ceil(Math.max(...all.map((i) => i.x + i.w)));
  const width = maxX - minX;
  if (width <= 0 || width > 20000) return [];
  const marks = body.map((items) => {
    // Each row counts once per point it covers (its items may overlap).
    const mark = new Uint8Array(width + 1);
    for (const i of items)
      for (let x = Math.max(0, Math.floor(i.x - minX)); x <= Math.min(width, Math.ceil(i.x + i.w - minX)); x++)
        mark[x] = 1;
    return mark;
  });
  const cover = new Uint16Array(width + 1);
  for (const mark of marks) for (let x = 0; x <= width; x++) cover[x]! += mark[x]!;
  const size = median(all.map((i) => i.size));
  const scan = (from: number): Gutter[] => {
    const n = rows.length - from;
    const tolerance = Math.max(1, Math.floor(0.04 * n));
    const gutters: Gutter[] = [];
    let x = 0;
    while (x <= width) {
      if (cover[x]! > tolerance) {
        x++;
        continue;
      }
      let e = x;
      while (e + 1 <= width && cover[e + 1]! <= tolerance) e++;
      const g = { start: minX + x, end: minX + e + 1 };
      if (x > 0 && e < width && g.end - g.start >= Math.max(6, 0.8 * size)) {
        const rest = body.slice(from);
        const left = rest.filter((items) => items.some((i) => i.x + i.w <= g.start + 0.5)).length;
        const right = rest.filter((items) => items.some((i) => i.x >= g.end - 0.5)).length;
        // A last page may end its right column after a line or two.
        const many = Math.max(3, 0.2 * n);
        if (left >= 3 && right >= 2 && Math.max(left, right) >= many) gutters.push(g);
      }
      x = e + 1;
    }
    return gutters;
  };
  const found = scan(0);
  if (found.length || !firstPage) return found;
  // Only worth trying where some x in the middle is left bare by many rows (one column never is).
  let bare = false;
  for (let x = Math.floor(0.3 * width); x <= 0.7 * width && !bare; x++) bare = cover[x]! <= 0.6 * rows.length;
  if (!bare) return [];
  for (let from = 1; from <= rows.length / 2; from++) {
    const mark = marks[from - 1]!;
    for (let x = 0; x <= width; x++) cover[x]! -= mark[x]!;
    if (rows.length - from < 6) break;
    const g: Gutter[] & { front?: number } = scan(from);
    if (g.length) {
      g.front = from;
      return g;
    }
  }
  return [];
}

/** The lines of one page in reading order: bands of columns, top to bottom, each column top to bottom. */
export function readPage(rows: Row[], page: number): Line[] {
  const gutters = findGutters(rows, page === 0);
  const lines: Line[] = [];
  const toLine = (items: PdfItem[], row: Row, column: number): Line | null => {
    let text = joinItems(items);
    if (!text) return null;
    const content = items.filter((i) => !isBlank(i.str));
    const size = Math.max(...content.map((i) => i.size));
    const first = content[0]!;
    const mark = first.size <= 0.8 * size && first.y > row.y + 0.1 * size && /^\S{1,4}$/.test(first.str.trim());
    // A footnote's raised number set tight against its first word ("¹See", as TeX prints it).
    const m = first.str.trim();
    if (mark && text.length > m.length && text.startsWith(m) && text[m.length] !== ' ')
      text = `${m} ${text.slice(m.length)}`;
    return {
      page,
      text,
      x0: Math.min(...content.map((i) => i.x)),
      x1: Math.max(...content.map((i) => i.x + i.w)),
      y: row.y,
      size,
      column,
      left: 0,
      right: 0,
      ...(mark ? { mark } : {}),
    };
  };
  if (gutters.length === 0) {
    for (const r of rows) {
      const l = toLine(r.items, r, 0);
      if (l) lines.push(l);
    }
    return withEdges(lines);
  }
  // A run starting inside a gutter (one of the few rows allowed there: a reference's "[17]" hung out
  // left of its column) belongs to the side of the gutter it starts on.
  const columnOf = (i: PdfItem) => gutters.filter((g) => i.x >= (g.start + g.end) / 2).length;
  // A row spans when a run of text crosses a gutter. In the front matter above the columns
  // (the rows left out to find them) justified words may also sit in it with only word spaces
  // between them, where a column's edge would leave most of the gutter bare.
  const front = new Set(rows.slice(0, gutters.front ?? 0));
  const spans = (r: Row) => {
    const content = r.items.filter((i) => !isBlank(i.str));
    return gutters.some((g) => {
      if (content.some((i) => i.x < g.start - 0.5 && i.x + i.w > g.end + 0.5)) return true;
      if (!front.has(r) || !content.some((i) => i.x < g.end - 0.5 && i.x + i.w > g.start + 0.5)) return false;
      let end = -Infinity;
      for (const i of content) {
        if (Math.min(i.x, g.end) - Math.max(end, g.start) >= 0.6 * (g.end - g.start)) return false;
        end = Math.max(end, i.x + i.w);
      }
      return Math.min(Infinity, g.end) - Math.max(end, g.start) < 0.6 * (g.end - g.start);
    });
  };
  let band: Row[] = [];
  const flush = () => {
    for (let c = 0; c <= gutters.length; c++) {
      // A row's share in this column, on its own baseline: a footnote mark beside the other
      // column's line belongs to the line below it in this one.
      const parts: Row[] = [];
      for (const r of band) {
        const items = r.items.filter((i) => columnOf(i) === c);
        const content = items.filter((i) => !isBlank(i.str));
        if (!content.length) continue;
        const size = Math.max(...content.map((i) => i.size));
        parts.push({ y: content.find((i) => i.size === size)!.y, size, items });
      }
      for (const r of mergeScripts(parts)) {
        const l = toLine(r.items, r, c);
        if (l) lines.push(l);
      }
    }
    band = [];
  };
  for (const r of rows) {
    if (spans(r)) {
      flush();
      const l = toLine(r.items, r, -1);
      if (l) lines.push(l);
    } else band.push(r);
  }
  flush();
  return withEdges(lines);
}

/** Sets each line's column edges: the extent of the lines of its column on its page. */
function withEdges(lines: Line[]): Line[] {
  const edges = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    const e = edges.get(l.column) ?? { left: Infinity, right: -Infinity };
    e.left = Math.min(e.left, l.x0);
    e.right = Math.max(e.right, l.x1);
    edges.set(l.column, e);
  }
  for (const l of lines) {
    const e = edges.get(l.column)!;
    l.left = e.left;
    l.right = e.right;
  }
  return lines;
}

/** Every page's body lines in reading order, and the furniture set aside. */
export function readPages(pages: readonly PdfPage[]): { lines: Line[]; furniture: Furniture[] } {
  const rowsPerPage = pages.map((p) => rowsOf(p.items));
  const { drop, furniture } = findFurniture(rowsPerPage);
  const lines: Line[] = [];
  rowsPerPage.forEach((rows, p) => {
    lines.push(
      ...readPage(
        rows.filter((_, i) => !drop[p]!.has(i)),
        p,
      ),
    );
    for (const text of pages[p]!.rotated ?? []) furniture.push({ page: p, text, reason: 'rotated text', top: false });
  });
  return { lines, furniture };
}
