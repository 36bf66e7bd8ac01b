// The page view of a PDF article: its original pages drawn by PDF.js (worker bundled by Vite,
// served from the app's own origin; no eval, nothing from the network: the bytes come through
// the contract), with the user's highlights drawn over them from the line boxes the import
// stored. Pages render as they scroll into view, so a 500-page report opens at once. Over each page
// lies its text (text-layer.tsx), selectable by mouse or keyboard: the reader offers the same
// highlight toolbar for it as for the text view, so passages made on the pages are the same passages.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { Ref } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleDetail, PassageView, ScholiaApi } from '../../../electron/core/api.js';
import { colorClass } from '../passages/colors.js';
import { highlightRects } from './page-geometry.js';
import { flatLines, highlightAt, pageLines, splitLine, type PageItem } from './page-text.js';
import { TextLayer } from './text-layer.js';
import { caretBox, moveCaret, placeCaret } from './caret.js';
import { useApi } from '../state/context.js';
import './page-view.css';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const NO_LINES: number[] = [];

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

interface PdfData {
  bytes: Uint8Array;
  lines: number[];
}

// The open PDF article's file and line boxes, asked for as the article opens (as PDF readers load the
// document with it), so switching to the pages draws page 1 without first fetching and decoding a file
// of megabytes. One article at a time; asked again when its text changed (the line boxes follow it).
let prefetched: { articleId: string; text: string; data: Promise<PdfData | null> } | null = null;

function loadPdfData(api: Pick<ScholiaApi, 'getArticlePdf'>, articleId: string, text: string): Promise<PdfData | null> {
  if (prefetched && prefetched.articleId === articleId && prefetched.text === text) return prefetched.data;
  const data = api
    .getArticlePdf(articleId)
    .then((pdf) => (pdf ? { bytes: fromBase64(pdf.dataBase64), lines: pdf.lines } : null));
  prefetched = { articleId, text, data };
  // A failure is reported by the page view when it asks; it is not kept for the next time.
  data.catch(() => {
    if (prefetched?.data === data) prefetched = null;
  });
  return data;
}

/** Starts loading a PDF article's pages as it opens (see loadPdfData); the page view then uses them. */
export function prefetchPageView(api: Pick<ScholiaApi, 'getArticlePdf'>, articleId: string, text: string): void {
  warmPageView();
  void loadPdfData(api, articleId, text).catch(() => undefined);
}

interface PageProps {
  doc: Doc;
  index: number;
  width: number;
  label: string;
  lines: readonly number[];
  /** The article's canonical text, which the page's text layer shows slices of. */
  text: string;
  passages: PassageView[];
  onOpenPassage(id: string): void;
}

function Page({ doc, index, width, label, lines, text, passages, onOpenPassage }: PageProps) {
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

  const ownLines = useMemo(() => pageLines(lines, index), [lines, index]);
  // Where PDF.js says the page's words begin: justified lines are cut there (page-text.ts, splitLine),
  // so the text layer and the highlights follow the print word by word rather than evenly.
  const [items, setItems] = useState<PageItem[] | null>(null);
  useEffect(() => {
    if (!visible) return;
    let live = true;
    void doc
      .getPage(index + 1)
      .then((page) => page.getTextContent())
      .then(
        (content) =>
          live &&
          setItems(
            content.items.flatMap((it) =>
              'str' in it
                ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width }]
                : [],
            ),
          ),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [doc, index, visible]);
  const runs = useMemo(
    () => (items ? ownLines.flatMap((l) => splitLine(text, l, items) ?? [l]) : ownLines),
    [ownLines, items, text],
  );
  const runBoxes = useMemo(() => flatLines(index, runs), [index, runs]);
  // Stable while the page keeps its size: the text layer is laid again only when it changes.
  const toViewport = useCallback(
    (b: [number, number, number, number]) => viewport?.convertToViewportRectangle(b) ?? b,
    [viewport],
  );
  const marks = viewport
    ? passages.flatMap((p) =>
        p.state === 'orphan'
          ? []
          : highlightRects(runBoxes, index, p.position.start, p.position.end).map((r, k) => {
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
      {viewport && visible && runs.length > 0 && <TextLayer text={text} lines={runs} toViewport={toViewport} />}
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
  /** The pages' element, which holds the selectable text (the reader reads selections in it). */
  rootRef?: Ref<HTMLDivElement> & { current: HTMLDivElement | null };
  /** A mouse selection begins: the reader settles it on mouseup, as in the text view. */
  onSelectStart?(): void;
}

export function PageView({ article, passages, initialPage, onPage, onOpenPassage, rootRef, onSelectStart }: Props) {
  const api = useApi();
  const ownRef = useRef<HTMLDivElement>(null);
  const wrap = rootRef ?? ownRef;
  const [caret, setCaret] = useState<{ left: number; top: number; height: number } | null>(null);
  /** The document, and its line boxes with the text they were stored for (they change with it). */
  const [state, setState] = useState<{ doc: Doc; lines: number[]; text: string } | { error: string } | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    let live = true;
    let loaded: Doc | null = null;
    setState(null);
    void (async () => {
      try {
        const pdf = await loadPdfData(api, article.id, article.text);
        if (!pdf) throw new Error('This article has no PDF stored with it.');
        const doc = await pdfjs.getDocument({
          // A copy: PDF.js hands the bytes over to its worker, and the kept ones serve the next switch.
          data: pdf.bytes.slice(),
          worker: warmPageView(),
          isEvalSupported: false,
          enableXfa: false,
          disableAutoFetch: true,
          disableStream: true,
        }).promise;
        loaded = doc;
        if (live) setState({ doc, lines: pdf.lines, text: article.text });
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

  // Edit text and Restore to text move the lines' ranges (the core carries them): fetch them again,
  // and until they are here lay no text and draw no highlight on the pages rather than wrong ones.
  const current = state && !('error' in state) && state.text === article.text ? state : null;
  useEffect(() => {
    if (!state || 'error' in state || state.text === article.text) return;
    let live = true;
    const text = article.text;
    void api.getArticlePdf(article.id).then((pdf) => {
      if (live && pdf) setState((s) => (s && !('error' in s) ? { ...s, lines: pdf.lines, text } : s));
    });
    return () => {
      live = false;
    };
  }, [api, article.id, article.text, state]);

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

  // The keyboard path, as in the text view (caret.ts): focus the pages, move a caret with the arrow
  // keys, extend the selection with Shift, then Tab to the highlight toolbar.
  useEffect(() => {
    const onChange = () => {
      const root = wrap.current;
      setCaret(root && document.activeElement === root ? caretBox(root) : null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    const root = wrap.current;
    if (!root || e.target !== root) return;
    if (e.key === 'Tab' && !e.shiftKey) {
      const first = document.querySelector<HTMLElement>('.popover button, .popover input');
      if (first && !window.getSelection()?.isCollapsed) {
        e.preventDefault();
        first.focus();
      }
      return;
    }
    if (moveCaret(root, e)) e.preventDefault();
  };
  // The highlights lie under the text (so a drag can start on a highlighted word): a click that
  // selects nothing opens the highlight under the pointer.
  const onClick = (e: MouseEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('.page-hl')) return; // the highlight's own button (Enter, Space) opened it
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const page = target.closest<HTMLElement>('.pdf-page');
    if (!page) return;
    const boxes = [...page.querySelectorAll<HTMLElement>('.page-hl[data-passage-ids]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.dataset.passageIds!, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    const id = highlightAt(boxes, e.clientX, e.clientY);
    if (id) onOpenPassage(id);
  };

  const labels = (article.pages ?? []).map((p, i) => p.label || String(i + 1));
  return (
    <div
      class="page-view"
      ref={wrap}
      role="region"
      aria-label="Pages of the PDF"
      aria-describedby="reader-keys"
      tabIndex={0}
      onMouseDown={(e) => {
        if (e.button === 0) onSelectStart?.();
      }}
      onFocus={(e) => {
        const root = wrap.current;
        if (!root || e.target !== root) return;
        placeCaret(root);
        setCaret(caretBox(root));
      }}
      onBlur={() => setCaret(null)}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
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
            lines={current ? current.lines : NO_LINES}
            text={article.text}
            passages={passages}
            onOpenPassage={onOpenPassage}
          />
        ))}
      {caret && (
        <span
          class="reader-caret"
          aria-hidden="true"
          style={{ left: `${caret.left}px`, top: `${caret.top}px`, height: `${caret.height}px` }}
        />
      )}
    </div>
  );
}
