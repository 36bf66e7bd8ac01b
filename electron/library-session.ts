// A front end's handle on the library. When the library opens, calls go to
// the core. When it cannot (damaged file, another Scholia holding it), the
// session stays up in recovery: the front end can check the library, list
// backups and restore one, and the library is opened again after a restore.
// Nothing is repaired or overwritten without the user's say.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AppInfo, ScholiaApi } from './core/api.js';
import { API_METHODS } from './core/contract.js';
import { openCore, type Core, type CoreOptions } from './core/core.js';
import { doctor, listBackups, restoreBackup } from './core/store/index.js';
import { StoreError } from './core/store/types.js';
import { VERSION } from './core/version.js';
import { hideLibraryPath } from './errors.js';
import { createAppService, UnavailableError, type AppHost } from './core/app-service.js';
import { defaultPreferences, withLibrary, type PreferencesFile } from './desktop/preferences.js';

export class LibrarySession {
  core: Core | undefined;
  problem: StoreError | undefined;
  /** Stable object whose methods follow the current state: hand it to IPC or HTTP once. */
  readonly api: ScholiaApi;

  private constructor(private readonly opts: CoreOptions) {
    const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const method of API_METHODS) {
      api[method] = async (...args: unknown[]) => {
        try {
          if (this.core) return await (this.core.api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
          return await this.recoveryCall(method, args);
        } catch (err) {
          throw hideLibraryPath(err, opts.libraryDir);
        }
      };
    }
    this.api = api as unknown as ScholiaApi;
  }

  static async open(opts: CoreOptions): Promise<LibrarySession> {
    const s = new LibrarySession(opts);
    await s.tryOpen();
    return s;
  }

  /** Opens the core; a StoreError leaves the session in recovery (other errors propagate). */
  private async tryOpen(): Promise<void> {
    try {
      this.core = await openCore(this.opts);
      this.problem = undefined;
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      this.problem = err;
    }
  }

  private async recoveryCall(method: string, args: unknown[]): Promise<unknown> {
    const dir = this.opts.libraryDir;
    switch (method) {
      case 'getInfo': {
        const info: AppInfo = {
          name: 'Scholia',
          version: VERSION,
          mode: this.opts.mode,
          libraryDir: dir,
          platform: process.platform,
          recovery: { problem: this.problem?.message ?? 'The library is not open.', code: this.problem?.code ?? 'io' },
        };
        return info;
      }
      case 'getProblems':
        return [];
      // Preferences and switching to another library work while this one is damaged or locked.
      case 'getPreferences':
      case 'switchLibrary':
      case 'setPreferences': {
        const app = createAppService(this.recoveryContext(), this.opts.appHost);
        return (app[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      }
      case 'doctor':
        return doctor(dir);
      case 'listBackups':
        return listBackups(dir);
      case 'restoreBackup': {
        const result = await restoreBackup(dir, args[0] as string | undefined);
        await this.tryOpen();
        if (this.problem) throw this.problem;
        return result;
      }
      default:
        throw new StoreError(
          `${this.problem?.message ?? 'The library is not open.'} Restore a backup or fix the library first.`,
          this.problem?.code ?? 'io',
        );
    }
  }

  /** Just enough of a core context for the app service while the library is not open: no settings. */
  private recoveryContext(): Parameters<typeof createAppService>[0] {
    const dir = this.opts.libraryDir;
    const store = {
      dir,
      getSetting: () => undefined,
      setSetting: async () => {
        throw new UnavailableError('The library is not open: its backup schedule cannot be changed now.');
      },
    };
    return { store, mode: this.opts.mode } as unknown as Parameters<typeof createAppService>[0];
  }

  async close(): Promise<void> {
    await this.core?.close();
    this.core = undefined;
  }
}

/** Is this folder a Scholia library, empty (usable for a new one), or something else? */
export function libraryFolderKind(dir: string): 'library' | 'empty' | 'missing' | 'other' {
  if (!existsSync(dir)) return 'missing';
  if (!statSync(dir).isDirectory()) return 'other';
  if (existsSync(path.join(dir, 'library.json'))) return 'library';
  const entries = readdirSync(dir).filter((e) => !e.startsWith('.'));
  return entries.length === 0 ? 'empty' : 'other';
}

/** Checks a folder chosen for Open library… or New library… and says plainly what is wrong with it. */
export function checkLibraryChoice(dir: string, intent: 'open' | 'create'): string | undefined {
  if (!path.isAbsolute(dir)) return 'Give the library folder as a full path.';
  const kind = libraryFolderKind(dir);
  if (intent === 'open') {
    if (kind === 'library') return undefined;
    return kind === 'missing'
      ? `There is no folder at ${dir}.`
      : `${dir} is not a Scholia library (it has no library.json). Use New library… to start one there.`;
  }
  if (kind === 'empty' || kind === 'missing') return undefined;
  return kind === 'library'
    ? `${dir} already holds a Scholia library: use Open library… instead.`
    : `${dir} is not empty. Choose an empty or new folder for a new library, so nothing of yours gets mixed in.`;
}

/**
 * Holds the open library for a front end and lets the user switch libraries without restarting.
 * `api` is one stable object: calls made while a library is opening wait for it (the window shows
 * "opening" meanwhile), then go to whichever library is current.
 */
export interface LibraryHostOptions {
  /** Told after a switch: the front end remembers the library and reloads its page. */
  onSwitched?: (dir: string, recovery: boolean) => void;
  /** Where the app's preferences live (user-data folder); without it preferences are defaults and read-only. */
  preferences?: PreferencesFile;
  /** False when the library was given explicitly (--library, SCHOLIA_LIBRARY): switching is then refused. */
  canSwitch?: boolean;
}

/**
 * Holds the open library for a front end and lets the user switch libraries without restarting.
 * `api` is one stable object: calls made while a library is opening wait for it (the window shows
 * "opening" meanwhile), then go to whichever library is current.
 */
export class LibraryHost {
  readonly api: ScholiaApi;
  private current: Promise<LibrarySession>;
  private dirNow: string;
  private readonly base: Omit<CoreOptions, 'libraryDir'>;

  constructor(
    libraryDir: string,
    base: Omit<CoreOptions, 'libraryDir' | 'appHost'>,
    private readonly hostOpts: LibraryHostOptions = {},
  ) {
    this.dirNow = libraryDir;
    const prefs = hostOpts.preferences;
    const appHost: AppHost = {
      preferences: () => {
        const p = prefs?.load() ?? defaultPreferences();
        return {
          recentLibraries: p.recentLibraries,
          theme: p.theme,
          readerFont: p.readerFont,
          readerFontSize: p.readerFontSize,
        };
      },
      savePreferences: (patch) => {
        if (!prefs) throw new UnavailableError('Preferences cannot be saved here.');
        const next = { ...prefs.load(), ...patch };
        prefs.save(next);
        return appHost.preferences();
      },
      switchLibrary:
        hostOpts.canSwitch === false
          ? undefined
          : async (dir, intent) => {
              const s = await this.switchTo(dir, intent);
              return s.api.getInfo();
            },
    };
    this.base = { ...base, appHost };
    this.current = LibrarySession.open({ ...this.base, libraryDir });
    const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const method of API_METHODS) {
      api[method] = async (...args: unknown[]) =>
        ((await this.current).api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    }
    this.api = api as unknown as ScholiaApi;
  }

  get libraryDir(): string {
    return this.dirNow;
  }

  /** Resolves when the current library is open (or in recovery); rejects on an unexpected error. */
  session(): Promise<LibrarySession> {
    return this.current;
  }

  /**
   * Closes the current library and opens another. If the new one cannot be opened at all, the
   * previous one is opened again and the error is thrown: the user is never left without a library.
   */
  async switchTo(dir: string, intent: 'open' | 'create'): Promise<LibrarySession> {
    const problem = checkLibraryChoice(dir, intent);
    if (problem) throw new StoreError(problem, 'not-found');
    const previous = this.dirNow;
    const oldSession = this.current;
    // Set synchronously: calls made from now on wait for the new library, not the closing one.
    const next = (async () => {
      const old = await oldSession.catch(() => undefined);
      await old?.close();
      try {
        if (intent === 'create') mkdirSync(dir, { recursive: true });
        const s = await LibrarySession.open({ ...this.base, libraryDir: dir });
        this.dirNow = dir;
        // The library left behind goes into the recent list too (browser mode never recorded its first one).
        const prefs = this.hostOpts.preferences;
        if (prefs) prefs.save(withLibrary(withLibrary(prefs.load(), previous), s.problem ? previous : dir));
        this.hostOpts.onSwitched?.(dir, Boolean(s.problem));
        return s;
      } catch (err) {
        this.current = LibrarySession.open({ ...this.base, libraryDir: previous });
        throw err;
      }
    })();
    this.current = next;
    return next;
  }

  async close(): Promise<void> {
    const s = await this.current.catch(() => undefined);
    await s?.close();
  }
}
