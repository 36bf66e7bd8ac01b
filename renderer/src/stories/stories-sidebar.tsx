// Stories in the sidebar: the library's stories with their article counts (one
// click opens the story view), and "Find stories", which asks the core for
// groups of articles that report one event; each proposal is confirmed under
// a name the user may change, or dismissed for this session.
import { useEffect, useState } from 'preact/hooks';
import type { StoryProposal } from '../../../electron/core/api.js';
import { plural } from '../shared/format.js';
import { useActions, useApi, useAppState } from '../state/context.js';
import './stories.css';

export function StoriesSidebar() {
  const actions = useActions();
  const api = useApi();
  const stories = useAppState((s) => s.stories);
  const open = useAppState((s) => s.story);
  const articles = useAppState((s) => s.articles);
  const [proposals, setProposals] = useState<StoryProposal[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [names, setNames] = useState<Record<number, string>>({});

  // The list follows the library (an article deleted leaves its story).
  useEffect(() => {
    void actions.refreshStories();
  }, [articles]);

  const find = () => {
    setBusy(true);
    api
      .proposeStories()
      .then((p) => {
        setProposals(p);
        setNames(Object.fromEntries(p.map((x, i) => [i, x.name])));
      })
      .catch((err: Error) => actions.error(err.message))
      .finally(() => setBusy(false));
  };
  const titleOf = (id: string) => articles?.find((a) => a.id === id);

  return (
    <section class="stories-sidebar" aria-labelledby="stories-heading">
      <div class="stories-head">
        <h3 id="stories-heading">Stories</h3>
        <button type="button" class="link-button small" onClick={find} disabled={busy} aria-busy={busy}>
          {busy ? 'Looking…' : 'Find stories'}
        </button>
      </div>
      {stories.length > 0 && (
        <ul class="stories-list">
          {stories.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                class={`story-item${open?.id === s.id ? ' active' : ''}`}
                aria-current={open?.id === s.id ? 'true' : undefined}
                onClick={() => actions.openStory(s.id)}
              >
                <span class="story-name">{s.name}</span>
                <span class="badge-count">{plural(s.count, 'article')}</span>
              </button>
              <button
                type="button"
                class="link-button small tag-edit"
                aria-label={`Remove story ${s.name}`}
                onClick={() => void actions.deleteStory(s.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {proposals !== null && (
        <div class="story-proposals" role="region" aria-label="Proposed stories">
          {proposals.length === 0 ? (
            <p class="muted small" role="status">
              No new stories: no group of articles shares enough passages.
            </p>
          ) : (
            <p class="muted small" role="status">
              {proposals.length === 1 ? '1 proposed story' : `${proposals.length} proposed stories`}
            </p>
          )}
          {proposals.map((p, i) => (
            <form
              key={p.articleIds.join()}
              class="story-proposal"
              aria-label={`Proposed story ${i + 1}`}
              onSubmit={(e) => {
                e.preventDefault();
                void actions.saveStory({ name: names[i] ?? p.name, articleIds: p.articleIds }).then((id) => {
                  if (!id) return;
                  setProposals(proposals.filter((x) => x !== p));
                  actions.openStory(id);
                });
              }}
            >
              <label>
                <span class="small">Name</span>
                <input
                  value={names[i] ?? p.name}
                  maxLength={200}
                  onInput={(e) => setNames({ ...names, [i]: e.currentTarget.value })}
                />
              </label>
              <ul class="small">
                {p.articleIds.map((id) => {
                  const a = titleOf(id);
                  return <li key={id}>{a ? `${a.source ? `${a.source}: ` : ''}${a.title}` : id}</li>;
                })}
              </ul>
              <div class="card-actions">
                <button type="submit" class="small">
                  Confirm story
                </button>
                <button
                  type="button"
                  class="link-button small"
                  onClick={() => setProposals(proposals.filter((x) => x !== p))}
                >
                  Dismiss
                </button>
              </div>
            </form>
          ))}
        </div>
      )}
    </section>
  );
}
