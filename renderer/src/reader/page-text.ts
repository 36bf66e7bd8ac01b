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
