import { useEffect, useState } from 'preact/hooks';
import { crossref, type AlsoInMatch } from './crossref-client.js';
import './compare.css';

interface Props {
  passageId: string;
  onCompare(otherArticleId: string): void;
}

/** Other articles of the library that carry a highlighted passage (the same quote in another outlet). */
export function AlsoIn({ passageId, onCompare }: Props) {
  const [matches, setMatches] = useState<AlsoInMatch[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setMatches(null);
    setError('');
    crossref()
      .passageAlsoIn(passageId)
      .then((m) => live && setMatches(m))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [passageId]);

  const headingId = `also-in-${passageId}`;
  return (
    <section class="also-in" aria-labelledby={headingId}>
      <h3 id={headingId} class="also-in-heading">
        Also in
      </h3>
      {error && (
        <p class="compare-error" role="alert">
          {error}
        </p>
      )}
      {!matches && !error && <p class="compare-muted">Looking in other articles…</p>}
      {matches && matches.length === 0 && (
        <p class="compare-muted">No other article in your library carries this passage.</p>
      )}
      {matches && matches.length > 0 && (
        <ul class="also-in-list">
          {matches.map((m) => (
            <li key={`${m.articleId}:${m.start}`} class="also-in-item">
              <p class="also-in-source">
                <strong>{m.source || 'Unknown source'}</strong>
                <span class="compare-muted"> · {m.title || 'Untitled'}</span>
              </p>
              <blockquote class="also-in-quote">{m.text}</blockquote>
              <p class="also-in-actions">
                <span class="compare-muted">
                  {m.similarity >= 0.999 ? 'Word for word' : `${Math.round(m.similarity * 100)}% alike`}
                </span>
                <button type="button" onClick={() => onCompare(m.articleId)}>
                  Compare side by side<span class="visually-hidden"> with {m.source || m.title}</span>
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
