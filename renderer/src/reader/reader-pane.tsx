import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReanchorReport } from '../../../electron/core/api.js';
import { formatDate, plural } from '../shared/format.js';
import { MetadataDialog } from './metadata-dialog.js';
import { ArticleVersions } from '../versions/article-versions.js';
import { TagChips } from '../tags/tag-chips.js';
import { SharedSources } from '../compare/shared-sources.js';
import { EditTextDialog } from './edit-text-dialog.js';
import { colorClass, passageLink } from '../passages/colors.js';
import { elementAtOffset, selectionOffsets } from '../passages/dom-offsets.js';
import { PassageCard } from '../passages/passage-card.js';
import type { Segment, Span } from '../shared/segments.js';
import { SelectionPopover, type PopoverAction } from '../passages/selection-popover.js';
import { useActions, useApi, useAppState, useCommand } from '../state/context.js';
import { caretBox, moveCaret, placeCaret } from './caret.js';
import { FindBar } from './find-bar.js';
import { findAll, findTerms } from './find.js';
import './reader.css';

/** What the reader marks in its text: highlights, find-in-article matches, the words a search matched. */
type ReaderSpan =
  | (Span & { kind: 'hl' })
  | { kind: 'find'; start: number; end: number; index: number }
  | { kind: 'term'; start: number; end: number };

/** The highlights list opens by itself only while it is short; longer, it waits to be asked for. */
const LIST_OPEN_UP_TO = 3;
import { ArticleBody } from './article-body.js';
import { PageView, prefetchPageView } from './page-view.js';

/** Said where a PDF's text would be when it has none (the core says the same at import). */
const NO_TEXT =
  'No text could be extracted from this PDF (it looks scanned: its pages are pictures). Its pages are shown in the page view; searching will not find its words.';

/** Where the highlights went after the text changed, e.g. "Highlights: 3 unchanged, 1 moved, …". */
export function describeReport(r: ReanchorReport): string {
  const parts = [
    `${r.unchanged} unchanged`,
    `${r.moved} moved`,
    `${r.fuzzy} found approximately`,
    `${r.orphaned} orphaned`,
  ];
  return `Highlights: ${parts.join(', ')}.`;
}

export function ReaderPane() {
  const actions = useActions();
  const { call, info: onInfo } = actions;
  const article = useAppState((s) => s.article);
  const loaded = useAppState((s) => s.passages);
  const focus = useAppState((s) => s.readerFocus);
  const [showRemoved, setShowRemoved] = useState(false);
  const [editingMeta, setEditingMeta] = useState(false);
  const [editingText, setEditingText] = useState(false);
  // The popover and the card belong to the article they were opened on: shown only while it is the one
  // on screen, so nothing has to reset them when the article changes (a reset run late, after the user
  // had already selected text in the new article, used to close the new popover).
  const [popoverState, setPopover] = useState<{
    articleId: string;
    x: number;
    y: number;
    start: number;
    end: number;
  } | null>(null);
  /** The passage card: below its highlight when there is room, else above it (never over it). */
  const [cardState, setCard] = useState<{
    articleId: string;
    id: string;
    x: number;
    top?: number;
    bottom?: number;
    maxHeight: number;
  } | null>(null);
  const [reattachState, setReattach] = useState<{ articleId: string; id: string } | null>(null);
  /** The user's choice to show or hide the highlights list (null: by its length). */
  const [listOpen, setListOpen] = useState<boolean | null>(null);
  const [find, setFind] = useState<{ query: string; current: number; nonce: number } | null>(null);
  const [caret, setCaret] = useState<{ left: number; top: number; height: number } | null>(null);
  /** A PDF article's view: its extracted text or its original pages, and the page the user is on. */
  const [viewState, setViewState] = useState<{ articleId: string; view: 'text' | 'pages'; page: number } | null>(null);
  /** The page the text view should open at after a switch back from the page view. */
  const textAtPage = useRef<number | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  /** The page view's pages, whose text layer is selectable like the text view's text. */
  const pagesRef = useRef<HTMLDivElement>(null);
  /** The highlight a keyboard-opened card returns focus to. */
  const cardReturn = useRef<HTMLElement | null>(null);
  const mouseDown = useRef(false);
  const articleId = article?.id;
  const articleIdRef = useRef(articleId);
  articleIdRef.current = articleId;
  const popover = popoverState && popoverState.articleId === articleId ? popoverState : null;
  const card = cardState && cardState.articleId === articleId ? cardState : null;
  const reattachId = reattachState && reattachState.articleId === articleId ? reattachState.id : null;
  const setReattachId = (id: string | null) => setReattach(id && articleId ? { articleId, id } : null);
  // Passages may arrive before their article: show only the shown article's.
  const passages = useMemo(() => loaded.filter((p) => p.articleId === articleId), [loaded, articleId]);

  // Jump to a passage: scroll it into view and flash it.
  useEffect(() => {
    if (!focus || !textRef.current) return;
    if (focus.offset !== undefined) {
      const target = elementAtOffset(textRef.current, focus.offset);
      if (!target) return;
      target.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      target.classList.add('flash');
      const t = setTimeout(() => target.classList.remove('flash'), 2200);
      return () => clearTimeout(t);
    }
    if (!focus.passageId) return;
    const mark = textRef.current.querySelector<HTMLElement>(
      `mark[data-passage-ids~="${CSS.escape(focus.passageId!)}"]`,
    );
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    const marks = textRef.current.querySelectorAll<HTMLElement>(
      `mark[data-passage-ids~="${CSS.escape(focus.passageId!)}"]`,
    );
    marks.forEach((m) => m.classList.add('flash'));
    const t = setTimeout(() => marks.forEach((m) => m.classList.remove('flash')), 2200);
    return () => clearTimeout(t);
  }, [focus, passages]);

  const orphans = passages.filter((p) => p.state === 'orphan');
  const isPdf = article?.format === 'pdf' && Boolean(article.pages?.length);
  const noText = isPdf && !article!.text.trim();
  const api = useApi();
  const pdfText = isPdf ? article!.text : null;
  useEffect(() => {
    if (articleId && pdfText !== null) prefetchPageView(api, articleId, pdfText);
  }, [api, articleId, pdfText]);
  const ownView = viewState && viewState.articleId === articleId ? viewState : null;
  const view = ownView ? ownView.view : noText ? 'pages' : 'text';
  const viewPage = ownView ? ownView.page : 1;

  // A search match or a passage opened while this article shows its pages: go to its page.
  useEffect(() => {
    if (!focus || view !== 'pages') return;
    if (focus.articleId && focus.articleId !== articleId) return;
    const page = focus.page ?? passages.find((p) => p.id === focus.passageId)?.pages?.first.index;
    if (!page) return;
    const target = textRef.current?.closest('#reader')?.querySelector<HTMLElement>(`.pdf-page[data-page="${page}"]`);
    if (target) target.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
    else if (articleId) setViewState({ articleId, view: 'pages', page });
  }, [focus, view]);

  /** The page at the top of the text view: the last page marker at or above the pane's top. */
  const pageAtTop = (): number => {
    const root = textRef.current;
    const scroller = root?.closest<HTMLElement>('#reader');
    if (!root || !scroller) return 1;
    const top = scroller.getBoundingClientRect().top;
    let page = 1;
    for (const m of root.querySelectorAll<HTMLElement>('.page-marker')) {
      if (m.getBoundingClientRect().top > top + 60) break;
      page = Number(m.dataset.page) || page;
    }
    return page;
  };
  const switchView = (next: 'text' | 'pages') => {
    if (!articleId || next === view) return;
    const page = view === 'text' ? pageAtTop() : viewPage;
    if (next === 'text') textAtPage.current = page;
    setPopover(null);
    setCard(null);
    setViewState({ articleId, view: next, page });
  };
  // Back in the text view: open it where the page view was (the marker of that page, or the one before).
  useEffect(() => {
    const page = textAtPage.current;
    if (view !== 'text' || page === null || !textRef.current) return;
    textAtPage.current = null;
    const markers = [...textRef.current.querySelectorAll<HTMLElement>('.page-marker')];
    const target = markers.filter((m) => Number(m.dataset.page) <= page).pop();
    target?.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  }, [view, article]);

  const changed = () => void actions.passagesChanged();

  /**
   * The selection popover follows the selection, however it was made: a mouse drag (on mouseup), the
   * keyboard or caret browsing (on selectionchange). It stays while the user works inside it.
   */
  const followSelection = () => {
    const root = view === 'pages' ? pagesRef.current : textRef.current;
    const id = articleIdRef.current;
    if (!root || !id) return;
    const sel = window.getSelection();
    const offsets = selectionOffsets(root, sel);
    if (offsets && sel) {
      const rect = sel.getRangeAt(0).getBoundingClientRect();
      setCard(null);
      setPopover({
        articleId: id,
        ...offsets,
        x: Math.max(8, Math.min(window.innerWidth - 420, rect.left + rect.width / 2 - 180)),
        y: Math.max(8, rect.top - 48),
      });
      return;
    }
    if (document.activeElement?.closest('.popover')) return;
    setPopover(null);
  };
  const followRef = useRef(followSelection);
  followRef.current = followSelection;
  useEffect(() => {
    const onChange = () => {
      const root = textRef.current;
      setCaret(root && document.activeElement === root ? caretBox(root) : null);
      // A drag in progress is settled on mouseup.
      if (!mouseDown.current) followRef.current();
    };
    const onUp = () => {
      if (!mouseDown.current) return;
      mouseDown.current = false;
      followRef.current();
    };
    document.addEventListener('selectionchange', onChange);
    window.addEventListener('mouseup', onUp);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      window.removeEventListener('mouseup', onUp);
    };
  }, []);

  const openCard = (mark: HTMLElement, fromKeyboard: boolean) => {
    if (!articleId) return;
    const ids = mark.dataset.passageIds!.split(' ');
    const rect = mark.getBoundingClientRect();
    setPopover(null);
    cardReturn.current = fromKeyboard ? mark : null;
    const h = window.innerHeight;
    const below = h - rect.bottom - 16;
    const above = rect.top - 16;
    const x = Math.max(8, Math.min(window.innerWidth - 380, rect.left));
    const want = Math.min(420, h * 0.6);
    const id = ids[ids.length - 1]!;
    setCard(
      below >= Math.min(want, 320) || below >= above
        ? { articleId, id, x, top: rect.bottom + 8, maxHeight: Math.min(want, below) }
        : { articleId, id, x, bottom: h - rect.top + 8, maxHeight: Math.min(want, above) },
    );
  };
  const closeCard = () => {
    setCard(null);
    const back = cardReturn.current;
    cardReturn.current = null;
    if (back?.isConnected) back.focus();
  };
  // A card opened from the keyboard takes the focus, so Tab reaches its actions next.
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (card && cardReturn.current) cardRef.current?.focus();
  }, [card?.id]);

  const onTextClick = (e: MouseEvent) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark[data-passage-ids]');
    if (!mark) return setCard(null);
    openCard(mark, false);
  };

  const onTextKeyDown = (e: KeyboardEvent) => {
    const root = textRef.current;
    if (!root) return;
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark[data-passage-ids]');
    if (mark && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      openCard(mark, true);
      return;
    }
    if (e.target !== root) return;
    // From the text, Tab goes to the selection's toolbar first.
    if (e.key === 'Tab' && !e.shiftKey && popover) {
      const first = document.querySelector<HTMLElement>('.popover button, .popover input');
      if (first) {
        e.preventDefault();
        first.focus();
      }
      return;
    }
    if (moveCaret(root, e)) e.preventDefault();
  };

  // Find in article: the `find-in-article` command (Ctrl/Cmd+F through the app's shortcut table, a menu, the palette).
  useCommand('find-in-article', () => {
    if (!articleIdRef.current) return;
    setFind((f) => ({ query: f?.query ?? '', current: f?.current ?? 0, nonce: Date.now() }));
  });
  const findHits = useMemo(() => (find && article ? findAll(article.text, find.query) : []), [find?.query, article]);
  const findCurrent =
    findHits.length && find ? ((find.current % findHits.length) + findHits.length) % findHits.length : -1;
  useEffect(() => {
    if (findCurrent < 0) return;
    textRef.current
      ?.querySelector(`mark.find-hit[data-find-index="${findCurrent}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  }, [findCurrent, find?.query, find?.nonce]);
  const closeFind = () => {
    setFind(null);
    textRef.current?.focus();
  };
  // The words the opened search result matched, marked in its article.
  const terms = focus?.terms && focus.articleId === articleId ? focus.terms : undefined;
  const termHits = useMemo(() => (article && terms ? findTerms(article.text, terms) : []), [article, terms]);
  const spans: ReaderSpan[] = useMemo(
    () => [
      ...passages
        // Only this article's passages: a slow answer for the previous article must not mark this one.
        .filter((p) => p.state !== 'orphan' && p.articleId === articleId)
        .map((p) => ({ kind: 'hl' as const, id: p.id, start: p.position.start, end: p.position.end, color: p.color })),
      ...findHits.map((r, index) => ({ kind: 'find' as const, ...r, index })),
      ...termHits.map((r) => ({ kind: 'term' as const, ...r })),
    ],
    [passages, articleId, findHits, termHits],
  );

  const act = async (a: PopoverAction) => {
    if (!popover || !article) return;
    const { start, end } = popover;
    setPopover(null);
    await call(async (api) => {
      if (a.kind === 'reattach' && reattachId) {
        await api.reattachPassage(reattachId, start, end);
        setReattachId(null);
        onInfo('Passage re-attached.');
      } else {
        const p = await api.addPassage({
          articleId: article.id,
          start,
          end,
          color: a.color,
          tags: a.kind === 'tag' && a.tag ? [a.tag] : undefined,
        });
        const link = passageLink(p.id, p.quote.exact, article.source, p.pageLabel);
        if (a.kind === 'note') actions.insertIntoNote(link, article.id);
        if (a.kind === 'link') {
          await navigator.clipboard.writeText(link).then(
            () => onInfo('Link to the passage copied: paste it into any note.'),
            () => actions.insertIntoNote(link, article.id),
          );
        }
      }
      window.getSelection()?.removeAllRanges();
      changed();
    });
    // The toolbar is gone: a keyboard user carries on from the text (or the pages).
    if (!document.activeElement || document.activeElement === document.body)
      (view === 'pages' ? pagesRef.current : textRef.current)?.focus();
  };

  if (!article) {
    return (
      <main id="reader" class="pane reader empty" aria-label="Reader" tabIndex={-1}>
        <p class="muted">Choose an article from your library to read it here.</p>
      </main>
    );
  }
  const meta = [article.source, article.author, formatDate(article.published), plural(article.words, 'word')].filter(
    Boolean,
  );
  const cardPassage = card ? passages.find((p) => p.id === card.id) : undefined;
  const listShown = listOpen ?? passages.length <= LIST_OPEN_UP_TO;
  const highlighted = passages.filter((p) => p.state !== 'orphan').sort((a, b) => a.position.start - b.position.start);
  const reattaching = reattachId ? passages.find((p) => p.id === reattachId) : undefined;

  return (
    <main id="reader" class="pane reader" aria-label="Reader" tabIndex={-1}>
      {find && (
        <FindBar
          query={find.query}
          count={findHits.length}
          current={findCurrent}
          focusNonce={find.nonce}
          onQuery={(query) => setFind({ ...find, query, current: 0 })}
          onStep={(d) => setFind({ ...find, current: findCurrent + d })}
          onClose={closeFind}
        />
      )}
      <article class={`reader-article${view === 'pages' ? ' pages' : ''}`} lang={article.lang || undefined}>
        {isPdf && (
          // Sticky, so the view can be switched from wherever the reader is (the header scrolls away).
          <div class="reader-view-bar">
            <span class="reader-view-switch" role="group" aria-label="PDF view">
              <button type="button" aria-pressed={view === 'text'} onClick={() => switchView('text')}>
                Text view
              </button>
              <button type="button" aria-pressed={view === 'pages'} onClick={() => switchView('pages')}>
                Page view
              </button>
            </span>
          </div>
        )}
        <header class="reader-header">
          <h1>{article.title}</h1>
          <p class="reader-meta">
            {meta.join(' · ')}
            {article.url && (
              <>
                {' · '}
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  original
                </a>
              </>
            )}
          </p>
          <SharedSources articleId={article.id} version={article} />
          <TagChips
            label="Article tags"
            targets={[{ kind: 'article', id: article.id }]}
            tags={article.tags}
            onChanged={actions.articleChanged}
          />
          <div class="reader-actions">
            <button type="button" class="link-button" onClick={() => setEditingMeta(true)}>
              Edit details
            </button>
            <button type="button" class="link-button" onClick={() => setEditingText(true)}>
              Edit text
            </button>
            <ArticleVersions article={article} />
            <button type="button" class="link-button danger" onClick={() => void actions.deleteArticle(article.id)}>
              Move to trash
            </button>
          </div>
        </header>
        {passages.length > 0 && (
          <section class="passage-list" aria-label="Highlights in this article">
            <button
              type="button"
              class="link-button list-toggle"
              aria-expanded={listShown}
              aria-controls="highlight-list"
              onClick={() => setListOpen(!listShown)}
            >
              {plural(passages.length - orphans.length, 'highlight')}
              {orphans.length > 0 ? ` · ${orphans.length} orphaned` : ''}
            </button>
            {listShown && (
              <div class="highlight-scroll" id="highlight-list">
                {orphans.length > 0 && (
                  <div class="orphans" role="region" aria-label="Orphaned passages">
                    <h3>Orphaned passages</h3>
                    {orphans.map((p) => (
                      <PassageCard
                        key={p.id}
                        passage={p}
                        compact
                        onChanged={changed}
                        onReattach={() => {
                          setReattachId(p.id);
                          onInfo('Select the text this passage now belongs to, then choose “Re-attach orphan here”.');
                        }}
                      />
                    ))}
                  </div>
                )}
                <div class="highlights">
                  {highlighted.map((p) => (
                    <PassageCard key={p.id} passage={p} source={article.source} compact onChanged={changed} />
                  ))}
                </div>
              </div>
            )}
          </section>
        )}
        {reattaching && (
          <p class="banner info" role="status">
            Re-attaching “{reattaching.quote.exact.slice(0, 80)}”: select its new text.{' '}
            <button type="button" class="link-button" onClick={() => setReattachId(null)}>
              Cancel
            </button>
          </p>
        )}
        <p id="reader-keys" class="sr-only">
          Select text with Shift and the arrow keys, then press Tab for the highlight toolbar. Tab also reaches each
          highlight; Enter opens it.
        </p>
        {noText && (
          <p class="banner info" role="status">
            {NO_TEXT}
          </p>
        )}
        {view === 'pages' && (
          <PageView
            article={article}
            passages={passages}
            initialPage={viewPage}
            onPage={(page) => setViewState({ articleId: article.id, view: 'pages', page })}
            rootRef={pagesRef}
            onSelectStart={() => {
              mouseDown.current = true;
            }}
            onOpenPassage={(id) => {
              textAtPage.current = null;
              setViewState({ articleId: article.id, view: 'text', page: viewPage });
              void actions.openPassage(id);
            }}
          />
        )}
        <div class="reader-text-wrap" hidden={view === 'pages'}>
          <div
            class="reader-text"
            ref={textRef}
            data-article-id={article.id}
            tabIndex={0}
            role="region"
            aria-label="Article text"
            aria-describedby="reader-keys"
            onMouseDown={(e) => {
              if (e.button === 0) mouseDown.current = true;
            }}
            onFocus={(e) => {
              const root = textRef.current;
              if (!root || e.target !== root) return;
              placeCaret(root);
              setCaret(caretBox(root));
            }}
            onBlur={() => setCaret(null)}
            onKeyDown={onTextKeyDown}
            onClick={onTextClick}
          >
            <ArticleBody
              article={article}
              spans={spans as Span[]}
              mark={(seg, key) => {
                const s = seg as unknown as Segment<ReaderSpan>;
                const hls = s.spans.filter((x): x is Span & { kind: 'hl' } => x.kind === 'hl');
                const found = s.spans.find((x) => x.kind === 'find');
                const term = s.spans.some((x) => x.kind === 'term');
                const inner =
                  found || term ? (
                    <mark
                      key={`f${key}`}
                      class={`find-hit${term && !found ? ' term' : ''}${found && found.index === findCurrent ? ' current' : ''}`}
                      data-find-index={found?.index}
                    >
                      {s.text}
                    </mark>
                  ) : (
                    <Fragment key={key}>{s.text}</Fragment>
                  );
                if (hls.length === 0) return inner;
                const top = hls[hls.length - 1]!;
                // One Tab stop per highlight: the run where it begins.
                const stop = s.start === top.start;
                const p2 = passages.find((x) => x.id === top.id);
                return (
                  <mark
                    key={key}
                    class={`hl ${colorClass(top.color)}${hls.length > 1 ? ' hl-overlap' : ''}`}
                    data-passage-ids={hls.map((x) => x.id).join(' ')}
                    tabIndex={stop ? 0 : undefined}
                    role={stop ? 'button' : undefined}
                    aria-haspopup={stop ? 'dialog' : undefined}
                    // Its own text stays its name (an aria-label would replace the article's words for a screen reader).
                    aria-roledescription={stop ? 'highlight' : undefined}
                    draggable
                    onDragStart={(e) => {
                      if (p2)
                        e.dataTransfer?.setData(
                          'text/plain',
                          passageLink(p2.id, p2.quote.exact, article.source, p2.pageLabel),
                        );
                    }}
                  >
                    {inner}
                  </mark>
                );
              }}
            />
          </div>
          {caret && (
            <span
              class="reader-caret"
              aria-hidden="true"
              style={{ left: `${caret.left}px`, top: `${caret.top}px`, height: `${caret.height}px` }}
            />
          )}
        </div>
        {article.removed.length > 0 && (
          <section class="removed" aria-label="Text set aside at import">
            <button
              type="button"
              class="link-button"
              aria-expanded={showRemoved}
              onClick={() => setShowRemoved(!showRemoved)}
            >
              {showRemoved ? 'Hide' : 'Show'} {plural(article.removed.length, 'block')} set aside at import
            </button>
            {showRemoved && (
              <ul>
                {article.removed.map((b) => (
                  <li key={b.id}>
                    <span class="reason">{b.reason}</span>{' '}
                    <button
                      type="button"
                      class="link-button small"
                      onClick={() =>
                        call(async (api) => {
                          const r = await api.restoreRemovedBlock(article.id, b.id);
                          onInfo(`Restored to the text. ${describeReport(r)}`);
                          await actions.articleChanged();
                        })
                      }
                    >
                      Restore to text
                    </button>
                    <blockquote>{b.text}</blockquote>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </article>
      {popover && (
        <SelectionPopover
          x={popover.x}
          y={popover.y}
          reattachQuote={reattaching?.quote.exact}
          onAction={act}
          onClose={() => {
            const inside = document.activeElement?.closest('.popover');
            setPopover(null);
            if (inside) (view === 'pages' ? pagesRef.current : textRef.current)?.focus();
          }}
        />
      )}
      {card && cardPassage && (
        <div
          class="card-popover"
          ref={cardRef}
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              closeCard();
            }
          }}
          style={{
            left: `${card.x}px`,
            ...(card.top !== undefined ? { top: `${card.top}px` } : { bottom: `${card.bottom}px` }),
            maxHeight: `${card.maxHeight}px`,
          }}
          role="dialog"
          aria-label="Passage"
        >
          <button type="button" class="close" aria-label="Close" onClick={closeCard}>
            ×
          </button>
          <PassageCard source={article.source} passage={cardPassage} onChanged={changed} onClose={closeCard} />
        </div>
      )}
      {editingMeta && (
        <MetadataDialog
          article={article}
          onClose={() => setEditingMeta(false)}
          onCopyCitation={(style) =>
            call(async (api) => {
              const r = await api.cite({ style, format: 'text', articleIds: [article.id] });
              await navigator.clipboard.writeText(r.text);
              onInfo(r.warnings.length ? `Citation copied. ${r.warnings.join(' ')}` : 'Citation copied.');
            })
          }
          onSave={(patch) =>
            call(async (api) => {
              await api.updateArticle(article.id, patch);
              // Closed only once the saved article is back: reopened at once, the dialog must not start
              // from the old values (and a second Save write them back).
              await actions.articleChanged();
              setEditingMeta(false);
            })
          }
        />
      )}
      {editingText && (
        <EditTextDialog
          text={article.text}
          onClose={() => setEditingText(false)}
          onSave={(text) =>
            call(async (api) => {
              const r = await api.editArticleText(article.id, text);
              setEditingText(false);
              onInfo(`Text saved. ${describeReport(r)}`);
              await actions.articleChanged();
            })
          }
        />
      )}
    </main>
  );
}
