// Pure layout of one side of a comparison: the article's paragraphs cut into
// plain text and marked shared spans. Spans that overlap an earlier one on
// this side are not drawn twice; they point at the mark that covers them.
import { paragraphs, segmentParagraph } from '../shared/segments.js';

export interface Span {
  /** Index of the pair in Comparison.pairs. */
  pair: number;
  start: number;
  end: number;
  kind: 'exact' | 'near';
}

export type Piece = { text: string; mark?: undefined } | { text: string; mark: Span; first: boolean };

export interface Layout {
  paragraphs: Piece[][];
  /** For each pair, the pair whose mark is drawn for it on this side (itself, or the mark covering it). */
  drawnFor: Map<number, number>;
}

export function layoutSide(text: string, spans: Span[]): Layout {
  const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  const drawn: Span[] = [];
  const drawnFor = new Map<number, number>();
  for (const s of sorted) {
    const last = drawn[drawn.length - 1];
    if (last && s.start < last.end) drawnFor.set(s.pair, last.pair);
    else {
      drawn.push(s);
      drawnFor.set(s.pair, s.pair);
    }
  }
  // Drawn spans never overlap, so each segment carries at most one.
  const out = paragraphs(text).map((p) =>
    segmentParagraph(p.start, p.text, drawn)
      .filter((seg) => seg.text.length > 0)
      .map((seg): Piece => {
        const mark = seg.spans[0];
        return mark ? { text: seg.text, mark, first: seg.start === mark.start } : { text: seg.text };
      }),
  );
  return { paragraphs: out, drawnFor };
}
