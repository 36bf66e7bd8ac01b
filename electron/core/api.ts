// The one contract every front end uses: the renderer (through the preload in
// Electron, through the HTTP client in browser mode), the CLI and the tests.
// Each room of the core declares its part of the contract in its own file;
// this file composes them. The runtime list of methods and their argument
// validators is contract.ts, derived from the same parts.
import type { ArticlesApi } from './articles/api.js';
import type { NotesApi } from './notes/api.js';
import type { TrashApi } from './trash/api.js';
import type { PassagesApi } from './anchor/api.js';
import type { SearchApi } from './search/api.js';
import type { ExportApi } from './export/api.js';
import type { StoreAdminApi } from './store/api.js';
import type { TagsApi } from './tags/api.js';
import type { CrossrefApi } from './crossref/api.js';

export type { ArticlesApi, NotesApi, TrashApi, PassagesApi, SearchApi, ExportApi, StoreAdminApi, TagsApi, CrossrefApi };
export type * from './articles/api.js';
export type * from './notes/api.js';
export type * from './trash/api.js';
export type * from './anchor/api.js';
export type * from './search/api.js';
export type * from './export/api.js';
export type * from './store/api.js';
export type * from './tags/api.js';
export type * from './crossref/api.js';

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

export interface AppApi {
  getInfo(): Promise<AppInfo>;
}

export interface ScholiaApi
  extends
    AppApi,
    ArticlesApi,
    NotesApi,
    TrashApi,
    PassagesApi,
    SearchApi,
    TagsApi,
    ExportApi,
    StoreAdminApi,
    CrossrefApi {}

/** An error the API reports to a front end: message is for the user. */
export interface ApiErrorBody {
  error: string;
  code?: string;
}
