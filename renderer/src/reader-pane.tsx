import { useMemo, useState } from 'preact/hooks';
import type { ArticleDetail } from '../../electron/core/api.js';
import { formatDate, plural } from './format.js';
import { MetadataDialog } from './metadata-dialog.js';

interface Props {
  article: ArticleDetail | null;
  onChanged(): void;
  onError(message: string): void;
}

/** Paragraphs of the canonical text with their offsets: the reader's DOM maps 1:1 onto text positions. */
export function paragraphs(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let pos = 0;
  for (const part of text.split('\n\n')) {
    out.push({ start: pos, text: part });
    pos += part.length + 2;
  }
  return out;
}

export function ReaderPane({ article, onChanged, onError }: Props) {
  const [showRemoved, setShowRemoved] = useState(false);
  const [editing, setEditing] = useState(false);
  const paras = useMemo(() => (article ? paragraphs(article.text) : []), [article]);

  if (!article) {
    return (
      <main id="reader" class="pane reader empty" aria-label="Reader" tabIndex={-1}>
        <p class="muted">Choose an article from your library to read it here.</p>
      </main>
    );
  }
  const meta = [article.source, article.author, formatDate(article.published), plural(article.words, 'word')].filter(
    Boolean,
  );
  return (
    <main id="reader" class="pane reader" aria-label="Reader" tabIndex={-1}>
      <article class="reader-article" lang={article.lang || undefined}>
        <header class="reader-header">
          <h1>{article.title}</h1>
          <p class="reader-meta">
            {meta.join(' · ')}
            {article.url && (
              <>
                {' · '}
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  original
                </a>
              </>
            )}
          </p>
          <div class="reader-actions">
            <button type="button" class="link-button" onClick={() => setEditing(true)}>
              Edit details
            </button>
          </div>
        </header>
        <div class="reader-text" data-article-id={article.id}>
          {paras.map((p) => (
            <p key={p.start} data-start={p.start}>
              {p.text}
            </p>
          ))}
        </div>
        {article.removed.length > 0 && (
          <section class="removed" aria-label="Text set aside at import">
            <button
              type="button"
              class="link-button"
              aria-expanded={showRemoved}
              onClick={() => setShowRemoved(!showRemoved)}
            >
              {showRemoved ? 'Hide' : 'Show'} {plural(article.removed.length, 'block')} set aside at import
            </button>
            {showRemoved && (
              <ul>
                {article.removed.map((b) => (
                  <li key={b.id}>
                    <span class="reason">{b.reason}</span>
                    <blockquote>{b.text}</blockquote>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </article>
      {editing && (
        <MetadataDialog
          article={article}
          onClose={() => setEditing(false)}
          onSave={async (patch) => {
            try {
              await window.scholia.updateArticle(article.id, patch);
              setEditing(false);
              onChanged();
            } catch (err) {
              onError((err as Error).message);
            }
          }}
        />
      )}
    </main>
  );
}
