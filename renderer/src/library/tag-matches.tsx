// Under the library list while a tag filter is on: the passages and notes it
// matches too (a tag on a highlight or a note, not only on articles), each
// opening where it lives.
import { useAppState, useActions } from '../state/context.js';
import { plural } from '../shared/format.js';

export function TagMatches() {
  const actions = useActions();
  const passages = useAppState((s) => s.tagPassages);
  const noteIds = useAppState((s) => s.tagNotes);
  const notes = useAppState((s) => s.notes);
  const matchedNotes = noteIds ? notes.filter((n) => noteIds.has(n.id)) : [];
  if (!passages?.length && !matchedNotes.length) return null;
  return (
    <section class="tag-matches" aria-label="Passages and notes with this tag">
      {passages && passages.length > 0 && (
        <>
          <h3>{plural(passages.length, 'passage')}</h3>
          <ul>
            {passages.slice(0, 50).map((p) => (
              <li key={p.id}>
                <button type="button" class="match-item" onClick={() => void actions.openPassage(p.id)}>
                  <span class={`match-bar hl-${p.color}`} aria-hidden="true" />“{p.quote.exact}”
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {matchedNotes.length > 0 && (
        <>
          <h3>{plural(matchedNotes.length, 'note')}</h3>
          <ul>
            {matchedNotes.slice(0, 50).map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  class="match-item"
                  onClick={() => {
                    if (n.articleId) void actions.selectArticle(n.articleId);
                    actions.openNote(n.id);
                  }}
                >
                  {n.title}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
