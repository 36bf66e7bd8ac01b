import { useEffect, useState } from 'preact/hooks';
import type { TagInfo } from '../../../electron/core/api.js';

interface Props {
  /** Bumped by the app when anything that carries tags changes. */
  version: number;
  /** The current filter expression ('' for none). */
  filter: string;
  onFilter(expr: string): void;
  onChanged(): void;
  onError(message: string): void;
}

/** Tags with counts (sub-tags included), as a tree; click filters, the filter box takes AND / OR / NOT. */
export function TagSidebar({ version, filter, onFilter, onChanged, onError }: Props) {
  const [tags, setTags] = useState<TagInfo[]>([]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [expr, setExpr] = useState(filter);
  useEffect(() => setExpr(filter), [filter]);
  useEffect(() => {
    window.scholia.listTags().then(setTags, (e: Error) => onError(e.message));
  }, [version, onError]);

  const rename = async (from: string) => {
    const to = newName.trim();
    setRenaming(null);
    if (!to || to === from) return;
    try {
      const exists = tags.some((t) => t.tag === to);
      const r = await window.scholia.renameTag(from, to);
      onChanged();
      if (filter === from) onFilter(to);
      if (exists) onError(`Merged “${from}” into “${to}” (${r.changed} items).`);
    } catch (err) {
      onError((err as Error).message);
    }
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
                    onChange={async (e) => {
                      try {
                        await window.scholia.setTagColor(t.tag, e.currentTarget.value);
                        onChanged();
                      } catch (err) {
                        onError((err as Error).message);
                      }
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
