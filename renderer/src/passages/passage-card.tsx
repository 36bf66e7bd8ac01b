import { useEffect, useState } from 'preact/hooks';
import type { PassageView } from '../../../electron/core/api.js';
import type { NoteMeta } from '../../../electron/core/model.js';
import { useActions, useApi } from '../state/context.js';
import { HIGHLIGHT_COLORS, passageLink } from './colors.js';
import { TagChips } from '../tags/tag-chips.js';
import { AlsoIn } from '../compare/also-in.js';
import { PassageLinks } from '../stories/passage-links.js';
import { copiedMessage, copyCitation } from '../cite/copy-citation.js';
import './passages.css';

interface Props {
  passage: PassageView;
  onChanged(): void;
  onClose?(): void;
  /** Compact list row instead of a full card. */
  compact?: boolean;
  onReattach?(): void;
  /** The article's outlet, named in links to the passage. */
  source?: string;
}

/** One passage: its quote, the notes that cite it (backlinks), and what can be done with it. */
export function PassageCard({ passage, onChanged, onClose, compact, onReattach, source }: Props) {
  const actions = useActions();
  const api = useApi();
  const [citing, setCiting] = useState<NoteMeta[]>([]);
  /** The comment being written (null: not editing). */
  const [commenting, setCommenting] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (passage.notes.length === 0) setCiting([]);
    else
      api
        .notesForPassage(passage.id)
        .then((n) => live && setCiting(n))
        .catch(() => live && setCiting([]));
    return () => {
      live = false;
    };
  }, [passage.id, passage.notes.length]);

  const act = (fn: () => Promise<unknown>) =>
    actions.call(async () => {
      await fn();
      onChanged();
    });
  const link = passageLink(passage.id, passage.quote.exact, source, passage.pageLabel);
  const orphan = passage.state === 'orphan';

  return (
    <div class={`passage-card${compact ? ' compact' : ''}${orphan ? ' orphan' : ''}`} data-passage-card={passage.id}>
      <blockquote class={`quote hl-border-${passage.color}`}>{passage.quote.exact}</blockquote>
      {passage.pageLabel && !orphan && <p class="passage-pages">{passage.pageLabel}</p>}
      {passage.comment && commenting === null && (
        <p class="passage-comment" aria-label="Comment">
          {passage.comment}
        </p>
      )}
      {commenting !== null && (
        <form
          class="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await api.updatePassage(passage.id, { comment: commenting.trim() });
              setCommenting(null);
            });
          }}
        >
          <textarea
            aria-label="Comment on this highlight"
            rows={3}
            maxLength={10000}
            value={commenting}
            onInput={(e) => setCommenting(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              if (e.key === 'Escape') {
                e.stopPropagation();
                setCommenting(null);
              }
            }}
            autoFocus
          />
          <div class="card-actions">
            <button type="submit" class="small">
              Save comment
            </button>
            <button type="button" class="link-button small" onClick={() => setCommenting(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {orphan && <p class="orphan-note">This passage is no longer in the text. It is kept here with its quote.</p>}
      {passage.state === 'fuzzy' && !compact && (
        <p class="muted small">Placed by approximate match after the text changed.</p>
      )}
      {compact ? (
        passage.tags.length > 0 && (
          <p class="tags">
            {passage.tags.map((t) => (
              <span key={t} class="tag">
                {t}
              </span>
            ))}
          </p>
        )
      ) : (
        <TagChips
          label="Passage tags"
          targets={[{ kind: 'passage', id: passage.id }]}
          tags={passage.tags}
          onChanged={onChanged}
        />
      )}
      <div class="cited-by">
        {citing.length === 0 ? (
          <span class="muted small">Not cited in any note yet.</span>
        ) : (
          <>
            <span class="muted small">Cited in:</span>{' '}
            {citing.map((n) => (
              <button key={n.id} type="button" class="link-button small" onClick={() => actions.openNote(n.id)}>
                {n.title}
              </button>
            ))}
          </>
        )}
      </div>
      <div class="card-actions">
        {!orphan &&
          !compact &&
          HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              class={`swatch small hl-${c}`}
              aria-label={`Colour ${c}`}
              aria-pressed={passage.color === c}
              onClick={() => act(() => api.updatePassage(passage.id, { color: c }))}
            />
          ))}
        {!orphan && (
          <button
            type="button"
            class="link-button small"
            onClick={() => actions.insertIntoNote(link, passage.articleId)}
          >
            Link in note
          </button>
        )}
        {!orphan && (
          <button
            type="button"
            class="link-button small"
            onClick={() =>
              void actions.call(async () => {
                const r = await copyCitation(api, { passageId: passage.id });
                actions.toast('info', copiedMessage('Citation', r));
              })
            }
          >
            Copy as citation
          </button>
        )}
        {!compact && commenting === null && (
          <button type="button" class="link-button small" onClick={() => setCommenting(passage.comment ?? '')}>
            {passage.comment ? 'Edit comment' : 'Comment'}
          </button>
        )}
        {!orphan && compact && (
          <button type="button" class="link-button small" onClick={() => void actions.openPassage(passage.id)}>
            Show
          </button>
        )}
        {orphan && onReattach && (
          <button type="button" class="link-button small" onClick={onReattach}>
            Re-attach to a selection…
          </button>
        )}
        <button
          type="button"
          class="link-button small danger"
          // Through the store: it asks first when notes cite the highlight (their links would break).
          onClick={() =>
            void actions.deletePassage(passage.id).then((deleted) => {
              if (deleted) onClose?.();
            })
          }
        >
          Delete
        </button>
      </div>
      {!compact && <PassageLinks passageId={passage.id} />}
      {!compact && !orphan && (
        <AlsoIn passageId={passage.id} onCompare={(other) => actions.compareArticles(passage.articleId, other)} />
      )}
    </div>
  );
}
