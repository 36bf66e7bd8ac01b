// A story across outlets in the reader's place: its articles in publication
// order (a timeline) or side by side (columns), the quote matrix (who said
// what, which outlets carry it, word for word or altered), what each outlet
// adds, the word-level changes between near-identical passages, and the
// user's own highlights with their typed links. Highlights are made here too:
// a quote or an added sentence in one click, or a selection in a column.
// The user's highlights keep their colours; shared passages are underlined,
// never filled, so the two are never confused.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArticleDetail, StoryReportFormat, StoryView as StoryData } from '../../../electron/core/api.js';
import type { Passage } from '../../../electron/core/model.js';
import { download } from '../export/save-files.js';
import { selectionOffsets } from '../passages/dom-offsets.js';
import { colorClass, passageLink } from '../passages/colors.js';
import { formatDate, plural } from '../shared/format.js';
import { paragraphs, segmentParagraph } from '../shared/segments.js';
import { useActions, useApi, useAppState } from '../state/context.js';
import { PassageLinks } from './passage-links.js';
import './stories.css';

type Mode = 'timeline' | 'columns';

interface Props {
  id: string;
  nonce: number;
}

export function StoryView({ id, nonce }: Props) {
  const api = useApi();
  const actions = useActions();
  const articleId = useAppState((s) => s.articleId);
  const [data, setData] = useState<StoryData | null>(null);
  const [texts, setTexts] = useState<Map<string, ArticleDetail>>(new Map());
  const [error, setError] = useState('');
  const [mode, setMode] = useState<Mode>('timeline');
  const [version, setVersion] = useState(0);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [notes, setNotes] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setError('');
    api
      .getStoryView(id)
      .then((v) => {
        if (!live) return;
        setData(v);
        return Promise.all(v.articles.map((a) => api.getArticle(a.id))).then(
          (list) => live && setTexts(new Map(list.filter((x): x is ArticleDetail => !!x).map((x) => [x.id, x]))),
        );
      })
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [id, nonce, version]);

  // The view opens with its heading focused (once it has loaded), so a keyboard user starts at its top.
  const focusPending = useRef(true);
  useEffect(() => {
    focusPending.current = true;
  }, [id, nonce]);
  useEffect(() => {
    if (data && focusPending.current && heading.current) {
      focusPending.current = false;
      heading.current.focus();
    }
  }, [data]);

  // Choosing an article in the library leaves the story for the reader.
  const firstArticle = useRef(articleId);
  useEffect(() => {
    if (articleId !== firstArticle.current) actions.closeStory();
  }, [articleId]);

  const reload = () => setVersion((v) => v + 1);
  const outlet = (aid: string) => {
    const a = data?.articles.find((x) => x.id === aid);
    return a ? a.source || a.title : '';
  };
  const highlight = (articleId: string, start: number, end: number) =>
    void actions.call(async (a) => {
      await a.addPassage({ articleId, start, end, color: 'yellow' });
      reload();
      await actions.refreshLibrary();
      actions.success('Highlighted.');
    });
  const hasHighlight = (aid: string, start: number, end: number) =>
    !!data?.passages.some((p) => p.articleId === aid && p.position.start <= start && p.position.end >= end);
  const exportAs = (format: StoryReportFormat) =>
    void actions.call(async (a) => {
      const r = await a.exportStory(id, format);
      download({ path: r.filename, mime: r.mime, text: r.content });
      actions.success(`Exported ${r.filename}.`);
    });
  const openArticle = (aid: string) => {
    actions.closeStory();
    void actions.selectArticle(aid);
  };

  if (error)
    return (
      <section class="story-view" aria-label="Story">
        <p role="alert" class="filter-error">
          {error}
        </p>
        <button type="button" onClick={actions.closeStory}>
          Close story
        </button>
      </section>
    );
  if (!data)
    return (
      <section class="story-view" aria-label="Story" aria-busy="true">
        <p class="muted pad">Opening the story…</p>
      </section>
    );

  const story = data.story;
  const carried = data.quotes.filter((q) => q.carriers.length > 1);
  return (
    <section class="story-view" aria-labelledby="story-title" data-testid="story-view">
      <header class="story-bar">
        {renaming === null ? (
          <h2 id="story-title" tabIndex={-1} ref={heading}>
            {story.name}
          </h2>
        ) : (
          <form
            class="story-rename"
            onSubmit={(e) => {
              e.preventDefault();
              void actions
                .saveStory({ id, name: renaming, articleIds: story.articleIds })
                .then((ok) => ok && setRenaming(null));
            }}
          >
            <input
              aria-label="Story name"
              value={renaming}
              maxLength={200}
              onInput={(e) => setRenaming(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
              ref={(el) => el?.focus()}
            />
            <button type="submit" class="small">
              Save
            </button>
          </form>
        )}
        <p class="story-summary muted">
          {plural(data.articles.length, 'article')} · {plural(carried.length, 'quote')} in more than one outlet ·{' '}
          {plural(data.passages.length, 'highlight')}
        </p>
        <div class="story-actions" role="group" aria-label="Story actions">
          <button type="button" aria-pressed={mode === 'timeline'} onClick={() => setMode('timeline')}>
            Timeline
          </button>
          <button type="button" aria-pressed={mode === 'columns'} onClick={() => setMode('columns')}>
            Columns
          </button>
          {renaming === null && (
            <button type="button" onClick={() => setRenaming(story.name)}>
              Rename
            </button>
          )}
          <button type="button" onClick={() => exportAs('html')}>
            Export HTML
          </button>
          <button type="button" onClick={() => exportAs('markdown')}>
            Export Markdown
          </button>
          <button type="button" onClick={actions.closeStory}>
            Close story
          </button>
        </div>
        <p class="story-legend muted small">
          <span class="story-shared story-shared-exact">shared word for word</span>{' '}
          <span class="story-shared story-shared-near">shared with edits</span>{' '}
          <mark class="hl-yellow">your highlight</mark>
        </p>
      </header>

      {mode === 'columns' ? (
        <Columns data={data} texts={texts} onHighlight={highlight} />
      ) : (
        <div class="story-body">
          <section aria-labelledby="story-timeline">
            <h3 id="story-timeline">Timeline</h3>
            <ol class="story-timeline">
              {data.articles.map((a) => (
                <li key={a.id}>
                  <time dateTime={a.published ?? undefined}>
                    {a.published ? formatDate(a.published) : 'Date unknown'}
                  </time>
                  <div>
                    <strong>{a.source || 'Unknown outlet'}</strong>{' '}
                    <button type="button" class="link-button" onClick={() => openArticle(a.id)}>
                      {a.title}
                    </button>
                    {a.carriesFromEarlier.length > 0 && (
                      <p class="muted small">
                        Carries{' '}
                        {a.carriesFromEarlier
                          .map((c) => `${plural(c.words, 'word')} first in ${outlet(c.articleId)}`)
                          .join('; ')}
                      </p>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </section>

          <section aria-labelledby="story-quotes">
            <h3 id="story-quotes">Quotes</h3>
            {data.quotes.length === 0 ? (
              <p class="muted">No quoted statements found.</p>
            ) : (
              <div class="story-table-wrap" tabIndex={0} role="region" aria-labelledby="story-quotes">
                <table class="quote-matrix">
                  <thead>
                    <tr>
                      <th scope="col">Quote</th>
                      <th scope="col">Speaker</th>
                      {data.articles.map((a) => (
                        <th scope="col" key={a.id}>
                          {a.source || a.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.quotes.map((q, i) => (
                      <tr key={i} data-testid="quote-row">
                        <th scope="row" class="quote-text">
                          “{q.text}”
                        </th>
                        <td class="quote-speaker">{q.speaker || <span class="muted">unknown</span>}</td>
                        {data.articles.map((a) => {
                          const c = q.carriers.find((x) => x.articleId === a.id);
                          if (!c)
                            return (
                              <td key={a.id} class="carrier none">
                                <span aria-label="not carried">—</span>
                              </td>
                            );
                          const done = hasHighlight(a.id, c.start, c.end);
                          return (
                            <td
                              key={a.id}
                              class={`carrier ${c.kind}`}
                              title={c.kind === 'altered' ? c.text : undefined}
                            >
                              <span>{c.kind === 'verbatim' ? '✓ verbatim' : '≈ altered'}</span>
                              {!done && (
                                <button
                                  type="button"
                                  class="link-button small"
                                  aria-label={`Highlight this quote in ${a.source || a.title}`}
                                  onClick={() => highlight(a.id, c.start, c.end)}
                                >
                                  Highlight
                                </button>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="story-adds">
            <h3 id="story-adds">What each outlet adds</h3>
            <div class="story-adds">
              {data.additions.map((add) => (
                <div key={add.articleId} class="story-add" data-testid="story-add">
                  <h4>{outlet(add.articleId)}</h4>
                  {add.sentences.length === 0 ? (
                    <p class="muted small">Nothing the other articles do not carry.</p>
                  ) : (
                    <ul>
                      {add.sentences.map((s) => (
                        <li key={s.start}>
                          {s.text}{' '}
                          {!hasHighlight(add.articleId, s.start, s.end) && (
                            <button
                              type="button"
                              class="link-button small"
                              aria-label={`Highlight this sentence of ${outlet(add.articleId)}`}
                              onClick={() => highlight(add.articleId, s.start, s.end)}
                            >
                              Highlight
                            </button>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </div>
          </section>

          {data.diffs.length > 0 && (
            <section aria-labelledby="story-diffs">
              <h3 id="story-diffs">Changed wording</h3>
              <ul class="story-diffs">
                {data.diffs.map((d, i) => (
                  <li key={i}>
                    <p class="muted small">
                      {outlet(d.aId)} → {outlet(d.bId)} ({Math.round(d.similarity * 100)}% alike){' '}
                      <button
                        type="button"
                        class="link-button small"
                        onClick={() => actions.compareArticles(d.aId, d.bId)}
                      >
                        Side by side
                      </button>
                    </p>
                    <p class="diff-text">
                      {d.pieces.map((p, j) =>
                        p.op === 'same' ? (
                          p.text
                        ) : p.op === 'del' ? (
                          <del key={j} title={`only in ${outlet(d.aId)}`}>
                            {p.text}
                          </del>
                        ) : (
                          <ins key={j} title={`only in ${outlet(d.bId)}`}>
                            {p.text}
                          </ins>
                        ),
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="story-highlights">
            <h3 id="story-highlights">Your highlights</h3>
            {data.passages.length === 0 ? (
              <p class="muted">No highlights in these articles yet: highlight a quote or a sentence above.</p>
            ) : (
              <ul class="story-highlights">
                {data.passages.map((p) => (
                  <StoryHighlight
                    key={p.id}
                    passage={p}
                    source={outlet(p.articleId)}
                    version={version}
                    onChanged={reload}
                  />
                ))}
              </ul>
            )}
          </section>

          <ManageStory data={data} />

          <section aria-labelledby="story-notes">
            <h3 id="story-notes">Notes on the story</h3>
            <textarea
              aria-labelledby="story-notes"
              rows={4}
              value={notes ?? story.notes ?? ''}
              onInput={(e) => setNotes(e.currentTarget.value)}
            />
            <div class="card-actions">
              <button
                type="button"
                class="small"
                disabled={notes === null}
                onClick={() =>
                  void actions
                    .saveStory({ id, name: story.name, articleIds: story.articleIds, notes: notes ?? '' })
                    .then((ok) => ok && setNotes(null))
                }
              >
                Save notes
              </button>
            </div>
          </section>
        </div>
      )}
    </section>
  );
}

function StoryHighlight({
  passage,
  source,
  version,
  onChanged,
}: {
  passage: Passage;
  source: string;
  version: number;
  onChanged(): void;
}) {
  const actions = useActions();
  return (
    <li class="story-highlight" data-testid="story-highlight">
      <blockquote class="quote">
        <span class={`story-swatch ${colorClass(passage.color)}`} aria-hidden="true" />
        {passage.quote.exact}
      </blockquote>
      <p class="muted small">
        {source}
        {passage.tags.length > 0 && ` · ${passage.tags.join(', ')}`}
      </p>
      <div class="card-actions">
        <button type="button" class="link-button small" onClick={() => void actions.openPassage(passage.id)}>
          Show in article
        </button>
        <button
          type="button"
          class="link-button small"
          onClick={() =>
            actions.insertIntoNote(passageLink(passage.id, passage.quote.exact, source), passage.articleId)
          }
        >
          Cite in note
        </button>
      </div>
      <PassageLinks passageId={passage.id} version={version} onChanged={onChanged} />
    </li>
  );
}

interface Mark {
  start: number;
  end: number;
  kind: 'hl' | 'exact' | 'near';
  color?: string;
}

function Columns({
  data,
  texts,
  onHighlight,
}: {
  data: StoryData;
  texts: Map<string, ArticleDetail>;
  onHighlight(articleId: string, start: number, end: number): void;
}) {
  return (
    <div class="story-columns" style={{ gridTemplateColumns: `repeat(${data.articles.length}, minmax(16rem, 1fr))` }}>
      {data.articles.map((a) => (
        <StoryColumn
          key={a.id}
          data={data}
          article={texts.get(a.id)}
          meta={a}
          onHighlight={(s, e) => onHighlight(a.id, s, e)}
        />
      ))}
    </div>
  );
}

function StoryColumn({
  data,
  article,
  meta,
  onHighlight,
}: {
  data: StoryData;
  article: ArticleDetail | undefined;
  meta: StoryData['articles'][number];
  onHighlight(start: number, end: number): void;
}) {
  const textRoot = useRef<HTMLDivElement>(null);
  const [hint, setHint] = useState('');
  const marks = useMemo<Mark[]>(
    () => [
      ...data.shared.filter((s) => s.articleId === meta.id).map((s) => ({ start: s.start, end: s.end, kind: s.kind })),
      ...data.passages
        .filter((p) => p.articleId === meta.id && p.state !== 'orphan')
        .map((p) => ({ start: p.position.start, end: p.position.end, kind: 'hl' as const, color: p.color })),
    ],
    [data, meta.id],
  );
  const headingId = `story-col-${meta.id}`;
  return (
    <article class="story-column" aria-labelledby={headingId}>
      <header>
        <h3 id={headingId}>{meta.source || meta.title}</h3>
        <p class="muted small">
          {meta.published ? formatDate(meta.published) : 'Date unknown'} · {meta.title}
        </p>
        <button
          type="button"
          class="small"
          onClick={() => {
            const off = textRoot.current ? selectionOffsets(textRoot.current, window.getSelection()) : null;
            if (!off) return setHint(`Select text in ${meta.source || 'this article'} first.`);
            setHint('');
            onHighlight(off.start, off.end);
          }}
        >
          Highlight selection
        </button>
        {hint && (
          <p class="muted small" role="status">
            {hint}
          </p>
        )}
      </header>
      <div class="story-column-text" ref={textRoot}>
        {!article ? (
          <p class="muted">Loading…</p>
        ) : (
          paragraphs(article.text).map((para) => (
            <p key={para.start} data-start={para.start}>
              {segmentParagraph(para.start, para.text, marks).map((seg) => {
                const hl = seg.spans.find((s) => s.kind === 'hl');
                const shared = seg.spans.find((s) => s.kind !== 'hl');
                let node: preact.ComponentChild = seg.text;
                if (shared) node = <span class={`story-shared story-shared-${shared.kind}`}>{node}</span>;
                if (hl) node = <mark class={colorClass(hl.color ?? 'yellow')}>{node}</mark>;
                return <>{node}</>;
              })}
            </p>
          ))
        )}
      </div>
    </article>
  );
}

/** The story's articles as the user groups them: add one, remove one, split some off, merge with another story. */
function ManageStory({ data }: { data: StoryData }) {
  const actions = useActions();
  const articles = useAppState((s) => s.articles) ?? [];
  const stories = useAppState((s) => s.stories);
  const story = data.story;
  const [adding, setAdding] = useState('');
  const [splitting, setSplitting] = useState<Set<string>>(new Set());
  const [splitName, setSplitName] = useState('');
  const [mergeWith, setMergeWith] = useState('');
  const outside = articles.filter((a) => !story.articleIds.includes(a.id));
  const others = stories.filter((s) => s.id !== story.id);
  const save = (articleIds: string[]) => void actions.saveStory({ id: story.id, name: story.name, articleIds });
  return (
    <section aria-labelledby="story-manage">
      <h3 id="story-manage">Articles of the story</h3>
      <ul class="story-manage">
        {data.articles.map((a) => (
          <li key={a.id}>
            <label>
              <input
                type="checkbox"
                checked={splitting.has(a.id)}
                onChange={() => {
                  const next = new Set(splitting);
                  if (next.has(a.id)) next.delete(a.id);
                  else next.add(a.id);
                  setSplitting(next);
                }}
              />{' '}
              {a.source ? `${a.source}: ` : ''}
              {a.title}
            </label>{' '}
            {data.articles.length > 1 && (
              <button
                type="button"
                class="link-button small"
                aria-label={`Remove ${a.title} from the story`}
                onClick={() => save(story.articleIds.filter((id) => id !== a.id))}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {splitting.size > 0 && splitting.size < data.articles.length && (
        <form
          class="story-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void actions
              .call((api) => api.splitStory(story.id, [...splitting], splitName.trim() || `${story.name} (2)`))
              .then(async (r) => {
                if (!r) return;
                setSplitting(new Set());
                setSplitName('');
                await actions.refreshStories();
                actions.openStory(story.id);
              });
          }}
        >
          <label>
            Name of the new story{' '}
            <input value={splitName} maxLength={200} onInput={(e) => setSplitName(e.currentTarget.value)} />
          </label>{' '}
          <button type="submit" class="small">
            Split {plural(splitting.size, 'article')} off
          </button>
        </form>
      )}
      <div class="story-inline-form">
        {outside.length > 0 && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (adding) save([...story.articleIds, adding]);
              setAdding('');
            }}
          >
            <label>
              Add an article{' '}
              <select value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
                <option value="">Choose…</option>
                {outside.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.source ? `${a.source}: ` : ''}
                    {a.title}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="submit" class="small" disabled={!adding}>
              Add
            </button>
          </form>
        )}
        {others.length > 0 && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!mergeWith) return;
              void actions
                .call((api) => api.mergeStories([story.id, mergeWith]))
                .then(async (m) => {
                  if (!m) return;
                  setMergeWith('');
                  await actions.refreshStories();
                  actions.openStory(m.id);
                });
            }}
          >
            <label>
              Merge with{' '}
              <select value={mergeWith} onChange={(e) => setMergeWith(e.currentTarget.value)}>
                <option value="">Choose a story…</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="submit" class="small" disabled={!mergeWith}>
              Merge
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
