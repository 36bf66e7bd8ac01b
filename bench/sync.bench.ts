// `npm run bench -- sync`: sync on loopback WebDAV (Apache mod_dav started here, as in the tests).
// - first sync of a 10k-article library (+1k notes) to an empty target, and onto a second device: time, bytes;
// - one note edit reaching the other device's library, end to end (upload + download + written): ≤ 2 s;
// - bytes uploaded for one note edit at 10k articles vs at 100: independent of the library's size.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleBody, ArticleMeta } from '../electron/core/model.js';
import { openCore, type Core } from '../electron/core/core.js';
import { apacheMissing, startApache } from '../tests/unit/sync/apache.js';
import { tempDir } from '../tests/unit/sync/helpers.js';
import { report } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORDS = ['rferl-blinken-iranian-drones.txt', 'moscow-times-blinken-iranian-drones.txt']
  .map((f) => readFileSync(path.join(here, '..', 'tests', 'fixtures', f), 'utf8'))
  .join(' ')
  .split(/\s+/)
  .filter(Boolean);
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
const T = '2026-01-01T00:00:00.000Z';

async function fill(core: Core, articles: number, notes: number): Promise<string[]> {
  const batch: Array<{ meta: ArticleMeta; body: ArticleBody }> = [];
  for (let i = 0; i < articles; i++) {
    const id = `a_bench${String(i).padStart(7, '0')}`;
    const text = [words(200), words(200), words(200)].join('\n\n');
    batch.push({
      meta: {
        id,
        title: `${words(6)} ${i}`,
        source: 'Generated Times',
        author: 'A. Writer',
        published: '2025-06-01',
        url: `https://example.org/${id}`,
        lang: 'en',
        tags: ['bench', `topic/${i % 7}`],
        words: 600,
        format: 'txt',
        origin: `${id}.txt`,
        contentHash: id.padEnd(32, '0'),
        addedAt: T,
        updatedAt: T,
      },
      body: { id, text, removed: [], original: text, html: '' },
    });
    if (batch.length === 1000 || i === articles - 1) await core.ctx.store.putArticles(batch.splice(0));
  }
  const ids: string[] = [];
  for (let i = 0; i < notes; i++) ids.push((await core.api.createNote({ title: `Note ${i}`, body: words(80) })).id);
  return ids;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

export default async function bench(): Promise<void> {
  const missing = apacheMissing();
  if (missing) {
    console.log(`sync bench skipped: ${missing}`);
    return;
  }
  const apache = await startApache();
  process.env.SCHOLIA_SYNC_USER = apache.user;
  process.env.SCHOLIA_SYNC_PASSWORD = apache.password;
  try {
    const oneEditBytes: Record<number, number> = {};
    for (const size of [100, 10_000]) {
      const url = `${apache.url}bench-${size}/`;
      const a = await openCore({ libraryDir: tempDir(`bench-sync-a${size}`), mode: 'cli' });
      const b = await openCore({ libraryDir: tempDir(`bench-sync-b${size}`), mode: 'cli' });
      try {
        const [noteIds, fillMs] = await timed(() => fill(a, size, size / 10));
        console.log(`  generated ${size} articles, ${size / 10} notes in ${(fillMs / 1000).toFixed(1)} s`);
        const [up, upMs] = await timed(() => a.sync.syncWithTarget(url));
        const [down, downMs] = await timed(() => b.sync.syncWithTarget(url));
        if (size === 10_000) {
          report('sync: first sync of 10k articles to empty WebDAV', upMs / 60_000, 'min', 'reported', null);
          report('sync: bytes uploaded by that first sync', up.bytesUp / 1e6, 'MB', 'reported', null);
          report('sync: first sync of 10k articles onto a second device', downMs / 60_000, 'min', 'reported', null);
          report('sync: bytes downloaded by the second device', down.bytesDown / 1e6, 'MB', 'reported', null);
          const got = (await b.api.listArticles()).length;
          report('sync: articles on the second device after its first sync', got, 'articles', '= 10000', got === size);
        }
        // One note edit, end to end: saved on A, uploaded, fetched and written into B's library.
        const note = noteIds[0]!;
        const body = `${(await a.api.getNote(note))!.body}\nOne more line, edited at ${Date.now()}.`;
        const times: number[] = [];
        let bytes = 0;
        for (let round = 0; round < 3; round++) {
          const text = `${body} (${round})`;
          const t = performance.now();
          await a.api.saveNote(note, { body: text });
          const r = await a.sync.syncWithTarget(url);
          await b.sync.syncWithTarget(url);
          const arrived = (await b.api.getNote(note))?.body === text;
          times.push(arrived ? performance.now() - t : Infinity);
          bytes = r.bytesUp;
        }
        oneEditBytes[size] = bytes;
        const best = Math.min(...times);
        report(
          `sync: one note edit to the other device (${size} articles), best of 3`,
          best / 1000,
          's',
          '≤ 2 s',
          size === 10_000 ? best <= 2000 : null,
        );
        report(`sync: bytes uploaded for one note edit (${size} articles)`, bytes, 'bytes', 'reported', null);
      } finally {
        await a.close();
        await b.close();
      }
    }
    const ratio = oneEditBytes[10_000]! / oneEditBytes[100]!;
    report('sync: bytes per note edit, 10k articles / 100 articles', ratio, 'x', '≤ 1.2', ratio <= 1.2);
  } finally {
    await apache.stop();
  }
}
