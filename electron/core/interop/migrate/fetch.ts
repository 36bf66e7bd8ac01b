// Fetching the "to fetch" list: one page at a time, spaced out (sites are not
// hammered by a 10,000-link Pocket export), cancellable between pages. A page
// that fails keeps its reason and stays listed; when the network itself is
// unreachable the run stops and every page waits, marked with nothing.
import type { CoreContext } from '../../context.js';
import { type ImportInput, ImportError, extractWithReport, fetchUrl } from '../../import/index.js';
import type { PendingEntry } from '../../model.js';
import { hasPendingStore, type PendingStore } from '../../store/types.js';
import { contentHash } from '../../text.js';
import { normalizeUrl } from '../annotations/read.js';
import type {
  FetchOutcome,
  FetchProgress,
  ListPendingOptions,
  PendingApi,
  PendingPage,
  PendingSummary,
} from '../types.js';
import { buildArticle, placeHighlights } from './article.js';

export interface FetcherOptions {
  /** Least time between two requests (rate limit). Default 1 s. */
  intervalMs?: number;
  /** One page's time limit. Default 20 s. */
  timeoutMs?: number;
  /** Consecutive "could not be reached" failures, with nothing fetched in between, that mean "offline". */
  offlineAfter?: number;
  /** How pages are downloaded (tests give a stand-in). */
  fetchPage?: (url: string, timeoutMs: number) => Promise<ImportInput>;
}

const MAX_OUTCOMES = 500;
/** A page's own change rides the journal; the run folds them into library.json once, at its end. */
const ONE_PAGE = { fold: false };

function summary(e: PendingEntry): PendingSummary {
  return {
    id: e.id,
    url: e.url,
    title: e.title,
    tags: e.tags,
    savedAt: e.savedAt,
    addedAt: e.addedAt,
    origin: e.origin,
    state: e.state,
    ...(e.error ? { error: e.error } : {}),
    attempts: e.attempts ?? 0,
    highlights: e.highlights?.length ?? 0,
    read: Boolean(e.read),
    archived: Boolean(e.archived),
  };
}

function idle(): FetchProgress {
  return {
    running: false,
    total: 0,
    done: 0,
    fetched: 0,
    failed: 0,
    offline: false,
    cancelled: false,
    message: '',
    outcomes: [],
  };
}

/** "could not be reached", as fetchUrl words a network failure (DNS, refused, reset, no route). */
function unreachable(err: unknown): boolean {
  return err instanceof ImportError && err.code === 'fetch-failed' && /could not be reached/.test(err.message);
}

export class PendingFetcher {
  private progress: FetchProgress = idle();
  private cancelRequested = false;
  private run: Promise<void> | null = null;
  private readonly opts: Required<FetcherOptions>;

  constructor(
    private readonly ctx: CoreContext,
    opts: FetcherOptions = {},
  ) {
    this.opts = {
      intervalMs: opts.intervalMs ?? 1000,
      timeoutMs: opts.timeoutMs ?? 20_000,
      offlineAfter: opts.offlineAfter ?? 3,
      fetchPage: opts.fetchPage ?? ((url, timeoutMs) => fetchUrl(url, { timeoutMs })),
    };
  }

  private get store(): PendingStore {
    const s = this.ctx.store;
    if (!hasPendingStore(s)) throw new ImportError('This library cannot keep pages to fetch.', 'invalid');
    return s;
  }

  list(opts: ListPendingOptions = {}): PendingPage {
    const all = hasPendingStore(this.ctx.store) ? this.ctx.store.listPending() : [];
    const chosen = opts.state ? all.filter((e) => e.state === opts.state) : all;
    const offset = opts.offset ?? 0;
    const limit = opts.limit ?? 200;
    const failed = all.filter((e) => e.state === 'failed').length;
    return {
      total: chosen.length,
      waiting: all.length - failed,
      failed,
      entries: chosen.slice(offset, offset + limit).map(summary),
    };
  }

  snapshot(): FetchProgress {
    return { ...this.progress, outcomes: [...this.progress.outcomes] };
  }

  /** Starts a run over the given entries (all when omitted) unless one is going. */
  start(ids?: string[]): FetchProgress {
    if (this.run) return this.snapshot();
    const all = this.store.listPending();
    const wanted = ids ? new Set(ids) : null;
    const queue = all.filter((e) => !wanted || wanted.has(e.id)).map((e) => e.id);
    this.cancelRequested = false;
    this.progress = {
      ...idle(),
      running: queue.length > 0,
      total: queue.length,
      message: queue.length ? `Fetching ${queue.length} page(s)…` : 'Nothing to fetch.',
    };
    if (queue.length === 0) return this.snapshot();
    this.run = this.loop(queue)
      .catch((err: unknown) => {
        this.progress.message = `Fetching stopped: ${(err as Error).message}`;
        this.ctx.log.warn('interop.fetch.stopped', { room: 'interop' }, err);
      })
      .finally(async () => {
        await this.store.foldPending().catch(() => undefined); // retried at the next write or at close
        this.progress.running = false;
        this.progress.current = undefined;
        this.run = null;
      });
    return this.snapshot();
  }

  cancel(): FetchProgress {
    if (this.run) this.cancelRequested = true;
    return this.snapshot();
  }

  /** Resolves when the current run (if any) has finished. */
  async settled(): Promise<FetchProgress> {
    await this.run;
    return this.snapshot();
  }

  private record(o: FetchOutcome): void {
    const p = this.progress;
    p.outcomes.push(o);
    if (p.outcomes.length > MAX_OUTCOMES) p.outcomes.shift();
    if (o.status === 'offline') return; // still waiting: not done
    p.done++;
    if (o.status === 'failed') p.failed++;
    else p.fetched++;
  }

  private async markFailed(entry: PendingEntry, reason: string): Promise<void> {
    await this.store.putPending(
      [
        {
          ...entry,
          state: 'failed',
          error: reason,
          attempts: (entry.attempts ?? 0) + 1,
          lastTriedAt: this.ctx.now().toISOString(),
        },
      ],
      ONE_PAGE,
    );
    this.record({ id: entry.id, url: entry.url, title: entry.title, status: 'failed', error: reason });
  }

  private async loop(queue: string[]): Promise<void> {
    const p = this.progress;
    let lastRequest = 0;
    // Pages that could not be reached, in a row: failures of their own, or the network gone (held until we know).
    let unreachableRun: Array<{ entry: PendingEntry; reason: string }> = [];
    const flush = async () => {
      for (const u of unreachableRun) await this.markFailed(u.entry, u.reason);
      unreachableRun = [];
    };
    for (const id of queue) {
      if (this.cancelRequested) break;
      const entry = this.store.getPending(id);
      if (!entry) continue; // removed meanwhile
      const wait = lastRequest + this.opts.intervalMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (this.cancelRequested) break;
      p.current = entry.url;
      lastRequest = Date.now();
      let input: ImportInput;
      try {
        input = await this.opts.fetchPage(entry.url, this.opts.timeoutMs);
      } catch (err) {
        const reason = err instanceof ImportError ? err.message : (err as Error).message;
        if (!unreachable(err)) {
          await flush();
          await this.markFailed(entry, reason);
          continue;
        }
        unreachableRun.push({ entry, reason });
        if (unreachableRun.length >= this.opts.offlineAfter) {
          // Not these sites: the network. Everything waits, and nothing is marked failed.
          for (const u of unreachableRun) {
            this.record({ id: u.entry.id, url: u.entry.url, title: u.entry.title, status: 'offline', error: u.reason });
          }
          p.offline = true;
          break;
        }
        continue;
      }
      await flush();
      this.record(await this.store1(entry, input));
    }
    if (!p.offline) await flush();
    p.cancelled = this.cancelRequested;
    const waiting = this.store.listPending().filter((e) => e.state === 'waiting').length;
    p.message = p.offline
      ? `You seem to be offline: ${waiting} page(s) wait to be fetched; try again when you are connected.`
      : `${p.cancelled ? 'Stopped' : 'Done'}: ${p.fetched} fetched, ${p.failed} failed${p.cancelled ? `, ${p.total - p.done} not tried` : ''}.`;
  }

  async remove(ids: string[]): Promise<void> {
    await this.store.removePending(ids);
  }

  /** Stores one fetched page as an article with the entry's facts and highlights; the entry goes. */
  private async store1(entry: PendingEntry, input: ImportInput): Promise<FetchOutcome> {
    const { store } = this.ctx;
    const base = { id: entry.id, url: entry.url, title: entry.title };
    const now = this.ctx.now().toISOString();
    let ex;
    try {
      ex = (await extractWithReport({ ...input, url: input.url ?? entry.url })).articles[0];
      if (!ex) throw new ImportError('the page holds no article text');
    } catch (err) {
      const reason = err instanceof ImportError ? err.message : (err as Error).message;
      await this.store.putPending(
        [{ ...entry, state: 'failed', error: reason, attempts: (entry.attempts ?? 0) + 1, lastTriedAt: now }],
        ONE_PAGE,
      );
      return { ...base, status: 'failed', error: reason };
    }
    const key = normalizeUrl(entry.url);
    const hash = contentHash(ex.text);
    const existing = store
      .listArticles()
      .find(
        (a) =>
          a.contentHash === hash || (key !== null && (normalizeUrl(a.url) === key || normalizeUrl(a.origin) === key)),
      );
    const target = existing ?? null;
    let articleId: string;
    let text: string;
    if (target) {
      articleId = target.id;
      text = (await store.getArticleBody(target.id))?.text ?? '';
    } else {
      const built = buildArticle(
        ex,
        {
          title: entry.title && entry.title !== entry.url ? entry.title : ex.title,
          url: entry.url,
          tags: entry.tags,
          savedAt: entry.savedAt,
          author: entry.author,
          source: entry.source,
          published: entry.published,
          read: entry.read,
          archived: entry.archived,
        },
        entry.origin,
        now,
      );
      await store.putArticle(built.meta, built.body);
      articleId = built.meta.id;
      text = ex.text;
    }
    const known = store.listPassages(articleId);
    const fresh = (entry.highlights ?? []).filter((h) => !known.some((p) => p.quote.exact === h.quote));
    const placed = placeHighlights(articleId, text, fresh, now);
    if (placed.passages.length) await store.putPassages(placed.passages);
    await this.store.removePending([entry.id], ONE_PAGE);
    if (!target) this.ctx.events.emit('article:changed', articleId);
    for (const ps of placed.passages) this.ctx.events.emit('passage:changed', ps.id);
    return {
      ...base,
      status: target ? 'duplicate' : 'fetched',
      articleId,
      passages: placed.passages.length - placed.orphans.length,
      orphans: placed.orphans.length,
    };
  }
}

export function createPendingService(ctx: CoreContext, opts: FetcherOptions = {}): PendingApi {
  const fetcher = new PendingFetcher(ctx, opts);
  ctx.onClose?.(async () => {
    fetcher.cancel();
    await fetcher.settled();
  });
  return {
    async listPending(opts) {
      return fetcher.list(opts);
    },
    async fetchPending(ids) {
      return fetcher.start(ids);
    },
    async getFetchProgress() {
      return fetcher.snapshot();
    },
    async cancelFetchPending() {
      return fetcher.cancel();
    },
    async removePending(ids) {
      await fetcher.remove(ids);
    },
  };
}
