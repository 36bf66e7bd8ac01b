// The renderer's side of the command table (electron/shared/commands.ts): keyboard
// shortcuts, the command palette, Preferences and About, and, in the desktop app,
// what main sends over its one channel (menu commands, scholia:// links, files
// opened with Scholia, notices). The app's own actions come in through props, so
// this component does not depend on how the rest of the renderer keeps its state.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ImportResult, Preferences, ScholiaApi } from '../../../electron/core/api.js';
import { COMMANDS, type CommandId, type CommandSpec, type Platform } from '../../../electron/shared/commands.js';
import { PreferencesDialog } from '../preferences/preferences-dialog.js';
import { applyAppearance } from '../preferences/appearance.js';
import { GuideDialog } from '../help/guide-dialog.js';
import '../preferences/preferences.css';
import { CommandPalette } from './command-palette.js';
import { detectPlatform, matches } from './keys.js';
import './commands.css';

export interface CommandContext {
  library: boolean;
  article: boolean;
}

export interface CommandHostProps {
  api: Pick<
    ScholiaApi,
    | 'getInfo'
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
  /** Carries out a command the app itself owns (import, new note, search...); false when it cannot now. */
  runAppCommand(id: CommandId): boolean;
  openPassage(id: string): void;
  openArticle(id: string): void;
  notify(kind: 'info' | 'error', text: string): void;
  /** Files the OS handed over were imported: show the usual report. */
  onImported(results: ImportResult[]): void;
  context: CommandContext;
}

const desktop = () => window.scholiaDesktop;

function selectionInReader(): boolean {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || !sel.toString().trim()) return false;
  const node = sel.anchorNode;
  const el = node instanceof Element ? node : node?.parentElement;
  return Boolean(el?.closest('.reader-article'));
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
}

export function CommandHost(props: CommandHostProps) {
  const platform: Platform = useMemo(() => detectPlatform(), []);
  const inDesktop = Boolean(desktop());
  const [palette, setPalette] = useState(false);
  const [prefs, setPrefs] = useState<{ intent?: 'open' | 'create' } | null>(null);
  const [about, setAbout] = useState<string | null>(null);
  const [guide, setGuide] = useState(false);
  const [selection, setSelection] = useState(false);
  const [theme, setTheme] = useState<Preferences['theme'] | undefined>();
  const appearance = useCallback((p: Preferences) => {
    applyAppearance(p);
    setTheme(p.theme);
  }, []);
  const propsRef = useRef(props);
  propsRef.current = props;

  /** The commands this front end offers: OS-only ones (the log, the library folder) only in the desktop app. */
  const commands = useMemo(
    () => (COMMANDS as readonly CommandSpec[]).filter((c) => inDesktop || !c.desktopOnly),
    [inDesktop],
  );
  const isEnabled = useCallback(
    (c: CommandSpec) => {
      const ctx = props.context;
      switch (c.when) {
        case 'library':
          return ctx.library;
        case 'article':
          return ctx.library && ctx.article;
        case 'selection':
          return ctx.library && ctx.article && selection;
        default:
          return true;
      }
    },
    [props.context, selection],
  );

  /**
   * Runs a command; true when something carried it out. `quiet` (a shortcut): say nothing when it
   * cannot run, so the browser's own meaning of the key (Ctrl+F: find in page) still applies.
   */
  const run = useCallback((id: CommandId, quiet = false): boolean => {
    const spec = COMMANDS.find((c) => c.id === id) as CommandSpec;
    switch (id) {
      case 'command-palette':
        setPalette(true);
        return true;
      case 'preferences':
        setPrefs({});
        return true;
      case 'open-library':
        setPrefs({ intent: 'open' });
        return true;
      case 'new-library':
        setPrefs({ intent: 'create' });
        return true;
      case 'help-docs':
        setGuide(true);
        return true;
      case 'about':
        void propsRef.current.api.getInfo().then(
          (i) =>
            setAbout(`Scholia ${i.version} · ${i.mode === 'desktop' ? 'desktop app' : 'browser mode'} · ${i.platform}`),
          () => setAbout('Scholia'),
        );
        return true;
    }
    if (spec.runs === 'main') {
      if (desktop()?.runCommand) {
        desktop()!.runCommand!(id);
        return true;
      }
      return false;
    }
    if (propsRef.current.runAppCommand(id)) return true;
    if (!quiet) {
      const why =
        spec.when === 'selection'
          ? 'Select some text in the article first.'
          : spec.when === 'article'
            ? 'Open an article first.'
            : `${spec.title.replace('…', '')} is not available right now.`;
      propsRef.current.notify('info', why);
    }
    return false;
  }, []);

  // Keyboard shortcuts from the table. In the desktop app, commands in the native menus get
  // their shortcuts from the menu (main sends them back here); the rest are handled here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      for (const c of commands) {
        const accel = c.keys?.[platform];
        if (!accel || !matches(accel, e)) continue;
        if (inDesktop && c.menus?.some((m) => m.menu !== 'selection')) return;
        // Text fields keep their own Shift+V (paste as plain text) and friends.
        if (isEditable(e.target) && /Shift\+[VCXZA]$/.test(accel)) return;
        if (isEnabled(c) && run(c.id as CommandId, true)) e.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, platform, inDesktop, isEnabled, run]);

  // Whether text is selected in the reader: enables the passage commands (and tells the desktop menus).
  useEffect(() => {
    const onSel = () => setSelection(selectionInReader());
    document.addEventListener('selectionchange', onSel);
    return () => document.removeEventListener('selectionchange', onSel);
  }, []);
  useEffect(() => {
    desktop()?.setUiState?.({ article: props.context.article, selection, theme });
  }, [props.context.article, selection, theme]);

  // The desktop app's one channel: menu commands, links and files from the OS, notices.
  useEffect(() => {
    const d = desktop();
    if (!d?.onCommand) return;
    return d.onCommand((m) => {
      const p = propsRef.current;
      if (m.type === 'command') void run(m.id);
      else if (m.type === 'open-link') (m.kind === 'passage' ? p.openPassage : p.openArticle)(m.id);
      else if (m.type === 'imported') p.onImported(m.results);
      else if (m.type === 'notice') p.notify(m.kind, m.text);
    });
  }, [run]);

  useEffect(() => {
    props.api.getPreferences().then(appearance, () => undefined);
  }, []);

  return (
    <>
      {palette && (
        <CommandPalette
          commands={commands}
          platform={platform}
          isEnabled={isEnabled}
          onRun={(id) => setTimeout(() => void run(id))}
          onClose={() => setPalette(false)}
        />
      )}
      {prefs && (
        <PreferencesDialog
          api={props.api}
          pickFolder={desktop()?.pickFolder}
          intent={prefs.intent}
          onChanged={appearance}
          // The desktop app reloads the page itself once the new library is open.
          onSwitched={() => {
            if (!inDesktop) location.reload();
          }}
          onClose={() => setPrefs(null)}
        />
      )}
      {about && <AboutDialog text={about} onClose={() => setAbout(null)} />}
      {guide && <GuideDialog onClose={() => setGuide(false)} />}
    </>
  );
}

function AboutDialog({ text, onClose }: { text: string; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog ref={ref} class="dialog about" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">About Scholia</h2>
      <p>{text}</p>
      <p class="muted small">An offline research notebook: your library stays on your computer.</p>
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
