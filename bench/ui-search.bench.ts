// Keystroke to painted results in the real UI (Chromium, browser mode) on a
// library of 10k articles: each prefix of a query is typed as a user would and
// timed from the input event to the frame that shows its results.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { openCore } from '../electron/core/core.js';
import { startApp, removeLibrary } from '../tests/e2e/app.js';
import { articleRecord } from '../tests/generated-article.js';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.js';
import { percentile, report } from './report.js';
import { Generator, vocabulary } from './search.bench.js';

const N = Number(process.env.SCHOLIA_UI_BENCH_ARTICLES ?? 10_000);

/** Queries a user would type: frequent and mid-frequency words of the generated vocabulary. */
export function benchQueries(): string[] {
  const words = new Generator(vocabulary().words).words.slice(200, 2000);
  return [0, 7, 19, 42, 77, 133, 256, 301, 512, 777].map((k, i) =>
    i % 3 === 0 ? `${words[k]} ${words[k + 1]}` : words[k]!,
  );
}

export async function buildLibrary(dir: string): Promise<void> {
  const g = new Generator(vocabulary().words);
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  const now = new Date().toISOString();
  for (let start = 0; start < N; start += 500) {
    const batch: ReturnType<typeof articleRecord>[] = [];
    for (let i = start; i < Math.min(N, start + 500); i++) {
      const text = g.text(i * 31 + 7, 900);
      batch.push(
        articleRecord({
          id: `a_bench${String(i).padStart(6, '0')}`,
          title: g.text(i * 31 + 5, 8).replace(/\n|\./g, ''),
          source: ['Reuters', 'RFE/RL', 'BBC News', 'The Moscow Times'][i % 4]!,
          text,
          at: now,
        }),
      );
    }
    await core.ctx.store.putArticles(batch);
  }
  await core.close();
}

/**
 * A library that has been opened before: its search and cross-source indexes built and saved (a
 * first opening builds them in the background, which would compete with the typing being timed).
 */
async function prepareLibrary(dir: string): Promise<void> {
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  await core.api.search('warm up');
  const first = core.ctx.store.listArticles()[0];
  if (first) await core.api.sharedPassages(first.id);
  await core.close();
}

export default async function (): Promise<void> {
  if (!chromiumPath) {
    console.log('ui-search: skipped, no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)');
    return;
  }
  // SCHOLIA_UI_BENCH_LIBRARY keeps the generated library between runs (built once if missing).
  const kept = process.env.SCHOLIA_UI_BENCH_LIBRARY;
  const dir = kept ?? mkdtempSync(path.join(os.tmpdir(), 'scholia-ui-bench-'));
  if (!kept || !existsSync(path.join(dir, 'library.json'))) {
    const t0 = performance.now();
    await buildLibrary(dir);
    console.log(`  library of ${N} articles built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await prepareLibrary(dir);
  const queries = benchQueries();
  const app = await startApp(dir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.url);
    await page.getByRole('combobox', { name: /Search/ }).waitFor();
    // Let start-up work settle (first article, cross-source index), as a user reading before searching would.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    // Plain JavaScript (tsx would inject helpers that do not exist in the page).
    const times = (await page.evaluate(`(async (qs) => {
      const input = document.querySelector('input.search-input');
      const out = [];
      const dom = [];
      let started = 0;
      const domAt = [];
      const startAt = [];
      // Resolves at the first frame after the results for q are in the DOM.
      const painted = (q) => new Promise((resolve, reject) => {
        const done = () => {
          const list = document.getElementById('search-results');
          return list && list.dataset.resultsFor === q;
        };
        if (done()) return requestAnimationFrame(() => resolve());
        const timer = setTimeout(() => { obs.disconnect(); reject(new Error('no results painted for ' + q)); }, 5000);
        const obs = new MutationObserver(() => {
          if (!done()) return;
          obs.disconnect();
          clearTimeout(timer);
          dom.push(performance.now() - started);
          domAt.push(performance.now());
          requestAnimationFrame(() => resolve());
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-results-for'] });
      });
      for (const q of qs) {
        for (let i = 1; i <= q.length; i++) {
          const prefix = q.slice(0, i);
          if (prefix.endsWith(' ')) continue;
          const start = performance.now();
          started = start;
          startAt.push(start);
          input.value = prefix;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await painted(prefix);
          out.push(performance.now() - start);
        }
      }
      const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/search'));
      const api = entries.map((e) => e.duration);
      const core = entries.map((e) => (e.serverTiming.find((t) => t.name === 'core') || { duration: 0 }).duration);
      const pre = entries.map((e, i) => e.startTime - startAt[i]);
      const post = entries.map((e, i) => domAt[i] - e.responseEnd);
      const prefixes = [];
      for (const q of qs) for (let i = 1; i <= q.length; i++) if (!q.slice(0, i).endsWith(' ')) prefixes.push(q.slice(0, i));
      return { out, dom, api, core, pre, post, prefixes };
    })(${JSON.stringify(queries)})`)) as {
      out: number[];
      dom: number[];
      api: number[];
      core: number[];
      pre: number[];
      post: number[];
      prefixes: string[];
    };
    const p95 = percentile(times.out, 95);
    // The slowest keystrokes, split, so a miss says where the time went.
    const slow = times.out
      .map((t, i) => ({ t, i }))
      .sort((a, b) => b.t - a.t)
      .slice(0, 5)
      .map(
        ({ t, i }) =>
          `"${times.prefixes[i]}" ${t.toFixed(0)} ms (request ${times.api[i]?.toFixed(0)}, core ${times.core[i]?.toFixed(0)}, ` +
          `to DOM ${times.dom[i]?.toFixed(0)})`,
      );
    console.log(`  slowest keystrokes: ${slow.join('; ')}`);
    report(
      `UI keystroke to painted results, ${N} articles (p95, ${times.out.length} keystrokes)`,
      p95,
      'ms',
      '≤ 50 ms',
      p95 <= 50,
    );
    report('UI keystroke to painted results (median)', percentile(times.out, 50), 'ms', '-', null);
    report('UI keystroke to results in the DOM, before paint (p95)', percentile(times.dom, 95), 'ms', '-', null);
    report('UI search request round trip, as the page sees it (p95)', percentile(times.api, 95), 'ms', '-', null);
    report('UI search request round trip (median)', percentile(times.api, 50), 'ms', '-', null);
    report('UI search: time inside the core per request (p95)', percentile(times.core, 95), 'ms', '-', null);
    report('UI search: time inside the core per request (median)', percentile(times.core, 50), 'ms', '-', null);
    report('UI search: keystroke to request sent (median)', percentile(times.pre, 50), 'ms', '-', null);
    report('UI search: response to results in the DOM (median)', percentile(times.post, 50), 'ms', '-', null);
  } finally {
    await browser.close();
    await app.stop();
    if (!kept) {
      removeLibrary(app);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
