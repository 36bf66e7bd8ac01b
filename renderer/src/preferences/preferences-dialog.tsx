import { useEffect, useRef, useState } from 'preact/hooks';
import type { Preferences, PreferencesPatch, ScholiaApi } from '../../../electron/core/api.js';
import { CitationsSection } from './citations-section.js';
import { SyncSection } from './sync-section.js';

type PrefsApi = Pick<
  ScholiaApi,
  | 'getPreferences'
  | 'setPreferences'
  | 'switchLibrary'
  | 'getSyncStatus'
  | 'setSyncTarget'
  | 'syncNow'
  | 'listCitationStyles'
  | 'addCitationStyle'
  | 'removeCitationStyle'
>;

interface Props {
  api: PrefsApi;
  /** The desktop's native folder dialog; absent in browser mode (the path is typed). */
  pickFolder?: (intent: 'open' | 'create') => Promise<string | null>;
  /** Opened from "Open library…" / "New library…": that section first, with the folder dialog shown. */
  intent?: 'open' | 'create';
  onChanged(prefs: Preferences): void;
  /** The library was switched: the page shows the new one (the desktop app reloads it itself). */
  onSwitched(): void;
  onClose(): void;
}

const LABELS: Record<keyof PreferencesPatch, string> = {
  theme: 'theme',
  readerFont: 'reader font',
  readerFontSize: 'reader text size',
  backupIntervalHours: 'automatic backup',
  backupKeep: 'backups to keep',
};

const INTERVALS: { hours: number; label: string }[] = [
  { hours: 0, label: 'Never (manual backups only)' },
  { hours: 1, label: 'Every hour' },
  { hours: 6, label: 'Every 6 hours' },
  { hours: 24, label: 'Every day' },
  { hours: 168, label: 'Every week' },
];

/** Preferences: the library (open, new, recent, switch without restart), appearance, backups. Changes apply at once. */
export function PreferencesDialog({ api, pickFolder, intent, onChanged, onSwitched, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const [folder, setFolder] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ref.current?.showModal();
    api.getPreferences().then(setPrefs, (err: Error) => setStatus({ kind: 'error', text: err.message }));
  }, [api]);
  // Opened for Open/New library: once the preferences are in, go straight to the folder.
  const intentDone = useRef(false);
  useEffect(() => {
    if (!prefs || !intent || intentDone.current) return;
    intentDone.current = true;
    folderRef.current?.focus();
    if (pickFolder) void browse(intent);
  });

  const update = async (patch: PreferencesPatch) => {
    try {
      const next = await api.setPreferences(patch);
      setPrefs(next);
      onChanged(next);
      const what = Object.keys(patch).map((k) => LABELS[k as keyof PreferencesPatch]);
      setStatus({ kind: 'ok', text: `Saved: ${what.join(', ')}.` });
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
    }
  };

  const switchTo = async (dir: string, how: 'open' | 'create') => {
    if (!dir.trim()) {
      setStatus({ kind: 'error', text: 'Type or choose the library folder first.' });
      folderRef.current?.focus();
      return;
    }
    setBusy(true);
    setStatus({ kind: 'ok', text: how === 'open' ? 'Opening the library…' : 'Creating the library…' });
    try {
      await api.switchLibrary(dir.trim(), how);
      ref.current?.close();
      onSwitched();
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  async function browse(how: 'open' | 'create') {
    const dir = await pickFolder?.(how);
    if (dir) {
      setFolder(dir);
      await switchTo(dir, how);
    }
  }

  const recent = prefs?.recentLibraries.filter((d) => d !== prefs.libraryDir) ?? [];
  return (
    <dialog ref={ref} class="dialog wide preferences" aria-labelledby="prefs-title" onClose={onClose}>
      <h2 id="prefs-title">Preferences</h2>
      {!prefs ? (
        <p>{status?.text ?? 'Loading…'}</p>
      ) : (
        <>
          <section aria-labelledby="prefs-library">
            <h3 id="prefs-library">Library</h3>
            <p class="muted small">
              Open now: <code class="prefs-path">{prefs.libraryDir}</code>
            </p>
            {prefs.canSwitchLibrary ? (
              <>
                <div class="prefs-row">
                  <label for="prefs-folder">Library folder</label>
                  <input
                    id="prefs-folder"
                    ref={folderRef}
                    type="text"
                    spellcheck={false}
                    placeholder={pickFolder ? 'Choose a folder, or type its full path' : 'Full path of a folder'}
                    value={folder}
                    onInput={(e) => setFolder(e.currentTarget.value)}
                  />
                </div>
                <div class="prefs-actions">
                  {pickFolder && (
                    <>
                      <button type="button" disabled={busy} onClick={() => void browse('open')}>
                        Open library…
                      </button>
                      <button type="button" disabled={busy} onClick={() => void browse('create')}>
                        New library…
                      </button>
                    </>
                  )}
                  <button type="button" disabled={busy || !folder.trim()} onClick={() => void switchTo(folder, 'open')}>
                    Open library
                  </button>
                  <button
                    type="button"
                    disabled={busy || !folder.trim()}
                    onClick={() => void switchTo(folder, 'create')}
                  >
                    New library
                  </button>
                </div>
                {recent.length > 0 && (
                  <>
                    <h4 id="prefs-recent">Recent libraries</h4>
                    <ul class="prefs-recent" aria-labelledby="prefs-recent">
                      {recent.map((dir) => (
                        <li key={dir}>
                          <button type="button" class="link" disabled={busy} onClick={() => void switchTo(dir, 'open')}>
                            {dir}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            ) : (
              <p class="muted small">This Scholia was started with a fixed library; start it without one to switch.</p>
            )}
          </section>

          <section aria-labelledby="prefs-appearance">
            <h3 id="prefs-appearance">Appearance</h3>
            <fieldset class="prefs-row">
              <legend>Theme</legend>
              {(['system', 'light', 'dark'] as const).map((t) => (
                <label key={t} class="inline">
                  <input
                    type="radio"
                    name="theme"
                    value={t}
                    checked={prefs.theme === t}
                    onChange={() => void update({ theme: t })}
                  />
                  {t === 'system' ? 'Same as the system' : t === 'light' ? 'Light' : 'Dark'}
                </label>
              ))}
            </fieldset>
            <div class="prefs-row">
              <label for="prefs-font">Reader font</label>
              <select
                id="prefs-font"
                value={prefs.readerFont}
                onChange={(e) => void update({ readerFont: e.currentTarget.value as Preferences['readerFont'] })}
              >
                <option value="serif">Serif</option>
                <option value="sans">Sans-serif</option>
                <option value="mono">Monospace</option>
              </select>
            </div>
            <div class="prefs-row">
              <label for="prefs-size">Reader text size</label>
              <input
                id="prefs-size"
                type="number"
                min={12}
                max={28}
                step={1}
                value={prefs.readerFontSize}
                onChange={(e) => {
                  const n = Number(e.currentTarget.value);
                  if (Number.isInteger(n) && n >= 12 && n <= 28) void update({ readerFontSize: n });
                  else setStatus({ kind: 'error', text: 'The text size is a whole number from 12 to 28.' });
                }}
              />
              <span class="muted small">px</span>
            </div>
          </section>

          <section aria-labelledby="prefs-backups">
            <h3 id="prefs-backups">Backups of this library</h3>
            <div class="prefs-row">
              <label for="prefs-interval">Automatic backup</label>
              <select
                id="prefs-interval"
                value={String(prefs.backupIntervalHours)}
                onChange={(e) => void update({ backupIntervalHours: Number(e.currentTarget.value) })}
              >
                {INTERVALS.map((i) => (
                  <option key={i.hours} value={String(i.hours)}>
                    {i.label}
                  </option>
                ))}
              </select>
            </div>
            <div class="prefs-row">
              <label for="prefs-keep">Backups to keep</label>
              <input
                id="prefs-keep"
                type="number"
                min={1}
                max={200}
                value={prefs.backupKeep}
                onChange={(e) => {
                  const n = Number(e.currentTarget.value);
                  if (Number.isInteger(n) && n >= 1 && n <= 200) void update({ backupKeep: n });
                  else setStatus({ kind: 'error', text: 'Keep between 1 and 200 backups.' });
                }}
              />
            </div>
            <p class="muted small">The newest are kept, then one per hour for a day and one per day for a month.</p>
          </section>

          <CitationsSection api={api} onMessage={setStatus} />

          <SyncSection api={api} onMessage={setStatus} />
        </>
      )}
      <p role="status" aria-live="polite" class={status?.kind === 'error' ? 'prefs-status error' : 'prefs-status'}>
        {status?.text ?? ''}
      </p>
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={() => ref.current?.close()}>
          Done
        </button>
      </div>
    </dialog>
  );
}
