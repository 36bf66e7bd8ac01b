// Opens a library and composes the rooms into the one ScholiaApi.
import type { AppInfo, ScholiaApi } from './api.js';
import { CoreEventBus, type CoreContext } from './context.js';
import { JsonStore } from './store/json-store.js';
import { SnapshotStore } from './store/snapshot.js';
import type { LibraryStore } from './store/types.js';
import { createAppService } from './app-service.js';
import { createArticlesService } from './articles/service.js';
import { createNotesService } from './notes/service.js';
import { createTrashService } from './trash/service.js';
import { createPassagesService } from './anchor/service.js';
import { createSearchService } from './search/service.js';
import { createTagsService } from './tags/service.js';
import { createExportService } from './export/service.js';
import { createStoreAdminService } from './store/service.js';
import { createCrossrefService } from './crossref/service.js';
import { ensureFirstRun } from './first-run.js';

export interface CoreOptions {
  libraryDir: string;
  mode: AppInfo['mode'];
  /**
   * The app's resources folder. When given, a library's first open adds the
   * welcome article from it (the app does; the CLI and most tests do not).
   */
  resourcesDir?: string;
  /**
   * Read a consistent snapshot without taking the writer lock (the app may hold the library): for
   * commands that only read. Every change is refused; nothing is written into the library.
   */
  readOnly?: boolean;
  /** Injected store (tests); defaults to the library store on disk. */
  store?: LibraryStore;
  now?: () => Date;
}

export interface Core {
  api: ScholiaApi;
  ctx: CoreContext;
  close(): Promise<void>;
}

export async function openCore(opts: CoreOptions): Promise<Core> {
  const store =
    opts.store ??
    (opts.readOnly ? new SnapshotStore(opts.libraryDir) : new JsonStore(opts.libraryDir, { owner: opts.mode }));
  await store.open();
  const closers: Array<() => Promise<void>> = [];
  const ctx: CoreContext = {
    store,
    events: new CoreEventBus(),
    mode: opts.mode,
    now: opts.now ?? (() => new Date()),
    onClose: (fn) => closers.push(fn),
  };
  const api: ScholiaApi = {
    ...createAppService(ctx),
    ...createArticlesService(ctx),
    ...createNotesService(ctx),
    ...createTrashService(ctx),
    ...createPassagesService(ctx),
    ...createSearchService(ctx),
    ...createTagsService(ctx),
    ...createExportService(ctx),
    ...createStoreAdminService(ctx),
    ...createCrossrefService(ctx),
  };
  if (opts.resourcesDir) await ensureFirstRun(ctx, api, opts.resourcesDir);
  return {
    api,
    ctx,
    async close() {
      // Rooms save what they keep beside the library (a failure there loses nothing: indexes are rebuilt).
      await Promise.all(closers.map((fn) => fn().catch(() => undefined)));
      ctx.events.removeAllListeners();
      await store.close();
    },
  };
}
