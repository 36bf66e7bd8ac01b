import { useEffect, useState } from 'preact/hooks';
import type { PassageView } from '../../../electron/core/api.js';
import type { NoteMeta } from '../../../electron/core/model.js';
import { emit } from '../bus.js';
import { HIGHLIGHT_COLORS, passageLink } from './colors.js';
import { TagChips } from '../tags/tag-chips.js';
import { AlsoIn } from '../compare/also-in.js';

interface Props {
  passage: PassageView;
  onChanged(): void;
  onError(message: string): void;
  onClose?(): void;
  /** Compact list row instead of a full card. */
  compact?: boolean;
  onReattach?(): void;
  /** The article's outlet, named in links to the passage. */
  source?: string;
}

/** One passage: its quote, the notes that cite it (backlinks), and what can be done with it. */
export function PassageCard({ passage, onChanged, onError, onClose, compact, onReattach, source }: Props) {
  const [citing, setCiting] = useState<NoteMeta[]>([]);
  useEffect(() => {
    let live = true;
    if (passage.notes.length === 0) setCiting([]);
    else
      window.scholia
        .notesForPassage(passage.id)
        .then((n) => live && setCiting(n))
        .catch(() => live && setCiting([]));
    return () => {
      live = false;
    };
  }, [passage.id, passage.notes.length]);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChanged();
    } catch (err) {
      onError((err as Error).message);
    }
  };
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
          onError={onError}
        />
      )}
      <div class="cited-by">
        {citing.length === 0 ? (
          <span class="muted small">Not cited in any note yet.</span>
        ) : (
          <>
            <span class="muted small">Cited in:</span>{' '}
            {citing.map((n) => (
              <button
                key={n.id}
                type="button"
                class="link-button small"
                onClick={() => emit('open-note', { noteId: n.id })}
              >
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
              onClick={() => act(() => window.scholia.updatePassage(passage.id, { color: c }))}
            />
          ))}
        {!orphan && (
          <button
            type="button"
            class="link-button small"
            onClick={() => emit('insert-into-note', { markdown: link, articleId: passage.articleId })}
          >
            Link in note
          </button>
        )}
        {!orphan && compact && (
          <button
            type="button"
            class="link-button small"
            onClick={() => emit('open-passage', { passageId: passage.id })}
          >
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
              await window.scholia.deletePassage(passage.id);
              onClose?.();
            })
          }
        >
          Delete
        </button>
      </div>
      {!compact && !orphan && (
        <AlsoIn passageId={passage.id} onCompare={(other) => emit('compare', { aId: passage.articleId, bId: other })} />
      )}
    </div>
  );
}
