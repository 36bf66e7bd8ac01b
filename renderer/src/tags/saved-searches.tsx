// Saved searches and tag filters (collections), in the sidebar above the tags:
// one click brings the filter or the results back; remembered across restarts.
import { useActions, useAppState } from '../state/context.js';

export function SavedSearches() {
  const actions = useActions();
  const saved = useAppState((s) => s.savedSearches);
  const filter = useAppState((s) => s.tagFilter);
  if (!saved.length) return null;
  return (
    <section class="saved-searches" aria-label="Saved searches">
      <h3>Saved</h3>
      <ul>
        {saved.map((s) => (
          <li key={s.name}>
            <button
              type="button"
              class={`saved-item${s.kind === 'tags' && filter === s.expr ? ' active' : ''}`}
              aria-pressed={s.kind === 'tags' ? filter === s.expr : undefined}
              onClick={() => actions.applySavedSearch(s)}
            >
              <span class="saved-kind" aria-hidden="true">
                {s.kind === 'tags' ? '#' : '⌕'}
              </span>
              <span class="visually-hidden">{s.kind === 'tags' ? 'Tag filter' : 'Search'}:</span>
              {s.name}
            </button>
            <button
              type="button"
              class="link-button small tag-edit"
              aria-label={`Remove saved ${s.name}`}
              onClick={() => void actions.removeSavedSearch(s.name)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
