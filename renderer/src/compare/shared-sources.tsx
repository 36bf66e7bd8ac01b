import { useEffect, useState } from 'preact/hooks';
import type { SharedPassage } from '../../../electron/core/api.js';
import { useActions, useApi } from '../state/context.js';

/** Under an article's title: the other sources that carry some of its passages, with a Compare button. */
export function SharedSources({ articleId, version }: { articleId: string; version: unknown }) {
  const actions = useActions();
  const api = useApi();
  const [shared, setShared] = useState<SharedPassage[]>([]);
  useEffect(() => {
    let live = true;
    api.sharedPassages(articleId).then(
      (s) => live && setShared(s),
      () => live && setShared([]),
    );
    return () => {
      live = false;
    };
  }, [articleId, version]);

  const others = new Map<string, { title: string; source: string; passages: number }>();
  for (const s of shared) {
    for (const m of s.matches) {
      const o = others.get(m.articleId) ?? { title: m.title, source: m.source, passages: 0 };
      o.passages++;
      others.set(m.articleId, o);
    }
  }
  if (others.size === 0) return null;
  return (
    <section class="shared-sources" aria-label="Other sources carrying passages of this article">
      <span class="muted small">Also reported in:</span>
      {[...others].map(([id, o]) => (
        <span key={id} class="shared-source">
          <strong>{o.source || o.title}</strong>{' '}
          <span class="muted small">
            ({o.passages} shared passage{o.passages === 1 ? '' : 's'})
          </span>{' '}
          <button type="button" class="link-button small" onClick={() => actions.compareArticles(articleId, id)}>
            Compare side by side
          </button>
        </span>
      ))}
    </section>
  );
}
