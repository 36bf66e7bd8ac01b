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
    const y0 = lines[i + 4]! / 10;
    const y1 = lines[i + 6]! / 10;
    // The pieces of one line (page-text.ts, splitLine) tile it: one box for the run of them it covers.
    const last = out[out.length - 1];
    if (last && last[1] === y0 && last[3] === y1 && Math.abs(last[2] - from) < 0.5) last[2] = to;
    else out.push([from, y0, to, y1]);
  }
  return out;
}
