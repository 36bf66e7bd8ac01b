import { useState } from 'preact/hooks';
import type { TagTarget } from '../../../electron/core/api.js';
import { useActions, useApi } from '../state/context.js';
import { TagInput } from './tag-input.js';

interface Props {
  targets: TagTarget[];
  tags: string[];
  /** Called after the tags changed (the caller reloads what shows them). */
  onChanged(): void | Promise<void>;
  label: string;
}

/** Tags of an article, note or passage: remove with ×, add by typing (hierarchical: `ukraine/drones`). */
export function TagChips({ targets, tags, onChanged, label }: Props) {
  const { call } = useActions();
  const api = useApi();
  const [adding, setAdding] = useState(false);
  const run = (fn: () => Promise<unknown>) =>
    call(async () => {
      await fn();
      await onChanged();
    });
  return (
    <div class="tag-chips" role="group" aria-label={label}>
      {tags.map((t) => (
        <span key={t} class="tag">
          {t}
          <button
            type="button"
            class="tag-remove"
            aria-label={`Remove tag ${t}`}
            onClick={() => run(() => api.removeTags(targets, [t]))}
          >
            ×
          </button>
        </span>
      ))}
      {adding ? (
        <TagInput
          label="New tag (use / for a tag inside another)"
          placeholder="tag, e.g. ukraine/drones"
          autoFocus
          exclude={tags}
          onSubmit={(tagsToAdd) => {
            setAdding(false);
            void run(() => api.addTags(targets, tagsToAdd));
          }}
          onCancel={() => setAdding(false)}
          onBlur={(v) => !v && setAdding(false)}
        />
      ) : (
        <button type="button" class="link-button small" onClick={() => setAdding(true)}>
          + tag
        </button>
      )}
    </div>
  );
}
