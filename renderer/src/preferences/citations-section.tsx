// Preferences → Citations: the style "Copy as citation" uses, and the library's own CSL styles (a
// journal's .csl file from the Zotero Style Repository or a publisher): add, see, remove. The core
// checks the file (a CSL style, an id not taken by a built-in) and keeps it in the library's settings,
// so exports and the CLI offer it too.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CitationStyleInfo, ScholiaApi } from '../../../electron/core/api.js';
import { citationStyle, rememberCitationStyle } from '../cite/copy-citation.js';

type CitationsApi = Pick<ScholiaApi, 'listCitationStyles' | 'addCitationStyle' | 'removeCitationStyle'>;

interface Props {
  api: CitationsApi;
  onMessage(m: { kind: 'ok' | 'error'; text: string }): void;
}

/** A .csl file is a few kilobytes; anything far larger is not one (and is refused before it is read). */
const MAX_STYLE_BYTES = 2 * 1024 * 1024;

export function CitationsSection({ api, onMessage }: Props) {
  const [styles, setStyles] = useState<CitationStyleInfo[] | null>(null);
  const [style, setStyle] = useState(citationStyle());
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const load = () =>
    api.listCitationStyles().then(setStyles, (err: Error) => onMessage({ kind: 'error', text: err.message }));
  useEffect(() => void load(), [api]);

  const choose = (id: string) => {
    setStyle(id);
    rememberCitationStyle(id);
    const title = styles?.find((s) => s.id === id)?.title ?? id;
    onMessage({ kind: 'ok', text: `Saved: citation style ${title}.` });
  };

  const add = async (file: File) => {
    if (file.size > MAX_STYLE_BYTES) {
      onMessage({ kind: 'error', text: `${file.name} is too large to be a citation style (.csl files are small).` });
      return;
    }
    setBusy(true);
    try {
      const added = await api.addCitationStyle(file.name, await file.text());
      await load();
      onMessage({ kind: 'ok', text: `Added the style “${added.title}”. Copy as citation and exports offer it now.` });
    } catch (err) {
      onMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const remove = async (s: CitationStyleInfo) => {
    setBusy(true);
    try {
      await api.removeCitationStyle(s.id);
      if (style === s.id) {
        setStyle('apa');
        rememberCitationStyle('apa');
      }
      await load();
      onMessage({ kind: 'ok', text: `Removed the style “${s.title}”.` });
    } catch (err) {
      onMessage({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const mine = styles?.filter((s) => !s.builtIn) ?? [];
  // The remembered style may have been removed elsewhere (another window, the CLI): shown as APA then.
  const shown = styles && !styles.some((s) => s.id === style) ? 'apa' : style;
  return (
    <section aria-labelledby="prefs-citations">
      <h3 id="prefs-citations">Citations</h3>
      <div class="prefs-row">
        <label for="prefs-cite-style">Copy as citation uses</label>
        <select id="prefs-cite-style" value={shown} disabled={!styles} onChange={(e) => choose(e.currentTarget.value)}>
          {(styles ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
              {s.builtIn ? '' : ' (yours)'}
            </option>
          ))}
        </select>
      </div>
      <h4 id="prefs-my-styles">Your styles</h4>
      {mine.length === 0 ? (
        <p class="muted small">
          None yet. A journal’s style is a .csl file (the Zotero Style Repository has over 10,000); add it here.
        </p>
      ) : (
        <ul class="prefs-styles" aria-labelledby="prefs-my-styles">
          {mine.map((s) => (
            <li key={s.id}>
              <span>{s.title}</span>
              <button
                type="button"
                class="link"
                disabled={busy}
                aria-label={`Remove the style ${s.title}`}
                onClick={() => void remove(s)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="prefs-actions">
        <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
          Add a style (.csl)…
        </button>
        <input
          ref={fileRef}
          class="visually-hidden"
          type="file"
          accept=".csl,application/vnd.citationstyles.style+xml"
          aria-label="Choose a citation style file"
          data-testid="add-style-input"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void add(f);
          }}
        />
      </div>
    </section>
  );
}
