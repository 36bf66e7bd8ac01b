import { useEffect, useState } from 'preact/hooks';
import type { TagInfo } from '../../../electron/core/api.js';
import { useActions, useAppState } from '../state/context.js';
import { TagInput } from './tag-input.js';
import { SavedSearches } from './saved-searches.js';
import './tag-sidebar.css';

/** What a tag's count counts, said in full for screen readers and the tooltip. */
export function countLabel(t: TagInfo): string {
  const parts = [
    t.articles ? `${t.articles} article${t.articles === 1 ? '' : 's'}` : '',
    t.passages ? `${t.passages} passage${t.passages === 1 ? '' : 's'}` : '',
    t.notes ? `${t.notes} note${t.notes === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'nothing';
}

/** Tags with counts (sub-tags included), as a tree; click filters, the filter box takes AND / OR / NOT. */
export function TagSidebar() {
  const actions = useActions();
  const tags = useAppState((s) => s.tags);
  const filter = useAppState((s) => s.tagFilter);
  const onFilter = (expr: string) => void actions.setTagFilter(expr);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [expr, setExpr] = useState(filter);
  useEffect(() => setExpr(filter), [filter]);

  const rename = async (from: string, newName: string) => {
    const to = newName.trim();
    setRenaming(null);
    if (!to || to === from) return;
    const exists = tags.some((t) => t.tag === to);
    await actions.call(async (api) => {
      const r = await api.renameTag(from, to);
      void actions.articleChanged();
      if (filter === from) onFilter(to);
      if (exists) actions.success(`Merged “${from}” into “${to}” (${r.changed} items).`);
    });
  };

  if (tags.length === 0) return <SavedSearches />;
  return (
    <section class="tag-sidebar" aria-label="Tags">
      <SavedSearches />
      <h3>Tags</h3>
      <p class="tag-legend" aria-hidden="true">
        <span class="kind-a">articles</span> · <span class="kind-p">passages</span> · <span class="kind-n">notes</span>
      </p>
      <form
        class="tag-filter"
        onSubmit={(e) => {
          e.preventDefault();
          onFilter(expr.trim());
        }}
      >
        <input
          type="search"
          aria-label="Filter by tags (AND, OR, NOT)"
          placeholder="ukraine AND NOT ukraine/drones"
          value={expr}
          onInput={(e) => {
            setExpr(e.currentTarget.value);
            if (!e.currentTarget.value) onFilter('');
          }}
        />
      </form>
      <ul class="tag-tree">
        {tags.map((t) => {
          const depth = t.tag.split('/').length - 1;
          const name = t.tag.split('/').pop();
          return (
            <li key={t.tag} style={{ paddingLeft: `${depth * 14}px` }}>
              {renaming === t.tag ? (
                <TagInput
                  label={`New name for ${t.tag} (an existing tag merges)`}
                  multiple={false}
                  autoFocus
                  initial={t.tag}
                  exclude={[t.tag]}
                  onSubmit={([to]) => void rename(t.tag, to ?? '')}
                  onCancel={() => setRenaming(null)}
                  onBlur={() => setRenaming(null)}
                />
              ) : (
                <>
                  <button
                    type="button"
                    class={`tag-node${filter === t.tag ? ' active' : ''}`}
                    aria-pressed={filter === t.tag}
                    title={t.tag}
                    onClick={() => onFilter(filter === t.tag ? '' : t.tag)}
                  >
                    <span class="tag-dot" style={t.color ? { background: t.color } : undefined} />
                    {name}
                    <span class="kind-counts" title={countLabel(t)}>
                      <span class="visually-hidden">{countLabel(t)}</span>
                      <span aria-hidden="true">
                        {t.articles > 0 && <span class="kind-a">{t.articles}</span>}
                        {t.passages > 0 && <span class="kind-p">{t.passages}</span>}
                        {t.notes > 0 && <span class="kind-n">{t.notes}</span>}
                      </span>
                    </span>
                  </button>
                  <input
                    type="color"
                    class="tag-color tag-edit"
                    aria-label={`Colour for tag ${t.tag}`}
                    value={t.color && /^#[0-9a-f]{6}$/i.test(t.color) ? t.color : '#8a93a6'}
                    onChange={(e) => {
                      const color = e.currentTarget.value;
                      void actions.call(async (api) => {
                        await api.setTagColor(t.tag, color);
                        await actions.articleChanged();
                      });
                    }}
                  />
                  <button
                    type="button"
                    class="link-button small tag-edit"
                    aria-label={`Rename or merge tag ${t.tag}`}
                    onClick={() => setRenaming(t.tag)}
                  >
                    rename
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
