// Find in article (Ctrl/Cmd+F): matches in the reader's text are marked with the CSS Custom
// Highlight API (no change to the reader's DOM, so passage offsets stay exact); Enter and
// Shift+Enter move between them, Escape closes. The same in the desktop app and the browser.
import { useEffect, useRef, useState } from 'preact/hooks';

const MAX_MATCHES = 5000;

/** Ranges of every case-insensitive occurrence of `query` in the text nodes under `root`. */
export function findRanges(root: Node, query: string): Range[] {
  const q = query.toLocaleLowerCase();
  if (!q) return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && ranges.length < MAX_MATCHES; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').toLocaleLowerCase();
    for (let i = text.indexOf(q); i !== -1 && ranges.length < MAX_MATCHES; i = text.indexOf(q, i + q.length)) {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + q.length);
      ranges.push(r);
    }
  }
  return ranges;
}

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
const highlights = (): HighlightRegistry | undefined =>
  (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
const Highlight = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;

export function FindBar({ onClose }: { onClose(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [ranges, setRanges] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
    return () => {
      highlights()?.delete('scholia-find');
      highlights()?.delete('scholia-find-current');
    };
  }, []);

  useEffect(() => {
    const root = document.querySelector('.reader-article');
    const found = root ? findRanges(root, query) : [];
    setRanges(found);
    setCurrent(0);
  }, [query]);

  useEffect(() => {
    const reg = highlights();
    if (reg && Highlight) {
      reg.set('scholia-find', new Highlight(...ranges));
      reg.set('scholia-find-current', new Highlight(...(ranges[current] ? [ranges[current]!] : [])));
    }
    const r = ranges[current];
    (r?.startContainer.parentElement ?? null)?.scrollIntoView({
      block: 'center',
      behavior: 'instant' as ScrollBehavior,
    });
  }, [ranges, current]);

  const step = (d: number) => ranges.length && setCurrent((c) => (c + d + ranges.length) % ranges.length);
  return (
    <div class="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <span class="find-count" role="status" aria-live="polite">
        {query ? (ranges.length ? `${current + 1} of ${ranges.length}` : 'No matches') : ''}
      </span>
      <button type="button" aria-label="Previous match" disabled={!ranges.length} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={!ranges.length} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
