import { useEffect, useState } from 'preact/hooks';
import type { PassageView } from '../../../electron/core/api.js';
import type { NoteMeta } from '../../../electron/core/model.js';
import { useActions, useApi } from '../state/context.js';
import { HIGHLIGHT_COLORS, passageLink } from './colors.js';
import { TagChips } from '../tags/tag-chips.js';
import { AlsoIn } from '../compare/also-in.js';

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
  const link = passageLink(passage.id, passage.quote.exact, source);
  const orphan = passage.state === 'orphan';

  return (
    <div class={`passage-card${compact ? ' compact' : ''}${orphan ? ' orphan' : ''}`} data-passage-card={passage.id}>
      <blockquote class={`quote hl-border-${passage.color}`}>{passage.quote.exact}</blockquote>
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
          onClick={() =>
            act(async () => {
              await api.deletePassage(passage.id);
              onClose?.();
            })
          }
        >
          Delete
        </button>
      </div>
      {!compact && !orphan && (
        <AlsoIn passageId={passage.id} onCompare={(other) => actions.compareArticles(passage.articleId, other)} />
      )}
    </div>
  );
}
