// Pure layout of one side of a comparison: the article's paragraphs cut into
// plain text and marked shared spans. Spans that overlap an earlier one on
// this side are not drawn twice; they point at the mark that covers them.

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
  const paragraphs: Piece[][] = [];
  let offset = 0;
  let k = 0;
  for (const para of text.split('\n\n')) {
    const pStart = offset;
    const pEnd = offset + para.length;
    const pieces: Piece[] = [];
    let at = pStart;
    while (k < drawn.length && drawn[k]!.end <= pStart) k++;
    for (let j = k; j < drawn.length && drawn[j]!.start < pEnd; j++) {
      const s = drawn[j]!;
      const from = Math.max(s.start, pStart);
      const to = Math.min(s.end, pEnd);
      if (from > at) pieces.push({ text: text.slice(at, from) });
      if (to > from) pieces.push({ text: text.slice(from, to), mark: s, first: from === s.start });
      at = Math.max(at, to);
    }
    if (pEnd > at) pieces.push({ text: text.slice(at, pEnd) });
    paragraphs.push(pieces);
    offset = pEnd + 2;
  }
  return { paragraphs, drawnFor };
}
