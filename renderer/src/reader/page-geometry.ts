// Where a highlight sits on a PDF page, from the line boxes the import stored (ArticlePdf.lines):
// pure, so it is tested without PDF.js or a canvas.

/** A highlight's rectangles on one page, in PDF user space: the parts of each line it covers. */
export function highlightRects(
  lines: readonly number[],
  page: number,
  start: number,
  end: number,
): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i + 6 < lines.length; i += 7) {
    if (lines[i] !== page) continue;
    const ls = lines[i + 1]!;
    const le = lines[i + 2]!;
    if (le <= start || ls >= end || le <= ls) continue;
    const x0 = lines[i + 3]! / 10;
    const x1 = lines[i + 5]! / 10;
    // Characters are taken as evenly wide across the line: close enough to mark the words.
    const from = x0 + ((x1 - x0) * (Math.max(start, ls) - ls)) / (le - ls);
    const to = x0 + ((x1 - x0) * (Math.min(end, le) - ls)) / (le - ls);
    out.push([from, lines[i + 4]! / 10, to, lines[i + 6]! / 10]);
  }
  return out;
}
