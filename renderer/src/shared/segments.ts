// The one span segmenter: cuts a paragraph of the canonical text into runs
// covered by the same set of spans. The reader's highlights (which may overlap
// and cross paragraphs) and the comparison's shared passages both use it.

export interface Paragraph {
  start: number;
  text: string;
}

/** Paragraphs of the canonical text with their offsets: the reader's DOM maps 1:1 onto text positions. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let pos = 0;
  for (const part of text.split('\n\n')) {
    out.push({ start: pos, text: part });
    pos += part.length + 2;
  }
  return out;
}

export interface Range {
  start: number;
  end: number;
}

/** A highlight in the reader. */
export interface Span extends Range {
  id: string;
  color: string;
}

export interface Segment<S extends Range = Span> {
  start: number;
  text: string;
  /** Spans covering this run, outermost (earliest start) first. */
  spans: S[];
}

export function segmentParagraph<S extends Range>(paraStart: number, text: string, spans: readonly S[]): Segment<S>[] {
  const paraEnd = paraStart + text.length;
  const inside = spans.filter((s) => s.end > paraStart && s.start < paraEnd);
  if (inside.length === 0) return [{ start: paraStart, text, spans: [] }];
  const cuts = new Set<number>([paraStart, paraEnd]);
  for (const s of inside) {
    cuts.add(Math.max(paraStart, s.start));
    cuts.add(Math.min(paraEnd, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<S>[] = [];
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
