// The one contract every front end uses: the renderer (through the preload in
// Electron, through the HTTP client in browser mode), the CLI and the tests.
// Each room of the core declares its part of the contract in its own file;
// this file composes them. The runtime list of methods and their argument
// validators is contract.ts, derived from the same parts.
import type { ArticlesApi } from './articles/api.js';
import type { NotesApi } from './notes/api.js';
import type { TrashApi } from './trash/api.js';
import type { CollectionsApi } from './collections/api.js';
import type { PassagesApi } from './anchor/api.js';
import type { SearchApi } from './search/api.js';
import type { ExportApi } from './export/api.js';
import type { StoreAdminApi } from './store/api.js';
import type { TagsApi } from './tags/api.js';
import type { CrossrefApi } from './crossref/api.js';
import type { CiteApi } from './cite/api.js';
import type { SyncApi } from './sync/api.js';
import type { PendingApi } from './interop/types.js';
import type { ErrorCode } from './errors.js';

export type {
  ArticlesApi,
  NotesApi,
  TrashApi,
  CollectionsApi,
  PassagesApi,
  SearchApi,
  ExportApi,
  StoreAdminApi,
  TagsApi,
  CrossrefApi,
  CiteApi,
  SyncApi,
  PendingApi,
};
export type * from './articles/api.js';
export type * from './notes/api.js';
export type * from './trash/api.js';
export type * from './collections/api.js';
export type * from './anchor/api.js';
export type * from './search/api.js';
export type * from './export/api.js';
export type * from './store/api.js';
export type * from './tags/api.js';
export type * from './crossref/api.js';
export type * from './cite/api.js';
export type * from './sync/api.js';
export type * from './interop/types.js';

export interface AppInfo {
  name: string;
  version: string;
  /** 'desktop' in the Electron window, 'browser' in browser mode, 'cli' headless. */
  mode: 'desktop' | 'browser' | 'cli';
  libraryDir: string;
  platform: string;
  /**
   * Set when the library could not be opened (damaged, locked by another
   * Scholia): the front end shows a recovery screen instead of the library.
   * Only getInfo, doctor, listBackups and restoreBackup answer then.
   */
  recovery?: { problem: string; code: string };
}

/** A background job that failed and concerns the user's data (see problems.ts). */
export interface Problem {
  /** Which job: 'crossref.catch-up', 'search.index', 'store.scheduled-backup'... */
  key: string;
  code: ErrorCode;
  /** What the user reads: what failed and what it means for their data. */
  message: string;
  /** First and latest failure (ISO). */
  since: string;
  last: string;
  count: number;
}

/** Preferences: the app's own (kept in the user-data folder, shared by desktop and browser mode) and this library's backup schedule (kept in the library). */
export interface Preferences {
  /** The open library. */
  libraryDir: string;
  /** Libraries opened before, most recent first. */
  recentLibraries: string[];
  theme: 'system' | 'light' | 'dark';
  readerFont: 'serif' | 'sans' | 'mono';
  /** Reader text size in CSS pixels (12-28). */
  readerFontSize: number;
  /** Automatic backups of this library every this many hours; 0 = none (manual backups still work). */
  backupIntervalHours: number;
  /** How many backups of this library to keep (the newest, then one per hour for a day, one per day for a month). */
  backupKeep: number;
  /** False where the front end cannot switch libraries (the CLI, a library opened with --library). */
  canSwitchLibrary: boolean;
}

export type PreferencesPatch = Partial<
  Pick<Preferences, 'theme' | 'readerFont' | 'readerFontSize' | 'backupIntervalHours' | 'backupKeep'>
>;

export interface AppApi {
  getInfo(): Promise<AppInfo>;
  getPreferences(): Promise<Preferences>;
  setPreferences(patch: PreferencesPatch): Promise<Preferences>;
  /**
   * Closes this library and opens another without restarting: 'open' an existing library folder,
   * or 'create' a new one in an empty or new folder. On failure the current library stays open.
   */
  switchLibrary(dir: string, intent: 'open' | 'create'): Promise<AppInfo>;
  /** Background work that failed and concerns the user's data (a scheduled backup, an index); empty when all is well. */
  getProblems(): Promise<Problem[]>;
}

export interface ScholiaApi
  extends
    AppApi,
    ArticlesApi,
    NotesApi,
    TrashApi,
    CollectionsApi,
    PassagesApi,
    SearchApi,
    TagsApi,
    ExportApi,
    StoreAdminApi,
    CrossrefApi,
    CiteApi,
    SyncApi,
    PendingApi {}

/** An error the API reports to a front end: message is for the user. */
export interface ApiErrorBody {
  error: string;
  code?: string;
}
