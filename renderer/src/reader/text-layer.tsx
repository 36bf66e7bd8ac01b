// The transparent, selectable text laid over a drawn PDF page (as PDF.js's own text layer is), built
// from the canonical text and the line boxes stored at import rather than from PDF.js's text items:
// every run is a [data-start] element whose text is exactly its slice of the article text, so the
// reader's selection → offsets mapping (passages/dom-offsets.ts) works on the pages unchanged.
import { layoutLine, type PageLine } from './page-text.js';

let ctx: CanvasRenderingContext2D | null | undefined;
/** The run's width in the layer's font (sans-serif, as page-view.css sets it). */
function measureRun(text: string, fontSize: number): number {
  if (ctx === undefined) ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return 0;
  ctx.font = `${fontSize}px sans-serif`;
  return ctx.measureText(text).width;
}

interface Props {
  text: string;
  lines: readonly PageLine[];
  /** A box in PDF user space → two corners in the page's CSS pixels (PDF.js's viewport). */
  toViewport(box: [number, number, number, number]): number[];
  measure?: (text: string, fontSize: number) => number;
}

export function TextLayer({ text, lines, toViewport, measure = measureRun }: Props) {
  return (
    <div class="pdf-text-layer">
      {lines.map((l) => {
        const run = text.slice(l.start, l.end);
        const at = layoutLine(toViewport(l.box), (size) => measure(run, size));
        return (
          <span
            key={l.start}
            data-start={l.start}
            style={{
              left: `${at.left}px`,
              top: `${at.top}px`,
              height: `${at.height}px`,
              lineHeight: `${at.height}px`,
              fontSize: `${at.fontSize}px`,
              transform: `scaleX(${at.scaleX})`,
            }}
          >
            {run}
          </span>
        );
      })}
    </div>
  );
}
