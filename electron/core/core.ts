// Opens a library and composes the rooms into the one ScholiaApi.
import type { AppInfo, ScholiaApi } from './api.js';
import { createCoreContext, type CoreContext } from './context.js';
import { JsonStore, SnapshotStore, createStoreAdminService } from './store/index.js';
import type { LibraryStore } from './store/types.js';
import { createAppService, type AppHost } from './app-service.js';
import { createArticlesService } from './articles/index.js';
import { createNotesService } from './notes/index.js';
import { createTrashService } from './trash/index.js';
import { createCollectionsService } from './collections/index.js';
import { createPassagesService } from './anchor/index.js';
import { createSearchService } from './search/index.js';
import { createTagsService } from './tags/index.js';
import { createExportService } from './export/index.js';
import { createCrossrefService } from './crossref/index.js';
import { createCiteService } from './cite/index.js';
import { createSyncService, type SyncSecrets, type SyncService } from './sync/index.js';
import { createPendingService } from './interop/api.js';
import { ensureFirstRun } from './first-run.js';
import type { Logger } from './log.js';

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
  /** The front end's preferences and library switching (desktop, browser mode); none in the CLI. */
  appHost?: AppHost;
  /** Injected store (tests); defaults to the library store on disk. */
  store?: LibraryStore;
  now?: () => Date;
  /** The front end's log (its file); none: nothing is logged. */
  log?: Logger;
  /** Where sync passwords and passphrases are kept (desktop: the OS keychain); default: environment + memory. */
  syncSecrets?: SyncSecrets;
}

export interface Core {
  api: ScholiaApi;
  ctx: CoreContext;
  /** The sync room (its contract methods are in `api`; the CLI also syncs with a given target). */
  sync: SyncService;
  close(): Promise<void>;
}

export async function openCore(opts: CoreOptions): Promise<Core> {
  const store =
    opts.store ??
    (opts.readOnly ? new SnapshotStore(opts.libraryDir) : new JsonStore(opts.libraryDir, { owner: opts.mode }));
  await store.open();
  const closers: Array<() => Promise<void>> = [];
  const ctx = createCoreContext({
    store,
    mode: opts.mode,
    log: opts.log,
    now: opts.now,
    onClose: (fn) => closers.push(fn),
  });
  const { log } = ctx;
  // A scheduled backup that fails is the user's concern (their safety net): listed by getProblems until one succeeds.
  if (store instanceof JsonStore)
    store.reportBackgroundTo((job, err) => {
      if (err === undefined) ctx.problems.resolve(job);
      else
        ctx.problems.report(
          job,
          'A scheduled backup failed: your library is safe, but its newest backup is older than planned.',
          err,
        );
    });
  const sync = createSyncService(ctx, { libraryDir: opts.libraryDir, secrets: opts.syncSecrets });
  const api: ScholiaApi = {
    ...createAppService(ctx, opts.appHost),
    ...createArticlesService(ctx),
    ...createNotesService(ctx),
    ...createTrashService(ctx),
    ...createCollectionsService(ctx),
    ...createPassagesService(ctx),
    ...createSearchService(ctx),
    ...createTagsService(ctx),
    ...createExportService(ctx),
    ...createStoreAdminService(ctx),
    ...createCrossrefService(ctx),
    ...createCiteService(ctx),
    getSyncStatus: sync.getSyncStatus,
    setSyncTarget: sync.setSyncTarget,
    syncNow: sync.syncNow,
    ...createPendingService(ctx),
  };
  if (opts.resourcesDir) await ensureFirstRun(ctx, api, opts.resourcesDir);
  return {
    api,
    ctx,
    sync,
    async close() {
      // Rooms save what they keep beside the library (a failure there loses nothing: indexes are rebuilt).
      await Promise.all(closers.map((fn) => fn().catch((err: unknown) => log.warn('core.close.save-failed', {}, err))));
      ctx.events.removeAllListeners();
      await store.close();
    },
  };
}
