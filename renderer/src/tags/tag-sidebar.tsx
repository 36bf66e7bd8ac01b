import { useEffect, useState } from 'preact/hooks';
import { useActions, useAppState } from '../state/context.js';

/** Tags with counts (sub-tags included), as a tree; click filters, the filter box takes AND / OR / NOT. */
export function TagSidebar() {
  const actions = useActions();
  const tags = useAppState((s) => s.tags);
  const filter = useAppState((s) => s.tagFilter);
  const onFilter = (expr: string) => void actions.setTagFilter(expr);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [expr, setExpr] = useState(filter);
  useEffect(() => setExpr(filter), [filter]);

  const rename = async (from: string) => {
    const to = newName.trim();
    setRenaming(null);
    if (!to || to === from) return;
    const exists = tags.some((t) => t.tag === to);
    await actions.call(async (api) => {
      const r = await api.renameTag(from, to);
      void actions.articleChanged();
      if (filter === from) onFilter(to);
      // Shown as it always was (in the error style); issue 12 makes it an info toast.
      if (exists) actions.error(`Merged “${from}” into “${to}” (${r.changed} items).`);
    });
  };

  if (tags.length === 0) return null;
  return (
    <section class="tag-sidebar" aria-label="Tags">
      <h3>Tags</h3>
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
                <form
                  class="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename(t.tag);
                  }}
                >
                  <input
                    type="text"
                    aria-label={`New name for ${t.tag} (an existing tag merges)`}
                    value={newName}
                    onInput={(e) => setNewName(e.currentTarget.value)}
                    onBlur={() => setRenaming(null)}
                    ref={(el) => el?.focus()}
                  />
                </form>
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
                    <span class="count">{t.count}</span>
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
                    onClick={() => {
                      setNewName(t.tag);
                      setRenaming(t.tag);
                    }}
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
