// The page view's selectable text: each stored line box (ArticlePdf.lines) becomes one positioned run
// of the canonical text, text.slice(start, end), stretched to the box. A selection on the pages then
// counts canonical offsets exactly as one in the text view does (passages/dom-offsets.ts reads the
// runs' data-start), so a passage made on the pages is the same passage. Pure: tested without PDF.js.

/** One line of a page: its range in the canonical text and its box in PDF user space (points). */
export interface PageLine {
  start: number;
  end: number;
  box: [number, number, number, number];
}

/** The lines stored for one page (0-based), in the order the text reads them. */
export function pageLines(lines: readonly number[], page: number): PageLine[] {
  const out: PageLine[] = [];
  for (let i = 0; i + 6 < lines.length; i += 7) {
    if (lines[i] !== page) continue;
    const start = lines[i + 1]!;
    const end = lines[i + 2]!;
    if (end <= start) continue;
    out.push({
      start,
      end,
      box: [lines[i + 3]! / 10, lines[i + 4]! / 10, lines[i + 5]! / 10, lines[i + 6]! / 10],
    });
  }
  return out;
}

/** Where a line's run sits on the page, in CSS pixels of the page box. */
export interface LineLayout {
  left: number;
  top: number;
  width: number;
  height: number;
  fontSize: number;
  /** Horizontal stretch that makes the run as wide as the line printed on the page. */
  scaleX: number;
}

/**
 * A line's run from its box on the page (two corners in viewport pixels, any order) and a measure of
 * the run's natural width at a font size. The import's box spans 1.1 font sizes (0.25 below the
 * baseline, 0.85 above), so the font is the box height over 1.1 and the run fills the box.
 */
export function layoutLine(corners: readonly number[], measure: (fontSize: number) => number): LineLayout {
  const [xa, ya, xb, yb] = corners as [number, number, number, number];
  const left = Math.min(xa, xb);
  const top = Math.min(ya, yb);
  const width = Math.abs(xb - xa);
  const height = Math.abs(yb - ya);
  const fontSize = height / 1.1;
  const natural = fontSize > 0 ? measure(fontSize) : 0;
  const scaleX = natural > 0 && width > 0 ? width / natural : 1;
  return { left, top, width, height, fontSize, scaleX };
}

/** The passage (last drawn wins, as on the page) whose box on the page holds a point, or null. */
export function highlightAt(
  boxes: readonly { id: string; left: number; top: number; right: number; bottom: number }[],
  x: number,
  y: number,
): string | null {
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i]!;
    if (x >= b.left && x <= b.right && y >= b.top && y <= b.bottom) return b.id;
  }
  return null;
}

/** A piece of text PDF.js found on the page: its string, where it starts (x, baseline y) and its width, in points. */
export interface PageItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

/**
 * A line cut at its printed words: justified lines are printed word by word (one PDF.js item each, the
 * spaces stretched between them), and a run stretched evenly over the whole line drifts from the print
 * by up to a word in its middle. Each word gets its own piece over the item's box, each space between
 * two words a piece over the gap, so the pieces tile the line and its text (a selection reads as the
 * text view's). Null when the items do not spell the line's text in order (another normalisation, a
 * ligature, a word the import joined): the line is then laid whole, as before.
 */
export function splitLine(text: string, line: PageLine, items: readonly PageItem[]): PageLine[] | null {
  const [x0, y0, x1, y1] = line.box;
  const on = items
    .filter((it) => it.str.trim() && it.y >= y0 && it.y <= y1 && it.x >= x0 - 2 && it.x <= x1 + 2)
    .sort((a, b) => a.x - b.x);
  if (on.length < 2) return null;
  const run = text.slice(line.start, line.end);
  const words: { at: number; end: number }[] = [];
  let cursor = 0;
  for (const it of on) {
    let word = it.str.normalize('NFKC').trim();
    let at = run.indexOf(word, cursor);
    // A hyphen the import cut at the line's end (the word made whole) is in the item, not the text.
    if (at < 0 && word.endsWith('-') && word.length > 1) {
      word = word.slice(0, -1);
      at = run.indexOf(word, cursor);
    }
    if (at < 0 || run.slice(cursor, at).trim()) return null;
    words.push({ at, end: at + word.length });
    cursor = at + word.length;
  }
  if (run.slice(cursor).trim()) return null;
  const out: PageLine[] = [];
  on.forEach((it, i) => {
    const next = on[i + 1];
    const { at, end } = words[i]!;
    const left = i === 0 ? Math.min(x0, it.x) : it.x;
    const right = next ? Math.min(it.x + it.width, next.x) : Math.max(x1, it.x + it.width);
    const wordEnd = next ? end : run.length;
    out.push({ start: line.start + (i === 0 ? 0 : at), end: line.start + wordEnd, box: [left, y0, right, y1] });
    if (next && words[i + 1]!.at > end)
      out.push({ start: line.start + end, end: line.start + words[i + 1]!.at, box: [right, y0, next.x, y1] });
  });
  return out;
}

/** Line boxes in the stored flat form (page, start, end, box × 10), for highlightRects. */
export function flatLines(page: number, lines: readonly PageLine[]): number[] {
  return lines.flatMap((l) => [page, l.start, l.end, ...l.box.map((v) => Math.round(v * 10))]);
}
