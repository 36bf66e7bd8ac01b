import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChild } from 'preact';
import type { ArticleDetail, PassageView } from '../../../electron/core/api.js';
import { formatDate } from '../shared/format.js';
import { paragraphs } from '../shared/segments.js';
import { selectionOffsets } from '../passages/dom-offsets.js';
import { colorClass, passageLink } from '../passages/colors.js';
import { StoreContext } from '../state/context.js';
import { crossref, type ComparedArticle, type Comparison } from './crossref-client.js';
import { layoutSide, type Span } from './segments.js';
import './compare.css';

interface Props {
  aId: string;
  bId: string;
  onClose(): void;
}

type Side = 'a' | 'b';

function markId(side: Side, pair: number): string {
  return `compare-${side}-${pair}`;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * Two articles side by side with the passages they share marked. Each mark is
 * a button: it scrolls the other column to its counterpart and moves focus
 * there, so the same can be done from the keyboard.
 */
export function CompareView({ aId, bId, onClose }: Props) {
  const [data, setData] = useState<{ cmp: Comparison; a: ArticleDetail; b: ArticleDetail } | null>(null);
  const [error, setError] = useState('');
  const [active, setActive] = useState<number | null>(null);
  const root = useRef<HTMLElement>(null);
  // Highlighting and citing need the app's store; rendered on its own (tests), the view only compares.
  const actions = useContext(StoreContext)?.actions;
  /** The user's highlights on each side (shown in their colours; shared passages are underlined). */
  const [passages, setPassages] = useState<Record<Side, PassageView[]>>({ a: [], b: [] });
  const [passageTick, setPassageTick] = useState(0);
  useEffect(() => {
    let live = true;
    const api = crossref();
    if (!actions) return;
    Promise.all([api.listPassages({ articleId: aId }), api.listPassages({ articleId: bId })])
      .then(([a, b]) => live && setPassages({ a, b }))
      .catch(() => undefined); // the comparison stands without the highlights
    return () => {
      live = false;
    };
  }, [aId, bId, passageTick]);
  const highlight = (articleId: string, start: number, end: number) =>
    void actions?.call(async (api) => {
      await api.addPassage({ articleId, start, end, color: 'yellow' });
      setPassageTick((t) => t + 1);
      await actions.refreshLibrary();
      actions.success('Highlighted.');
    });

  useEffect(() => {
    let live = true;
    setData(null);
    setError('');
    const api = crossref();
    Promise.all([api.compareArticles(aId, bId), api.getArticle(aId), api.getArticle(bId)])
      .then(([cmp, a, b]) => {
        if (!live) return;
        if (!a || !b) setError('One of the two articles is no longer in the library.');
        else setData({ cmp, a, b });
      })
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [aId, bId]);

  const layouts = useMemo(() => {
    if (!data) return null;
    const spans = (side: Side): Span[] =>
      data.cmp.pairs.map((p, pair) => ({
        pair,
        start: side === 'a' ? p.aStart : p.bStart,
        end: side === 'a' ? p.aEnd : p.bEnd,
        kind: p.kind,
      }));
    return { a: layoutSide(data.a.text, spans('a')), b: layoutSide(data.b.text, spans('b')) };
  }, [data]);

  const jump = (from: Side, pair: number) => {
    if (!layouts) return;
    const to: Side = from === 'a' ? 'b' : 'a';
    const target = layouts[to].drawnFor.get(pair) ?? pair;
    const el = root.current?.querySelector<HTMLElement>(`#${markId(to, target)}`);
    setActive(pair);
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.focus({ preventScroll: true });
    }
  };

  const exact = data ? data.cmp.pairs.filter((p) => p.kind === 'exact').length : 0;
  const near = data ? data.cmp.pairs.length - exact : 0;

  return (
    <section class="compare-view" aria-label="Compare two articles side by side" ref={root}>
      <header class="compare-bar">
        <h2 class="compare-heading">Side by side</h2>
        {data && (
          <p class="compare-summary" aria-live="polite">
            {data.cmp.pairs.length === 0
              ? 'These articles share no passage.'
              : `${data.cmp.pairs.length} shared passage${data.cmp.pairs.length === 1 ? '' : 's'}: ${exact} word for word, ${near} with small edits.`}{' '}
            <span class="compare-legend">
              <mark class="shared shared-exact">word for word</mark> <mark class="shared shared-near">small edits</mark>
            </span>
          </p>
        )}
        <button type="button" class="compare-close" onClick={onClose}>
          Close comparison
        </button>
      </header>
      {error && (
        <p class="compare-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p class="compare-muted">Comparing…</p>}
      {data && layouts && (
        <div class="compare-columns">
          {(['a', 'b'] as const).map((side) => (
            <Column
              key={side}
              side={side}
              meta={data.cmp[side]}
              layout={layouts[side]}
              pairs={data.cmp.pairs}
              active={active}
              onJump={(pair) => jump(side, pair)}
              text={data[side].text}
              passages={passages[side]}
              onHighlight={actions ? (start, end) => highlight(data[side].id, start, end) : undefined}
              onCite={(p) =>
                actions?.insertIntoNote(passageLink(p.id, p.quote.exact, data.cmp[side].source), p.articleId)
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}

interface ColumnProps {
  text: string;
  passages: PassageView[];
  onHighlight?(start: number, end: number): void;
  onCite(p: PassageView): void;
  side: Side;
  meta: ComparedArticle;
  layout: ReturnType<typeof layoutSide>;
  pairs: Comparison['pairs'];
  active: number | null;
  onJump(pair: number): void;
}

/** Text cut where the user's highlights start and end, highlighted parts in their colour. */
function withHighlights(text: string, at: number, hls: PassageView[]): ComponentChild[] {
  const end = at + text.length;
  const inside = hls.filter((p) => p.position.end > at && p.position.start < end);
  if (!inside.length) return [text];
  const cuts = new Set([at, end]);
  for (const p of inside) {
    if (p.position.start > at) cuts.add(p.position.start);
    if (p.position.end < end) cuts.add(p.position.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: ComponentChild[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const piece = text.slice(s - at, points[i + 1]! - at);
    const hl = inside.find((p) => p.position.start <= s && p.position.end > s);
    out.push(hl ? <mark class={`user-hl ${colorClass(hl.color)}`}>{piece}</mark> : piece);
  }
  return out;
}

function Column({ side, meta, layout, pairs, active, onJump, text, passages, onHighlight, onCite }: ColumnProps) {
  const headingId = `compare-title-${side}`;
  const textRoot = useRef<HTMLDivElement>(null);
  const [hint, setHint] = useState('');
  const starts = useMemo(() => paragraphs(text).map((p) => p.start), [text]);
  const live = passages.filter((p) => p.state !== 'orphan');
  const other = side === 'a' ? 'the right-hand article' : 'the left-hand article';
  const activeHere = active === null ? null : (layout.drawnFor.get(active) ?? active);
  return (
    <article class="compare-column" aria-labelledby={headingId}>
      <header class="compare-column-head">
        <h3 id={headingId}>{meta.title || 'Untitled'}</h3>
        <p class="compare-meta">
          {meta.source && <span>{meta.source}</span>}
          {meta.source && meta.published && <span aria-hidden="true"> · </span>}
          {meta.published && <time dateTime={meta.published}>{formatDate(meta.published)}</time>}
        </p>
        {onHighlight && (
          <div class="compare-column-actions">
            <button
              type="button"
              class="small"
              onClick={() => {
                const off = textRoot.current ? selectionOffsets(textRoot.current, window.getSelection()) : null;
                if (!off) return setHint('Select text in this article first.');
                setHint('');
                onHighlight(off.start, off.end);
              }}
            >
              Highlight selection
            </button>
            {live.length > 0 && (
              <details class="compare-highlights">
                <summary>Your highlights ({live.length})</summary>
                <ul>
                  {live.map((p) => (
                    <li key={p.id}>
                      <q>{p.quote.exact.length > 80 ? `${p.quote.exact.slice(0, 79)}…` : p.quote.exact}</q>{' '}
                      <button type="button" class="link-button small" onClick={() => onCite(p)}>
                        Cite in note
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {hint && (
              <span class="muted small" role="status">
                {hint}
              </span>
            )}
          </div>
        )}
      </header>
      <div class="compare-text" ref={textRoot}>
        {layout.paragraphs.map((pieces, i) => {
          let at = starts[i] ?? 0;
          return (
            <p key={i} data-start={starts[i]}>
              {pieces.map((piece, j) => {
                const from = at;
                at += piece.text.length;
                if (!piece.mark) return <>{withHighlights(piece.text, from, live)}</>;
                const pair = pairs[piece.mark.pair]!;
                const kind = piece.mark.kind;
                const label =
                  kind === 'exact'
                    ? `Shared word for word. Show it in ${other}.`
                    : `Shared with small edits (${percent(pair.similarity)} alike). Show it in ${other}.`;
                return (
                  <mark
                    key={j}
                    class={`shared shared-${kind}${activeHere === piece.mark.pair ? ' shared-active' : ''}`}
                  >
                    {/* A span, not a <button>: buttons are atomic boxes and would break the line of text. */}
                    <span
                      role="button"
                      tabIndex={0}
                      class="shared-jump"
                      id={piece.first ? markId(side, piece.mark.pair) : undefined}
                      title={label}
                      aria-describedby={`compare-hint-${kind}`}
                      onClick={() => onJump(piece.mark!.pair)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onJump(piece.mark!.pair);
                        }
                      }}
                    >
                      {withHighlights(piece.text, from, live)}
                    </span>
                  </mark>
                );
              })}
            </p>
          );
        })}
      </div>
      {side === 'a' && (
        <div class="visually-hidden">
          <span id="compare-hint-exact">Shared word for word; activate to show it in the other article.</span>
          <span id="compare-hint-near">Shared with small edits; activate to show it in the other article.</span>
        </div>
      )}
    </article>
  );
}
