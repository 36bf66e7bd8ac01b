import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReanchorReport } from '../../../electron/core/api.js';
import { formatDate, plural } from '../shared/format.js';
import { MetadataDialog } from './metadata-dialog.js';
import { TagChips } from '../tags/tag-chips.js';
import { SharedSources } from '../compare/shared-sources.js';
import { EditTextDialog } from './edit-text-dialog.js';
import { colorClass, passageLink } from '../passages/colors.js';
import { elementAtOffset, selectionOffsets } from '../passages/dom-offsets.js';
import { PassageCard } from '../passages/passage-card.js';
import type { Span } from '../shared/segments.js';
import { SelectionPopover, type PopoverAction } from '../passages/selection-popover.js';
import { useActions, useAppState } from '../state/context.js';
import { ArticleBody } from './article-body.js';

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
  const [popover, setPopover] = useState<{ x: number; y: number; start: number; end: number } | null>(null);
  /** The passage card: below its highlight when there is room, else above it (never over it). */
  const [card, setCard] = useState<{ id: string; x: number; top?: number; bottom?: number; maxHeight: number } | null>(
    null,
  );
  const [reattachId, setReattachId] = useState<string | null>(null);
  const [showList, setShowList] = useState(true);
  const textRef = useRef<HTMLDivElement>(null);
  const articleId = article?.id;
  // Passages may arrive before their article: show only the shown article's.
  const passages = useMemo(() => loaded.filter((p) => p.articleId === articleId), [loaded, articleId]);

  // A different article: nothing selected, nothing open.
  useEffect(() => {
    setPopover(null);
    setCard(null);
    setReattachId(null);
  }, [articleId]);

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

  const spans: Span[] = useMemo(
    () =>
      passages
        // Only this article's passages: a slow answer for the previous article must not mark this one.
        .filter((p) => p.state !== 'orphan' && p.articleId === articleId)
        .map((p) => ({ id: p.id, start: p.position.start, end: p.position.end, color: p.color })),
    [passages, articleId],
  );
  const orphans = passages.filter((p) => p.state === 'orphan');

  const changed = () => void actions.passagesChanged();

  const onSelectionEnd = () => {
    // Let the browser settle the selection first.
    setTimeout(() => {
      const root = textRef.current;
      if (!root) return;
      const sel = window.getSelection();
      const offsets = selectionOffsets(root, sel);
      if (!offsets || !sel) return setPopover(null);
      const rect = sel.getRangeAt(0).getBoundingClientRect();
      setCard(null);
      setPopover({
        ...offsets,
        x: Math.max(8, Math.min(window.innerWidth - 420, rect.left + rect.width / 2 - 180)),
        y: Math.max(8, rect.top - 48),
      });
    }, 0);
  };

  const onTextClick = (e: MouseEvent) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark[data-passage-ids]');
    if (!mark) return setCard(null);
    const ids = mark.dataset.passageIds!.split(' ');
    const rect = mark.getBoundingClientRect();
    setPopover(null);
    const h = window.innerHeight;
    const below = h - rect.bottom - 16;
    const above = rect.top - 16;
    const x = Math.max(8, Math.min(window.innerWidth - 380, rect.left));
    const want = Math.min(420, h * 0.6);
    setCard(
      below >= Math.min(want, 320) || below >= above
        ? { id: ids[ids.length - 1]!, x, top: rect.bottom + 8, maxHeight: Math.min(want, below) }
        : { id: ids[ids.length - 1]!, x, bottom: h - rect.top + 8, maxHeight: Math.min(want, above) },
    );
  };

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
        const link = passageLink(p.id, p.quote.exact, article.source);
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
  const reattaching = reattachId ? passages.find((p) => p.id === reattachId) : undefined;

  return (
    <main id="reader" class="pane reader" aria-label="Reader" tabIndex={-1}>
      <article class="reader-article" lang={article.lang || undefined}>
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
            <button type="button" class="link-button danger" onClick={() => void actions.deleteArticle(article.id)}>
              Move to trash
            </button>
          </div>
        </header>
        {passages.length > 0 && (
          <section class="passage-list" aria-label="Highlights in this article">
            <button type="button" class="link-button" aria-expanded={showList} onClick={() => setShowList(!showList)}>
              {plural(passages.length - orphans.length, 'highlight')}
              {orphans.length > 0 ? ` · ${orphans.length} orphaned` : ''}
            </button>
            {showList && orphans.length > 0 && (
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
            {showList && (
              <div class="highlights">
                {passages
                  .filter((p) => p.state !== 'orphan')
                  .sort((a, b) => a.position.start - b.position.start)
                  .map((p) => (
                    <PassageCard key={p.id} passage={p} source={article.source} compact onChanged={changed} />
                  ))}
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
        <div
          class="reader-text"
          ref={textRef}
          data-article-id={article.id}
          onMouseUp={onSelectionEnd}
          onKeyUp={(e) => e.shiftKey && onSelectionEnd()}
          onClick={onTextClick}
        >
          <ArticleBody
            article={article}
            spans={spans}
            mark={(s, key) => (
              <mark
                key={key}
                class={`hl ${colorClass(s.spans[s.spans.length - 1]!.color)}${s.spans.length > 1 ? ' hl-overlap' : ''}`}
                data-passage-ids={s.spans.map((x) => x.id).join(' ')}
                draggable
                onDragStart={(e) => {
                  const id = s.spans[s.spans.length - 1]!.id;
                  const p2 = passages.find((x) => x.id === id);
                  if (p2) e.dataTransfer?.setData('text/plain', passageLink(p2.id, p2.quote.exact, article.source));
                }}
              >
                {s.text}
              </mark>
            )}
          />
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
          onClose={() => setPopover(null)}
        />
      )}
      {card && cardPassage && (
        <div
          class="card-popover"
          style={{
            left: `${card.x}px`,
            ...(card.top !== undefined ? { top: `${card.top}px` } : { bottom: `${card.bottom}px` }),
            maxHeight: `${card.maxHeight}px`,
          }}
          role="dialog"
          aria-label="Passage"
        >
          <button type="button" class="close" aria-label="Close" onClick={() => setCard(null)}>
            ×
          </button>
          <PassageCard
            source={article.source}
            passage={cardPassage}
            onChanged={changed}
            onClose={() => setCard(null)}
          />
        </div>
      )}
      {editingMeta && (
        <MetadataDialog
          article={article}
          onClose={() => setEditingMeta(false)}
          onSave={(patch) =>
            call(async (api) => {
              await api.updateArticle(article.id, patch);
              setEditingMeta(false);
              await actions.articleChanged();
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
