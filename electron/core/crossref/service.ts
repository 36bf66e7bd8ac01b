// Cross-source passages over the library: a shingle index built lazily from
// the stored bodies on the first question, kept current from the change
// events (and checked against the article list on every question, so a
// restored backup or an event missed is caught up), and word-level matching
// of the few candidate articles it names.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../context.js';
import type { ArticleMeta } from '../model.js';
import { writeFileDurable } from '../store/index.js';
import { StoreError } from '../store/types.js';
import type { AlsoInMatch, Comparison, CrossrefApi, SharedPassage, SharedPassagesOptions } from './api.js';
import { counterpart, groupShared, type OtherArticle } from './grouping.js';
import { daysBetween, enoughEvidence, runWeight, sameOutlet } from './evidence.js';
import { alignPrepared, DEFAULT_MIN_WORDS, prepareText, SEED_K, type AlignedPair, type PreparedText } from './match.js';
import { createStoriesService } from './stories.js';
import { boilerplatePrints, fingerprints, ShingleIndex } from './shingle-index.js';

export const CROSSREF_INDEX_FILE = 'crossref-index.bin';
/** Saving waits for a quiet half-minute (and happens at close). */
const SAVE_DELAY_MS = 30_000;

/** Prepared texts kept in memory: the article read and the ones it is compared with. */
const CACHE_SIZE = 64;

function notFound(what: string, id: string): StoreError {
  return new StoreError(`No ${what} with id ${id}`, 'not-found');
}

export interface CrossrefService extends CrossrefApi {
  /** Brings the index up to date with the library now (otherwise done on the first question). */
  warm(): Promise<void>;
}

export function createCrossrefService(ctx: CoreContext): CrossrefService {
  // Kept beside the library so opening a large one does not reread every article (10k: 18 s on this
  // machine) before "Also reported in" can answer; checked against the article list on every question.
  const file = path.join(ctx.store.dir, CROSSREF_INDEX_FILE);
  let index = new ShingleIndex();
  let loaded = false;
  let dirty = false;
  let closed = false;
  let saveTimer: NodeJS.Timeout | undefined;
  const cache = new Map<string, { version: string; prepared: PreparedText }>();
  let syncing: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const log = ctx.log.child({ room: 'crossref' });

  async function save(): Promise<void> {
    clearTimeout(saveTimer);
    if (!dirty) return;
    dirty = false;
    try {
      await writeFileDurable(file, index.serialize());
    } catch (err) {
      // A cache (e.g. a full disk): nothing of the user's is lost, the index is rebuilt from the bodies next time.
      dirty = true;
      log.warn('crossref.save.failed', {}, err);
    }
  }
  function scheduleSave(): void {
    if (closed || ctx.mode === 'cli') return; // the CLI saves when it closes
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), SAVE_DELAY_MS);
    saveTimer.unref?.();
  }
  ctx.onClose?.(async () => {
    // A failed catch-up was already answered to the question that started it; closing only waits for it.
    await syncing?.catch(() => undefined);
    closed = true;
    await save();
  });

  // The check on every question would find these too; the events just drop
  // stale cached texts at once.
  ctx.events.on('article:changed', (id) => cache.delete(id));
  ctx.events.on('article:removed', (id) => {
    cache.delete(id);
    if (index.has(id)) dirty = true;
    index.remove(id);
  });

  async function bodyText(id: string): Promise<string | undefined> {
    return (await ctx.store.getArticleBody(id))?.text;
  }

  /**
   * Indexes what changed since the last question; one catch-up at a time. `syncing` is cleared only
   * once the catch-up has settled and only if it is still the current one: a catch-up with nothing
   * to read runs to its end synchronously, and clearing it from inside (before `syncing` was even
   * assigned) left a settled promise in place that answered every later question with a stale index.
   */
  function sync(): Promise<void> {
    if (syncing) {
      // The running catch-up may have read the article list before this question's change: ask again after it.
      queued ??= syncing
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return sync();
        });
      return queued;
    }
    const run = catchUp().then(
      () => undefined,
      (err: unknown) => {
        log.warn('crossref.catch-up.failed', {}, err);
        throw err;
      },
    );
    syncing = run;
    const clear = () => {
      if (syncing === run) syncing = null;
    };
    run.then(clear, clear);
    return run;
  }

  async function catchUp(): Promise<void> {
    if (!loaded) {
      loaded = true;
      try {
        index = ShingleIndex.deserialize(await fs.readFile(file));
      } catch (err) {
        dirty = true; // missing, from another version or damaged: built from the bodies below
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.info('crossref.index.rebuilt', {}, err);
      }
    }
    const metas = ctx.store.listArticles();
    const live = new Set<string>();
    // Changed articles are fingerprinted first and added in one batch (one sort for a whole library).
    const changed: { id: string; version: string; prints: Uint32Array; boiler: Uint32Array }[] = [];
    for (const m of metas) {
      live.add(m.id);
      if (index.versionOf(m.id) === m.contentHash) continue;
      const body = await ctx.store.getArticleBody(m.id);
      if (body === undefined) index.remove(m.id);
      else
        changed.push({
          id: m.id,
          version: m.contentHash,
          prints: fingerprints(body.text),
          boiler: boilerplatePrints(body.removed ?? []),
        });
      dirty = true;
    }
    index.addMany(changed);
    for (const id of index.ids()) {
      if (live.has(id)) continue;
      index.remove(id);
      dirty = true;
    }
    if (dirty) scheduleSave();
    log.debug('crossref.caught-up', { changed: changed.length, articles: metas.length });
  }

  function metaOf(id: string): ArticleMeta {
    const meta = ctx.store.getArticleMeta(id);
    if (!meta) throw notFound('article', id);
    return meta;
  }

  async function prepared(meta: ArticleMeta): Promise<PreparedText> {
    const hit = cache.get(meta.id);
    if (hit && hit.version === meta.contentHash) {
      cache.delete(meta.id);
      cache.set(meta.id, hit); // most recently used last
      return hit.prepared;
    }
    const text = await bodyText(meta.id);
    if (text === undefined) throw notFound('article', meta.id);
    const p = prepareText(text);
    cache.set(meta.id, { version: meta.contentHash, prepared: p });
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return p;
  }

  /**
   * The pairs that are evidence of a common source: runs inside set-aside boilerplate dropped, and
   * none at all when their rarity-weighted words fall short of the bar for these two articles
   * (evidence.ts). `self` is the side the pairs' aTok index.
   */
  function evident(self: PreparedText, selfMeta: ArticleMeta | undefined, other: ArticleMeta, pairs: AlignedPair[]) {
    const weighed = pairs.map((p) => ({
      pair: p,
      words: p.aTok[1] - p.aTok[0],
      weight: runWeight(self.seeds.subarray(p.aTok[0], Math.max(p.aTok[0], p.aTok[1] - SEED_K + 1)), index),
    }));
    const kept = weighed.filter((w) => w.weight > 0);
    const ok = enoughEvidence(kept, {
      sameSource: selfMeta ? sameOutlet(selfMeta.source, other.source) : false,
      daysApart: selfMeta ? daysBetween(selfMeta.published, other.published) : null,
    });
    return ok ? kept.map((w) => w.pair) : [];
  }

  /** The articles that may share text with an article of the library, or with a text of its own. */
  async function others(of: { id: string } | { text: string }): Promise<OtherArticle[]> {
    await sync();
    const out: OtherArticle[] = [];
    const found = 'id' in of ? index.candidates(of.id) : index.candidatesFor(fingerprints(of.text));
    for (const c of found) {
      const meta = ctx.store.getArticleMeta(c.id);
      if (!meta) continue;
      out.push({ id: meta.id, title: meta.title, source: meta.source, meta, prepared: await prepared(meta) });
    }
    return out;
  }

  const stories = createStoriesService(ctx, {
    prepared,
    async related(meta) {
      const self = await prepared(meta);
      const out = [];
      for (const o of await others({ id: meta.id }))
        out.push({
          meta: o.meta,
          prepared: o.prepared,
          pairs: evident(self, meta, o.meta, alignPrepared(self, o.prepared)),
        });
      return out;
    },
  });

  return {
    ...stories,
    warm: sync,

    async sharedPassages(articleId: string, opts?: SharedPassagesOptions): Promise<SharedPassage[]> {
      const meta = metaOf(articleId);
      const self = await prepared(meta);
      const minWords = Math.max(DEFAULT_MIN_WORDS, opts?.minWords ?? DEFAULT_MIN_WORDS);
      const found = [];
      for (const o of await others({ id: articleId })) {
        for (const p of evident(self, meta, o.meta, alignPrepared(self, o.prepared, { minWords }))) {
          found.push({
            aStart: p.aStart,
            aEnd: p.aEnd,
            match: {
              articleId: o.id,
              title: o.title,
              source: o.source,
              start: p.bStart,
              end: p.bEnd,
              text: o.prepared.text.slice(p.bStart, p.bEnd),
              similarity: p.similarity,
              kind: p.kind,
            },
          });
        }
      }
      return groupShared(self.text, found);
    },

    async compareArticles(aId: string, bId: string): Promise<Comparison> {
      const a = metaOf(aId);
      const b = metaOf(bId);
      const pairs =
        aId === bId
          ? []
          : alignPrepared(await prepared(a), await prepared(b)).map((p) => ({
              aStart: p.aStart,
              aEnd: p.aEnd,
              bStart: p.bStart,
              bEnd: p.bEnd,
              similarity: p.similarity,
              kind: p.kind,
            }));
      const side = (m: ArticleMeta) => ({ id: m.id, title: m.title, source: m.source, published: m.published });
      return { a: side(a), b: side(b), pairs };
    },

    async passageAlsoIn(passageId: string): Promise<AlsoInMatch[]> {
      const passage = ctx.store.getPassage(passageId);
      if (!passage) throw notFound('passage', passageId);
      // An orphan has no place in its article's text any more: its quote is
      // matched on its own, against every other article.
      const orphan = passage.state === 'orphan';
      const meta = orphan ? undefined : metaOf(passage.articleId);
      const self = meta ? await prepared(meta) : prepareText(passage.quote.exact);
      const { start, end } = meta ? passage.position : { start: 0, end: passage.quote.exact.length };
      const out: AlsoInMatch[] = [];
      for (const o of await others(meta ? { id: meta.id } : { text: passage.quote.exact })) {
        if (o.id === passage.articleId && orphan) continue;
        const pairs = evident(self, meta, o.meta, alignPrepared(self, o.prepared)).filter(
          (p) => p.aEnd > start && p.aStart < end,
        );
        if (pairs.length === 0) continue;
        const m = counterpart(self, start, end, o, pairs, DEFAULT_MIN_WORDS);
        if (m) out.push(m);
      }
      return out.sort((x, y) => y.similarity - x.similarity || x.articleId.localeCompare(y.articleId));
    },
  };
}
