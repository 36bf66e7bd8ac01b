// Splits a paragraph into runs of text covered by the same set of highlights,
// so overlapping highlights and highlights across paragraphs render in place.
export interface Span {
  id: string;
  start: number;
  end: number;
  color: string;
}

export interface Segment {
  start: number;
  text: string;
  /** Highlights covering this run, outermost (earliest start) first. */
  spans: Span[];
}

export function segmentParagraph(paraStart: number, text: string, spans: Span[]): Segment[] {
  const paraEnd = paraStart + text.length;
  const inside = spans.filter((s) => s.end > paraStart && s.start < paraEnd);
  if (inside.length === 0) return [{ start: paraStart, text, spans: [] }];
  const cuts = new Set<number>([paraStart, paraEnd]);
  for (const s of inside) {
    cuts.add(Math.max(paraStart, s.start));
    cuts.add(Math.min(paraEnd, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (b <= a) continue;
    const covering = inside
      .filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => x.start - y.start || y.end - x.end);
    out.push({ start: a, text: text.slice(a - paraStart, b - paraStart), spans: covering });
  }
  return out;
}
