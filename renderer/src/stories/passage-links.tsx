// A passage's typed links (corroborates, contradicts, quotes, paraphrases,
// updates, or the user's own label), read from either end, and the form that
// links it to another highlight. Shown on the passage card and in the story view.
import { useEffect, useState } from 'preact/hooks';
import type { LinkRelation, PassageLinkView, PassageView } from '../../../electron/core/api.js';
import { useActions, useApi, useAppState } from '../state/context.js';

export const RELATIONS: { id: LinkRelation; out: string; in: string }[] = [
  { id: 'corroborates', out: 'Corroborates', in: 'Corroborated by' },
  { id: 'contradicts', out: 'Contradicts', in: 'Contradicted by' },
  { id: 'quotes', out: 'Quotes', in: 'Quoted by' },
  { id: 'paraphrases', out: 'Paraphrases', in: 'Paraphrased by' },
  { id: 'updates', out: 'Updates', in: 'Updated by' },
  { id: 'other', out: 'Other (your label)', in: 'Other (your label)' },
];

function short(q: string, n = 80): string {
  const s = q.replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s;
}

/** How a link reads from `passageId`'s side. */
export function linkPhrase(l: PassageLinkView, passageId: string): { relation: string; other: PassageLinkView['to'] } {
  const outgoing = l.fromId === passageId;
  const r = RELATIONS.find((x) => x.id === l.relation)!;
  const relation =
    l.relation === 'other'
      ? outgoing
        ? (l.label ?? 'Relates to')
        : `${l.label ?? 'Relates to'} (from)`
      : outgoing
        ? r.out
        : r.in;
  return { relation, other: outgoing ? l.to : l.from };
}

interface Props {
  passageId: string;
  /** Called after a link was made or removed (the caller may reload what shows links). */
  onChanged?(): void;
  /** Changes whenever links may have changed elsewhere (reloads the list). */
  version?: number;
}

export function PassageLinks({ passageId, onChanged, version }: Props) {
  const api = useApi();
  const actions = useActions();
  const [links, setLinks] = useState<PassageLinkView[]>([]);
  const [form, setForm] = useState(false);
  const [targets, setTargets] = useState<PassageView[]>([]);
  const [relation, setRelation] = useState<LinkRelation>('corroborates');
  const [target, setTarget] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const [tick, setTick] = useState(0);
  const articles = useAppState((s) => s.articles);
  const sourceOf = (articleId: string) => articles?.find((a) => a.id === articleId)?.source ?? '';

  useEffect(() => {
    let live = true;
    api
      .listPassageLinks(passageId)
      .then((l) => live && setLinks(l))
      .catch(() => live && setLinks([]));
    return () => {
      live = false;
    };
  }, [passageId, tick, version]);

  const openForm = () => {
    setForm(true);
    setError('');
    void api.listPassages().then((all) => {
      const others = all.filter((p) => p.id !== passageId && p.state !== 'orphan');
      setTargets(others);
      setTarget((t) => t || others[0]?.id || '');
    });
  };
  const changed = () => {
    setTick((t) => t + 1);
    onChanged?.();
  };

  const idBase = `link-${passageId}`;
  return (
    <div class="passage-links">
      {links.length > 0 && (
        <ul class="link-list" aria-label="Linked passages">
          {links.map((l) => {
            const { relation: rel, other } = linkPhrase(l, passageId);
            return (
              <li key={l.id} class={`link-item link-${l.relation}`}>
                <span class="link-relation">{rel}</span> <q>{short(other.quote)}</q>
                {other.source && <span class="muted small"> ({other.source})</span>}{' '}
                <button type="button" class="link-button small" onClick={() => void actions.openPassage(other.id)}>
                  Show
                </button>{' '}
                <button
                  type="button"
                  class="link-button small danger"
                  aria-label={`Remove link: ${rel} ${short(other.quote, 40)}`}
                  onClick={() =>
                    void actions.call(async (a) => {
                      await a.deletePassageLink(l.id);
                      changed();
                    })
                  }
                >
                  Unlink
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {!form ? (
        <button type="button" class="link-button small" onClick={openForm}>
          Link to another highlight…
        </button>
      ) : (
        <form
          class="link-form"
          aria-label="Link to another highlight"
          onSubmit={(e) => {
            e.preventDefault();
            if (!target) return setError('Choose the highlight to link to.');
            void api
              .linkPassages({
                fromId: passageId,
                toId: target,
                relation,
                ...(label.trim() ? { label: label.trim() } : {}),
              })
              .then(() => {
                setForm(false);
                setLabel('');
                changed();
              })
              .catch((err: Error) => setError(err.message));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setForm(false);
            }
          }}
        >
          <label for={`${idBase}-rel`}>This highlight</label>
          <select
            id={`${idBase}-rel`}
            value={relation}
            onChange={(e) => setRelation(e.currentTarget.value as LinkRelation)}
          >
            {RELATIONS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.out.toLowerCase()}
              </option>
            ))}
          </select>
          {relation === 'other' && (
            <input
              aria-label="Your label for the link"
              placeholder="e.g. disputes the figure"
              maxLength={200}
              value={label}
              onInput={(e) => setLabel(e.currentTarget.value)}
            />
          )}
          <label for={`${idBase}-to`}>Highlight</label>
          <select id={`${idBase}-to`} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            {targets.length === 0 && <option value="">No other highlight yet</option>}
            {targets.map((p) => (
              <option key={p.id} value={p.id}>
                {sourceOf(p.articleId) ? `${sourceOf(p.articleId)}: ` : ''}
                {short(p.quote.exact, 70)}
              </option>
            ))}
          </select>
          <div class="card-actions">
            <button type="submit" class="small">
              Link
            </button>
            <button type="button" class="link-button small" onClick={() => setForm(false)}>
              Cancel
            </button>
          </div>
          {error && (
            <p class="filter-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
