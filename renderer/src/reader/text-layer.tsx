// The transparent, selectable text laid over a drawn PDF page (as PDF.js's own text layer is), built
// from the canonical text and the line boxes stored at import rather than from PDF.js's text items:
// every run is a [data-start] element whose text is exactly its slice of the article text, so the
// reader's selection → offsets mapping (passages/dom-offsets.ts) works on the pages unchanged.
//
// The runs are made with DOM calls, not by Preact: like PDF.js, the layer moves an "end of content"
// element among them while the user drags (see below), which a virtual DOM would fight over.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
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
  const ref = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement | null>(null);

  useLayoutEffect(() => {
    const layer = ref.current;
    if (!layer) return;
    const runs = lines.map((l) => {
      const run = text.slice(l.start, l.end);
      const at = layoutLine(toViewport(l.box), (size) => measure(run, size));
      const span = document.createElement('span');
      span.dataset.start = String(l.start);
      span.textContent = run;
      Object.assign(span.style, {
        left: `${at.left}px`,
        top: `${at.top}px`,
        height: `${at.height}px`,
        lineHeight: `${at.height}px`,
        fontSize: `${at.fontSize}px`,
        transform: `scaleX(${at.scaleX})`,
      });
      return span;
    });
    const endOfContent = document.createElement('div');
    endOfContent.className = 'pdf-text-end';
    end.current = endOfContent;
    layer.replaceChildren(...runs, endOfContent);
  }, [text, lines, toViewport, measure]);

  // A drag over blank paper (the gutter, a margin, between lines) would otherwise select to the end
  // of the page: while dragging, the end-of-content element covers the page's blank paper, placed
  // just after the run the selection ends in, so the selection stays where the text last was (PDF.js
  // does the same). On the other pages it sits at the side facing the selection: a drag onto the
  // top margin of the next page selects to that page's start, not its end.
  useEffect(() => {
    const layer = ref.current;
    if (!layer) return;
    const onDown = (e: MouseEvent) => {
      if (e.button === 0 && (e.target as Element | null)?.closest?.('.page-view')) layer.classList.add('selecting');
    };
    const onUp = () => layer.classList.remove('selecting');
    const onChange = () => {
      const endEl = end.current;
      if (!endEl) return;
      const sel = window.getSelection();
      const focus = sel && sel.rangeCount > 0 ? sel.focusNode : null;
      if (!sel || !focus) {
        if (layer.lastChild !== endEl) layer.append(endEl);
        return;
      }
      const run = focus.nodeType === Node.TEXT_NODE ? focus.parentElement : null;
      if (run?.parentElement === layer) {
        const range = sel.getRangeAt(0);
        const backward = range.startContainer === focus && range.startOffset === sel.focusOffset;
        layer.insertBefore(endEl, backward ? run : run.nextSibling);
      } else if (layer.contains(focus)) {
        // Already on the end element or the layer itself: where it is holds the selection's end.
      } else if (focus.compareDocumentPosition(layer) & Node.DOCUMENT_POSITION_FOLLOWING) {
        if (layer.firstChild !== endEl) layer.prepend(endEl);
      } else if (layer.lastChild !== endEl) layer.append(endEl);
    };
    document.addEventListener('mousedown', onDown);
    window.addEventListener('mouseup', onUp);
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('mouseup', onUp);
      document.removeEventListener('selectionchange', onChange);
    };
  }, []);

  return <div class="pdf-text-layer" ref={ref} />;
}
