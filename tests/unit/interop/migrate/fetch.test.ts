// The "to fetch" list: pages fetched when the user asks, one at a time and spaced
// out, cancellable; failures kept with their reason; offline, everything waits.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../../electron/core/context.js';
import { PendingFetcher, detectInterchange, importInterchange } from '../../../../electron/core/interop/api.js';
import { ImportError } from '../../../../electron/core/import/index.js';
import type { JsonStore } from '../../../../electron/core/store/index.js';
import { openJsonLibrary } from '../../export/library.js';

const PARAGRAPH =
  'Naval drones have pushed the fleet back from the western Black Sea, and cheap boats loaded with explosives now threaten ships worth hundreds of millions. ';
const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `<p>${PARAGRAPH.repeat(4)}</p><p>Reported from ${title}.</p><p>Shipping has resumed along the coast, escorted by nothing more than the threat of further strikes.</p></article></body></html>`;

let server: http.Server;
let base = '';
const hits: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url?.startsWith('/gone')) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(`Page ${req.url}`));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function withPocket(rows: string[][]): Promise<CoreContext> {
  const ctx = await openJsonLibrary();
  const csv = ['title,url,time_added,tags,status', ...rows.map((r) => r.join(','))].join('\n');
  const bytes = new TextEncoder().encode(csv);
  await importInterchange(ctx, detectInterchange(bytes, 'pocket.csv')!, bytes, 'pocket.csv');
  return ctx;
}
const pendingOf = (ctx: CoreContext) => (ctx.store as JsonStore).listPending();

describe('fetching the to-fetch list', () => {
  it('fetches every page into an article with the export’s title, tags, date and state; failures keep their reason', async () => {
    const ctx = await withPocket([
      ['Drones at sea', `${base}/drones`, '1709802000', 'ukraine|drones', 'archive'],
      ['A page that is gone', `${base}/gone`, '1709802001', '', 'unread'],
      ['Grain', `${base}/grain`, '1709802002', 'food', 'unread'],
    ]);
    const fetcher = new PendingFetcher(ctx, { intervalMs: 0 });
    expect(fetcher.start().running).toBe(true);
    const done = await fetcher.settled();
    expect(done).toMatchObject({ running: false, total: 3, done: 3, fetched: 2, failed: 1, offline: false });
    expect(done.message).toBe('Done: 2 fetched, 1 failed.');
    const articles = ctx.store.listArticles();
    expect(articles.map((a) => a.title).sort()).toEqual(['Drones at sea', 'Grain']);
    const drones = articles.find((a) => a.title === 'Drones at sea')!;
    expect(drones.tags).toEqual(['ukraine', 'drones']);
    expect(drones.addedAt).toBe('2024-03-07T09:00:00.000Z');
    expect(drones.archivedAt).toBe('2024-03-07T09:00:00.000Z');
    expect(drones.format).toBe('html');
    const left = pendingOf(ctx);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ title: 'A page that is gone', state: 'failed', attempts: 1 });
    expect(left[0]!.error).toMatch(/404/);
    // The page list is paged and counted.
    expect(fetcher.list()).toMatchObject({ total: 1, waiting: 0, failed: 1 });
    // The run's changes are folded into library.json at its end: an older Scholia never meets them in a journal.
    const dir = ctx.store.dir;
    expect(readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')).not.toMatch(/Pending/);
    expect(readFileSync(path.join(dir, 'library.json'), 'utf8')).toContain('"error":"');
  });

  it('spaces requests out (rate limit) and stops when cancelled, leaving the rest listed', async () => {
    const ctx = await withPocket(
      Array.from({ length: 6 }, (_, i) => [`P${i}`, `${base}/spaced-${i}`, '1709802000', '', 'unread']),
    );
    const fetcher = new PendingFetcher(ctx, { intervalMs: 150 });
    const t0 = Date.now();
    fetcher.start();
    while (fetcher.snapshot().done < 2) await new Promise((r) => setTimeout(r, 10));
    fetcher.cancel();
    const end = await fetcher.settled();
    expect(end.cancelled).toBe(true);
    expect(end.done).toBeGreaterThanOrEqual(2);
    expect(end.done).toBeLessThan(6);
    // Two requests at least one interval apart.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
    expect(pendingOf(ctx)).toHaveLength(6 - end.done);
    expect(end.message).toMatch(/^Stopped: \d fetched, 0 failed, \d not tried\.$/);
  });

  it('offline: the run stops, says so, and every page still waits (none marked failed)', async () => {
    const ctx = await withPocket(
      Array.from({ length: 5 }, (_, i) => [`P${i}`, `https://offline-${i}.example.org/`, '1709802000', '', 'unread']),
    );
    const fetcher = new PendingFetcher(ctx, {
      intervalMs: 0,
      fetchPage: async (url) => {
        throw new ImportError(
          `${url} could not be reached (ENOTFOUND): you may be offline, or the site is down.`,
          'fetch-failed',
        );
      },
    });
    fetcher.start();
    const end = await fetcher.settled();
    expect(end.offline).toBe(true);
    expect(end.failed).toBe(0);
    expect(end.message).toBe('You seem to be offline: 5 page(s) wait to be fetched; try again when you are connected.');
    expect(pendingOf(ctx).map((e) => e.state)).toEqual(Array(5).fill('waiting'));
  });

  it('highlights the export kept for a page are placed once its text is fetched', async () => {
    const ctx = await openJsonLibrary();
    const csv = `URL,Title,Selection,Folder,Timestamp\n${base}/with-highlight,With a highlight,"cheap boats loaded with explosives",Unread,1709802000\n`;
    const bytes = new TextEncoder().encode(csv);
    await importInterchange(ctx, detectInterchange(bytes, 'instapaper.csv')!, bytes, 'instapaper.csv');
    const fetcher = new PendingFetcher(ctx, { intervalMs: 0 });
    fetcher.start();
    const end = await fetcher.settled();
    expect(end.outcomes[0]).toMatchObject({ status: 'fetched', passages: 1, orphans: 0 });
    const [a] = ctx.store.listArticles();
    const [p] = ctx.store.listPassages(a!.id);
    expect(p!.quote.exact).toBe('cheap boats loaded with explosives');
    expect((await ctx.store.getArticleBody(a!.id))!.text.slice(p!.position.start, p!.position.end)).toBe(
      p!.quote.exact,
    );
  });
});
