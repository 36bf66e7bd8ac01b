// The page view of a PDF article: its original pages drawn by PDF.js (worker bundled by Vite,
// served from the app's own origin; no eval, nothing from the network: the bytes come through
// the contract), with the user's highlights drawn over them from the line boxes the import
// stored. Pages render as they scroll into view, so a 500-page report opens at once.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleDetail, PassageView } from '../../../electron/core/api.js';
import { colorClass } from '../passages/colors.js';
import { highlightRects } from './page-geometry.js';
import { useApi } from '../state/context.js';
import './page-view.css';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

type Doc = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

// One PDF.js worker for the session, started as a PDF article opens: a worker per document loaded
// PDF.js's worker code again at every switch to the pages, before page 1 could be drawn.
let worker: pdfjs.PDFWorker | null = null;
export function warmPageView(): pdfjs.PDFWorker {
  if (!worker || worker.destroyed) worker = new pdfjs.PDFWorker();
  return worker;
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

interface PageProps {
  doc: Doc;
  index: number;
  width: number;
  label: string;
  lines: readonly number[];
  passages: PassageView[];
  onOpenPassage(id: string): void;
}

function Page({ doc, index, width, label, lines, passages, onOpenPassage }: PageProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<{ w: number; h: number; scale: number } | null>(null);
  const [visible, setVisible] = useState(index < 2);
  const [viewport, setViewport] = useState<ReturnType<Awaited<ReturnType<Doc['getPage']>>['getViewport']> | null>(null);

  useEffect(() => {
    // Asked for near the view only: on open, asking for all of a 500-page PDF's pages queued page 1's render behind them.
    if (!visible) return;
    let live = true;
    void doc.getPage(index + 1).then((page) => {
      if (!live) return;
      const base = page.getViewport({ scale: 1 });
      const scale = width / base.width;
      setSize({ w: width, h: base.height * scale, scale });
      setViewport(page.getViewport({ scale }));
    });
    return () => {
      live = false;
    };
  }, [doc, index, width, visible]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), {
      rootMargin: '600px 0px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || !size || !canvas.current) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let live = true;
    void doc.getPage(index + 1).then((page) => {
      if (!live || !canvas.current) return;
      const ratio = window.devicePixelRatio || 1;
      const vp = page.getViewport({ scale: size.scale * ratio });
      const c = canvas.current;
      c.width = Math.floor(vp.width);
      c.height = Math.floor(vp.height);
      task = page.render({ canvas: c, viewport: vp });
      task.promise.then(
        () => box.current?.setAttribute('data-painted', 'true'),
        () => undefined,
      );
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, index, size, visible]);

  const marks = viewport
    ? passages.flatMap((p) =>
        p.state === 'orphan'
          ? []
          : highlightRects(lines, index, p.position.start, p.position.end).map((r, k) => {
              const [xa, ya, xb, yb] = viewport.convertToViewportRectangle(r);
              return (
                <button
                  type="button"
                  key={`${p.id}-${k}`}
                  class={`page-hl ${colorClass(p.color)}`}
                  data-passage-ids={p.id}
                  title={p.quote.exact.slice(0, 200)}
                  aria-label={`Highlight: ${p.quote.exact.slice(0, 80)}`}
                  tabIndex={k === 0 ? 0 : -1}
                  onClick={() => onOpenPassage(p.id)}
                  style={{
                    left: `${Math.min(xa, xb)}px`,
                    top: `${Math.min(ya, yb)}px`,
                    width: `${Math.abs(xb - xa)}px`,
                    height: `${Math.abs(yb - ya)}px`,
                  }}
                />
              );
            }),
      )
    : [];

  return (
    <div
      ref={box}
      class="pdf-page"
      data-page={index + 1}
      style={
        size ? { width: `${size.w}px`, height: `${size.h}px` } : { width: `${width}px`, height: `${width * 1.41}px` }
      }
    >
      <canvas ref={canvas} role="img" aria-label={`Page ${label}`} style={{ width: '100%', height: '100%' }} />
      {marks}
      <span class="pdf-page-label" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}

interface Props {
  article: ArticleDetail;
  passages: PassageView[];
  /** The page (1-based) to show first: where the text view was. */
  initialPage: number;
  /** The page at the top of the view as the user scrolls (to return to the text there). */
  onPage(page: number): void;
  onOpenPassage(id: string): void;
}

export function PageView({ article, passages, initialPage, onPage, onOpenPassage }: Props) {
  const api = useApi();
  const wrap = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ doc: Doc; lines: number[] } | { error: string } | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    let live = true;
    let loaded: Doc | null = null;
    setState(null);
    void (async () => {
      try {
        const pdf = await api.getArticlePdf(article.id);
        if (!pdf) throw new Error('This article has no PDF stored with it.');
        const doc = await pdfjs.getDocument({
          data: fromBase64(pdf.dataBase64),
          worker: warmPageView(),
          isEvalSupported: false,
          enableXfa: false,
          disableAutoFetch: true,
          disableStream: true,
        }).promise;
        loaded = doc;
        if (live) setState({ doc, lines: pdf.lines });
        else void doc.destroy();
      } catch (err) {
        if (live) setState({ error: (err as Error).message });
      }
    })();
    return () => {
      live = false;
      void loaded?.destroy();
    };
  }, [api, article.id]);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    // The pane's width, not the article's: the article itself widens as the page view opens.
    const pane = el.closest<HTMLElement>('#reader') ?? el;
    const measure = () => setWidth(Math.max(200, Math.min(1000, pane.clientWidth - 64)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(pane);
    return () => ro.disconnect();
  }, []);

  // Open at the page the text view was on, and keep the page at the top in place when the pages
  // change size (the pane is resized, the view first takes the pane's width).
  const here = useRef(initialPage);
  // Scroll events before the first placement (the pane clamping its scroll as the text leaves) say nothing.
  const placed = useRef(false);
  useEffect(() => {
    if (!state || 'error' in state || !width) return;
    const target = wrap.current?.querySelector<HTMLElement>(`.pdf-page[data-page="${here.current}"]`);
    if (!target) return;
    requestAnimationFrame(() => {
      target.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
      placed.current = true;
    });
  }, [state, width]);

  // The reader pane scrolls (the pages flow in it like the text): the page at its top is "here".
  const onPageRef = useRef(onPage);
  onPageRef.current = onPage;
  useEffect(() => {
    const el = wrap.current;
    const scroller = el?.closest<HTMLElement>('#reader');
    if (!el || !scroller) return;
    const onScroll = () => {
      if (!placed.current) return;
      const top = scroller.getBoundingClientRect().top;
      for (const p of el.querySelectorAll<HTMLElement>('.pdf-page')) {
        if (p.getBoundingClientRect().bottom > top + 40) {
          here.current = Number(p.dataset.page);
          onPageRef.current(here.current);
          return;
        }
      }
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, []);

  const labels = (article.pages ?? []).map((p, i) => p.label || String(i + 1));
  return (
    <div class="page-view" ref={wrap} role="region" aria-label="Pages of the PDF">
      {state === null && <p class="muted">Opening the pages…</p>}
      {state && 'error' in state && (
        <p class="banner error" role="alert">
          The pages could not be shown: {state.error}
        </p>
      )}
      {state &&
        !('error' in state) &&
        width > 0 &&
        Array.from({ length: state.doc.numPages }, (_, i) => (
          <Page
            key={i}
            doc={state.doc}
            index={i}
            width={width}
            label={labels[i] ?? String(i + 1)}
            lines={state.lines}
            passages={passages}
            onOpenPassage={onOpenPassage}
          />
        ))}
    </div>
  );
}
