import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleDetail, ArticleMetaPatch } from '../../../electron/core/api.js';

const FIELDS: Array<{
  key: 'title' | 'source' | 'author' | 'published' | 'url';
  label: string;
  type?: 'text' | 'date' | 'url';
}> = [
  { key: 'title', label: 'Title' },
  { key: 'source', label: 'Source (outlet)' },
  { key: 'author', label: 'Author' },
  { key: 'published', label: 'Published', type: 'date' },
  { key: 'url', label: 'URL', type: 'url' },
];

export function MetadataDialog({
  article,
  onSave,
  onClose,
}: {
  article: ArticleDetail;
  onSave(patch: ArticleMetaPatch): void;
  onClose(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState({
    title: article.title,
    source: article.source,
    author: article.author,
    published: article.published?.slice(0, 10) ?? '',
    url: article.url,
  });
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="meta-title" onClose={onClose}>
      <h2 id="meta-title">Article details</h2>
      <form
        method="dialog"
        class="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ ...values, published: values.published || null });
        }}
      >
        {FIELDS.map((f) => (
          <label key={f.key}>
            <span>{f.label}</span>
            <input
              type={(f.type ?? 'text') as 'text' /* text, date or url */}
              value={values[f.key]}
              onInput={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
            />
          </label>
        ))}
        <div class="dialog-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" class="primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
