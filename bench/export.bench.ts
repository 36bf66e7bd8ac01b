// Export benchmarks on a generated library of 10k articles (real BBC News texts
// when ../shared/datasets is present), 20k passages and 5k notes that link to
// them: the whole library to a Markdown folder (target <= 10 s) and to a JSON
// backup (target <= 5 s), measured end to end (read from the store, render,
// write the files). The library is written straight to disk in the store's
// layout (putArticle's per-write fsync would make generating it take minutes).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCoreContext, type CoreContext } from '../electron/core/context.js';
import { exportToPath } from '../electron/core/export/write.js';
import type { ArticleBody, ArticleMeta, NoteMeta, Passage } from '../electron/core/model.js';
import { serializeIndex } from '../electron/core/store/index-file.js';
import { JsonStore } from '../electron/core/store/json-store.js';
import { emptyIndex } from '../electron/core/store/layout.js';
import { report } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const BBC = path.join(here, '..', '..', 'shared', 'datasets', 'news', 'bbc', 'bbc.jsonl');
const ARTICLES = 10_000;
const NOTES = 5_000;
const T = '2026-01-01T00:00:00.000Z';

function sourceTexts(): Array<{ title: string; text: string }> {
  if (existsSync(BBC)) {
    return readFileSync(BBC, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string; text: string })
      .map((r) => ({ title: r.title, text: r.text.replace(/\n+/g, '\n\n') }));
  }
  console.log(`      (${BBC} absent: using the two sample articles' words instead)`);
  const words = ['rferl-blinken-iranian-drones.txt', 'moscow-times-blinken-iranian-drones.txt']
    .map((f) => readFileSync(path.join(here, '..', 'tests', 'fixtures', f), 'utf8'))
    .join(' ')
    .split(/\s+/);
  return Array.from({ length: 200 }, (_, i) => ({
    title: `${words[i % words.length]} ${words[(i * 7) % words.length]} report ${i}`,
    text: Array.from({ length: 400 }, (_, j) => words[(i * 31 + j) % words.length]).join(' '),
  }));
}

function generate(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'scholia-export-bench-')), 'library');
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  mkdirSync(path.join(dir, 'notes'), { recursive: true });
  const idx = emptyIndex();
  const src = sourceTexts();
  const passagesOf: Passage[][] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const id = `a_${i.toString(36).padStart(10, '0')}`;
    const s = src[i % src.length]!;
    const meta: ArticleMeta = {
      id,
      title: i < src.length ? s.title : `${s.title} (${Math.floor(i / src.length) + 1})`,
      source: 'BBC News',
      author: 'BBC Reporter',
      published: `2005-0${(i % 9) + 1}-1${i % 10}`,
      url: `https://news.example.org/${id}`,
      lang: 'en',
      tags: ['bench', `topic/${i % 7}`],
      words: s.text.split(/\s+/).length,
      format: 'txt',
      origin: `${id}.txt`,
      contentHash: id.padEnd(64, '0'),
      addedAt: T,
      updatedAt: T,
    };
    idx.articles.push(meta);
    const body: ArticleBody = { id, text: s.text, removed: [], original: s.text, html: '' };
    writeFileSync(path.join(dir, 'articles', `${id}.json`), JSON.stringify(body));
    const ps: Passage[] = [];
    for (let k = 0; k < 2; k++) {
      const start = Math.min(s.text.length - 1, 40 + k * 300);
      const end = Math.min(s.text.length, start + 120);
      ps.push({
        id: `p_${i.toString(36)}_${k}`,
        articleId: id,
        quote: {
          type: 'TextQuoteSelector',
          exact: s.text.slice(start, end),
          prefix: s.text.slice(Math.max(0, start - 32), start),
          suffix: s.text.slice(end, end + 32),
        },
        position: { type: 'TextPositionSelector', start, end },
        state: 'anchored',
        color: 'yellow',
        tags: [],
        createdAt: T,
        updatedAt: T,
      });
    }
    passagesOf.push(ps);
    idx.passages.push(...ps);
  }
  for (let i = 0; i < NOTES; i++) {
    const id = `n_${i.toString(36).padStart(10, '0')}`;
    const a = (i * 2) % ARTICLES;
    const m: NoteMeta = {
      id,
      title: `Reading note ${i}: ${idx.articles[a]!.title}`,
      articleId: idx.articles[a]!.id,
      tags: ['bench'],
      createdAt: T,
      updatedAt: T,
    };
    idx.notes.push(m);
    const [p1] = passagesOf[a]!;
    const [, p2] = passagesOf[(a + 1) % ARTICLES]!;
    const words = src[i % src.length]!.text.split(/\s+/).slice(0, 120).join(' ');
    writeFileSync(
      path.join(dir, 'notes', `${id}.md`),
      `First source: [quote](scholia://passage/${p1!.id})\n\nCompare with [the other](scholia://passage/${p2!.id}) which says more.\n\n${words}\n`,
    );
  }
  writeFileSync(path.join(dir, 'library.json'), serializeIndex(idx));
  return dir;
}

export default async function (): Promise<void> {
  const t0 = performance.now();
  const dir = generate();
  console.log(
    `      (generated ${ARTICLES} articles, ${ARTICLES * 2} passages, ${NOTES} notes in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const store = new JsonStore(dir);
  await store.open();
  const ctx: CoreContext = createCoreContext({ store, mode: 'cli' });
  const outRoot = mkdtempSync(path.join(os.tmpdir(), 'scholia-export-out-'));
  try {
    let t = performance.now();
    // CPU time beside wall time: on a shared, loaded machine the wall figure swings with the load.
    let cpu = process.cpuUsage();
    const md = await exportToPath(ctx, { format: 'md', scope: {}, out: path.join(outRoot, 'vault') });
    const mdS = (performance.now() - t) / 1000;
    const mdCpu = process.cpuUsage(cpu);
    report(`export: whole library to Markdown folder (${md.files.length} files)`, mdS, 's', '<= 10', mdS <= 10);
    report('export: ... of which CPU (user + system)', (mdCpu.user + mdCpu.system) / 1e6, 's', 'info', null);

    t = performance.now();
    cpu = process.cpuUsage();
    const json = await exportToPath(ctx, { format: 'json', scope: {}, out: path.join(outRoot, 'backup.json') });
    const jsonS = (performance.now() - t) / 1000;
    const jsonCpu = process.cpuUsage(cpu);
    const mb = readFileSync(json.files[0]!).length / 1024 / 1024;
    report(`export: JSON backup of the same (${mb.toFixed(0)} MB)`, jsonS, 's', '<= 5', jsonS <= 5);
    report('export: ... of which CPU (user + system)', (jsonCpu.user + jsonCpu.system) / 1e6, 's', 'info', null);

    for (const format of ['w3c', 'bibtex', 'html'] as const) {
      t = performance.now();
      await exportToPath(ctx, { format, scope: {}, out: outRoot });
      report(`export: whole library as ${format}`, (performance.now() - t) / 1000, 's', 'info', null);
    }
  } finally {
    await store.close();
    rmSync(path.dirname(dir), { recursive: true, force: true });
    rmSync(outRoot, { recursive: true, force: true });
  }
}
