import { platform } from 'node:os';
import type { AppApi, AppInfo, Preferences, PreferencesPatch } from './api.js';
import type { CoreContext } from './context.js';
import { CoreError } from './errors.js';
import { BACKUP_SETTINGS, backupSettings } from './store/index.js';
import { VERSION } from './version.js';

/** The app-level preferences a front end keeps outside the library (its user-data folder). */
export type HostPreferences = Pick<Preferences, 'recentLibraries' | 'theme' | 'readerFont' | 'readerFontSize'>;

/**
 * What a front end that can host several libraries offers the core: its own preferences and
 * switching. The CLI has none: preferences are then defaults and switching is refused.
 */
export interface AppHost {
  preferences(): HostPreferences;
  savePreferences(patch: Partial<HostPreferences>): HostPreferences;
  /** Undefined where switching is not possible (a library given with --library or SCHOLIA_LIBRARY). */
  switchLibrary?(dir: string, intent: 'open' | 'create'): Promise<AppInfo>;
}

/** Something this front end or this moment cannot do (switching a library given on the command line...). */
export class UnavailableError extends CoreError<'unavailable'> {
  constructor(message: string) {
    super(message, 'unavailable');
  }
}

const NO_HOST_MESSAGE = 'Preferences can be changed in the app, not from the command line.';
const NO_HOST: AppHost = {
  preferences: () => ({ recentLibraries: [], theme: 'system', readerFont: 'serif', readerFontSize: 18 }),
  savePreferences() {
    throw new UnavailableError(NO_HOST_MESSAGE);
  },
};

export function createAppService(ctx: CoreContext, host: AppHost = NO_HOST): AppApi {
  const info = (): AppInfo => ({
    name: 'Scholia',
    version: VERSION,
    mode: ctx.mode,
    libraryDir: ctx.store.dir,
    platform: platform(),
  });
  const preferences = (): Preferences => ({
    libraryDir: ctx.store.dir,
    ...host.preferences(),
    ...backupSettings(ctx.store),
    canSwitchLibrary: Boolean(host.switchLibrary),
  });
  return {
    async getInfo() {
      return info();
    },
    async getPreferences() {
      return preferences();
    },
    async setPreferences(patch: PreferencesPatch) {
      const { backupIntervalHours, backupKeep, ...app } = patch;
      // All or nothing: refuse before the library's settings change when the app's cannot be saved.
      if (Object.keys(app).length && host === NO_HOST) throw new UnavailableError(NO_HOST_MESSAGE);
      if (backupIntervalHours !== undefined)
        await ctx.store.setSetting(BACKUP_SETTINGS.intervalHours, backupIntervalHours);
      if (backupKeep !== undefined) await ctx.store.setSetting(BACKUP_SETTINGS.keep, backupKeep);
      if (Object.keys(app).length) host.savePreferences(app);
      return preferences();
    },
    async switchLibrary(dir: string, intent: 'open' | 'create') {
      if (!host.switchLibrary) {
        throw new UnavailableError(
          'This Scholia was started with a given library (--library or SCHOLIA_LIBRARY); start it without one to switch libraries.',
        );
      }
      return host.switchLibrary(dir, intent);
    },
    async getProblems() {
      return ctx.problems.list();
    },
  };
}
