// Hostile input, proven in Chromium: public XSS payloads (tests/fixtures/xss)
// imported every way a user can bring text in — HTML articles (body, head,
// title, attributes, meta tags), Markdown files, pasted HTML, note bodies, tag
// names and metadata fields — then shown on every surface: the library list,
// the reader, the note preview, the side-by-side comparison, search results
// and every export opened as a user would. Watched throughout: dialogs, script
// calls, navigations and requests leaving the app. All must stay at zero.
//
// `npm test` runs a fixed-seed sample (HOSTILE_SAMPLE payloads, default 240);
// `npm run eval:hostile` runs the whole corpus (HOSTILE_ALL=1); HOSTILE_ONLY=1656,2177
// runs just those payloads (their index in payloads.json), to reproduce a finding.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { marked } from 'marked';
import type { ScholiaApi } from '../../electron/core/api.js';
import { activeParts } from '../unit/hostile/active-html.js';
import { FIXTURES, removeLibrary, SAMPLES, startApp, type RunningApp } from './app.js';

interface Corpus {
  sources: Array<{ id: string }>;
  payloads: Array<[number, string]>;
}
/** The app's own client, as the renderer has it in browser mode. */
declare global {
  interface Window {
    scholia: ScholiaApi;
  }
}

const corpus = JSON.parse(readFileSync(path.join(FIXTURES, 'xss', 'payloads.json'), 'utf8')) as Corpus;

const ONLY = (process.env.HOSTILE_ONLY ?? '')
  .split(',')
  .filter((s) => s.trim())
  .map(Number);
const ALL = process.env.HOSTILE_ALL === '1' && ONLY.length === 0;
const SAMPLE = Number(process.env.HOSTILE_SAMPLE ?? 240);
const BATCH = Number(process.env.HOSTILE_BATCH ?? (ALL ? 300 : 120));

/** mulberry32: a fixed seed, so the sample is the same on every run and machine. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(): string[] {
  const all = corpus.payloads.map((p) => p[1]);
  if (ONLY.length) return ONLY.map((i) => all[i]!).filter((p) => p !== undefined);
  if (ALL || SAMPLE >= all.length) return all;
  const r = rng(20261125);
  const idx = all.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, SAMPLE).map((i) => all[i]!);
}

// Real reporting shared by every hostile article, so the comparison view has passages to align.
const COMMON = readFileSync(SAMPLES.moscowTimes, 'utf8')
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter((p) => p.split(/\s+/).length > 25)
  .slice(0, 3);

/** A paragraph of words unique to one batch, so near-duplicate detection keeps every batch. */
function filler(batch: number): string {
  const r = rng(batch + 1);
  const words = ['ledger', 'harbour', 'quorum', 'saffron', 'tundra', 'vellum', 'orbit', 'gable', 'lantern', 'mosaic'];
  return Array.from({ length: 120 }, () => `${words[Math.floor(r() * words.length)]}${Math.floor(r() * 997)}`).join(
    ' ',
  );
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

interface Batch {
  n: number;
  marker: string;
  payloads: string[];
}

/** The HTML page: payloads in the body, each as a paragraph of raw markup. */
function htmlBody(b: Batch): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${b.marker} body</title></head><body><article>
<h1>${b.marker} body</h1>${COMMON.map((p) => `<p>${p}</p>`).join('')}<p>${filler(b.n)}</p>
${b.payloads.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}

/** The HTML page: payloads raw in <title>, in meta tags, and breaking out of attributes. */
function htmlHead(b: Batch): string {
  const metas = b.payloads
    .map(
      (p) =>
        `<meta name="description" content="${p}"><meta property="og:title" content='${p}'><meta name="author" content=${p}><link rel="canonical" href="${escapeAttr(p)}">`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${b.marker} head ${b.payloads.join(' ')}</title>
${metas}</head><body><article><h1 title="${b.payloads[0]}">${b.marker} head</h1>
${COMMON.map((p) => `<p>${p}</p>`).join('')}<p>${filler(b.n + 1000)}</p>
${b.payloads.map((p, i) => `<p title="${p}" data-x='${p}' class=${p}>attribute ${i}</p>`).join('\n')}
</article></body></html>`;
}

/** The Markdown file: payloads as raw HTML blocks and inline in text, with YAML front matter. */
function markdownFile(b: Batch): string {
  return `---\ntitle: ${JSON.stringify(`${b.marker} md`)}\nsource: ${JSON.stringify(b.marker)}\nauthor: ${JSON.stringify(
    b.payloads[0],
  )}\nurl: ${JSON.stringify(b.payloads[1] ?? '')}\n---\n\n${COMMON.join('\n\n')}\n\n${filler(b.n + 2000)}\n\n${b.payloads
    .map((p, i) => (i % 2 ? p : `Inline ${i}: ${p} end.`))
    .join('\n\n')}\n`;
}

/** Fits as many payloads as a metadata field holds (2,000 characters), joined by spaces. */
function fill(prefix: string, payloads: string[], max = 2000): { text: string; used: number } {
  let text = prefix;
  let used = 0;
  for (const p of payloads) {
    if (text.length + 1 + p.length > max) break;
    text += ` ${p}`;
    used++;
  }
  return { text, used };
}

type Surface = string;
interface Tally {
  payloads: number;
  dialogs: number;
  scripts: number;
  navigations: number;
  requests: number;
  /** Statically active parts (Markdown export only: raw HTML a viewer would render). */
  active: number;
}

class Watch {
  surface: Surface = 'setup';
  tallies = new Map<Surface, Tally>();
  events: string[] = [];
  allowedOrigins: string[] = [];
  allowedUrls = new Set<string>();

  tally(s = this.surface): Tally {
    let t = this.tallies.get(s);
    if (!t) {
      t = { payloads: 0, dialogs: 0, scripts: 0, navigations: 0, requests: 0, active: 0 };
      this.tallies.set(s, t);
    }
    return t;
  }
  hit(kind: 'dialogs' | 'scripts' | 'navigations' | 'requests', what: string): void {
    this.tally()[kind]++;
    if (this.events.length < 50) this.events.push(`${this.surface}: ${kind}: ${what.slice(0, 200)}`);
  }
  allowed(url: string): boolean {
    if (/^(data|blob|about|chrome-error):/.test(url)) return true;
    if (this.allowedUrls.has(url.split('#')[0]!)) return true;
    return this.allowedOrigins.some((o) => url.startsWith(`${o}/`) || url === o);
  }

  async attach(context: BrowserContext): Promise<void> {
    // Every way a payload shows that it ran, reported from any frame, before the page's own code.
    await context.exposeBinding('__hostileHit', (_source, what: string) => this.hit('scripts', what));
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown> & { __hostileHit: (w: string) => void };
      const report = (what: string) => {
        try {
          void w.__hostileHit(what);
        } catch {
          /* the binding is not there yet in a frame that is being torn down */
        }
      };
      for (const k of ['alert', 'confirm', 'prompt', 'print']) {
        w[k] = (...args: unknown[]) => report(`${k}(${args.map(String).join(',')})`);
      }
      const doc = Document.prototype as unknown as Record<string, unknown>;
      for (const k of ['write', 'writeln']) {
        const orig = doc[k] as (...a: unknown[]) => void;
        doc[k] = function (this: Document, ...args: unknown[]) {
          report(`document.${k}`);
          return orig.apply(this, args);
        };
      }
    });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (this.allowed(url)) return route.continue();
      this.hit('requests', url);
      return route.abort('blockedbyclient');
    });
  }

  page(page: Page, home: () => string): void {
    page.on('dialog', (d) => {
      this.hit('dialogs', `${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    page.on('request', (r) => {
      const url = r.url();
      // file: and other schemes do not pass through route(): counted here.
      if (!/^https?:/.test(url) && !this.allowed(url)) this.hit('requests', url);
    });
    page.on('framenavigated', (f) => {
      if (f !== page.mainFrame()) return;
      const url = f.url().split('#')[0];
      if (url !== home().split('#')[0] && url !== 'about:blank') this.hit('navigations', f.url());
    });
    page.on('popup', (p) => this.hit('navigations', `popup ${p.url()}`));
  }

  table(): string {
    const rows = [...this.tallies.entries()].filter(([s]) => s !== 'setup');
    const head = 'surface                    payloads  dialogs  scripts  navigations  requests  active';
    const body = rows.map(([s, t]) =>
      [
        s.padEnd(26),
        String(t.payloads).padStart(8),
        String(t.dialogs).padStart(8),
        String(t.scripts).padStart(8),
        String(t.navigations).padStart(12),
        String(t.requests).padStart(9),
        String(t.active).padStart(7),
      ].join(' '),
    );
    return [head, ...body].join('\n');
  }
  totals(): Omit<Tally, 'payloads'> {
    const sum = { dialogs: 0, scripts: 0, navigations: 0, requests: 0, active: 0 };
    for (const [s, t] of this.tallies) {
      if (s === 'setup') continue;
      sum.dialogs += t.dialogs;
      sum.scripts += t.scripts;
      sum.navigations += t.navigations;
      sum.requests += t.requests;
      sum.active += t.active;
    }
    return sum;
  }
}

/** Lets queued events (image errors, animations, focus) fire before the next step. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(), 30)))),
  );
}

// A payload that left an element in the way would otherwise hold a click until the test's timeout.
test.use({ actionTimeout: 30_000 });

/** Progress lines for the long run (`npm run eval:hostile`), where a step can take minutes. */
function progress(what: string): void {
  if (ALL) console.log(`${new Date().toISOString().slice(11, 19)} ${what}`);
}

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app.stop();
  removeLibrary(app);
});

test('public XSS payloads run nothing, navigate nowhere and load nothing, on every surface', async ({
  browser,
}, testInfo) => {
  const payloads = pick();
  testInfo.setTimeout(ALL ? 60 * 60_000 : 120_000);
  const batches: Batch[] = [];
  for (let i = 0; i * BATCH < payloads.length; i++) {
    batches.push({
      n: i,
      marker: `HXB${String(i).padStart(3, '0')}`,
      payloads: payloads.slice(i * BATCH, (i + 1) * BATCH),
    });
  }
  const watch = new Watch();
  watch.allowedOrigins = [app.origin];
  const context = await browser.newContext();
  await watch.attach(context);
  const page = await context.newPage();
  watch.page(page, () => app.url);
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();

  // ---- import every way, through the app's own client (window.scholia), as the UI does
  watch.surface = 'import';
  const made: Array<{ batch: Batch; articles: string[]; note: string }> = [];
  let refusedTags = 0;
  const refusedImports: Record<string, number> = {};
  type Kind = 'html body' | 'html head' | 'markdown' | 'paste';
  const build: Record<Kind, (b: Batch) => { name: string; text: string }> = {
    'html body': (b) => ({ name: `${b.marker}-body.html`, text: htmlBody(b) }),
    'html head': (b) => ({ name: `${b.marker}-head.html`, text: htmlHead(b) }),
    markdown: (b) => ({ name: `${b.marker}.md`, text: markdownFile(b) }),
    paste: (b) => ({
      name: 'paste',
      // As Chromium on Linux puts a copied selection on the clipboard: a bare fragment, no <html> or <body>.
      text: `<meta http-equiv="content-type" content="text/html; charset=utf-8"><div><h1>${b.marker} paste</h1>${COMMON.map((p) => `<p>${p}</p>`).join('')}<p>${filler(b.n + 3000)}</p>${b.payloads.join('<br>\n')}</div>`,
    }),
  };
  /**
   * Imports one kind of input holding the batch's payloads. A page a payload
   * wrecks (a <frameset>, an unclosed comment) is refused by the app with a clear
   * message; the batch is then split until each such payload stands alone, so
   * every other payload is still imported and shown.
   */
  let pieces = 0;
  async function importKind(kind: Kind, b: Batch): Promise<string[]> {
    const { name, text } = build[kind](b);
    const r = await page.evaluate(
      async ({ kind, name, text }) => {
        const api = window.scholia;
        if (kind === 'paste') return api.importPaste({ html: text, text: text.replace(/<[^>]*>/g, ' ') });
        const bytes = new TextEncoder().encode(text);
        let bin = '';
        for (const x of bytes) bin += String.fromCharCode(x);
        const [res] = await api.importFiles([{ name, dataBase64: btoa(bin) }], { allowDuplicates: true });
        return res!;
      },
      { kind, name, text },
    );
    if (r.status === 'imported' && r.id) return [r.id];
    if (process.env.HOSTILE_DEBUG) console.log(kind, b.payloads.length, r.status, r.error);
    if (b.payloads.length === 1) {
      refusedImports[kind] = (refusedImports[kind] ?? 0) + 1;
      expect(`${r.status}: ${r.error ?? ''}`, `why ${kind} of one payload was refused`).toMatch(/^failed: \S/);
      return [];
    }
    const half = Math.ceil(b.payloads.length / 2);
    // Each piece gets its own filler, so no piece is a near-duplicate of another.
    return [
      ...(await importKind(kind, { ...b, n: 10_000 * ++pieces, payloads: b.payloads.slice(0, half) })),
      ...(await importKind(kind, { ...b, n: 10_000 * ++pieces, payloads: b.payloads.slice(half) })),
    ];
  }

  for (const b of batches) {
    const ids: Record<Kind, string[]> = { 'html body': [], 'html head': [], markdown: [], paste: [] };
    for (const kind of Object.keys(build) as Kind[]) ids[kind] = await importKind(kind, b);
    const noted = await page.evaluate(
      async ({ marker, payloads }) => {
        const api = window.scholia;
        let refused = 0;
        let note;
        try {
          note = await api.createNote({
            title: `${marker} note`,
            body: payloads.join('\n\n'),
            tags: payloads.map((p) => p.slice(0, 200)).filter((p) => p.trim()),
          });
        } catch {
          // Tag names the app refuses (with a 4xx) are counted; the rest are added one by one.
          note = await api.createNote({ title: `${marker} note`, body: payloads.join('\n\n') });
          for (const p of payloads) {
            try {
              await api.addTags([{ kind: 'note', id: note.id }], [p.slice(0, 200)]);
            } catch {
              refused++;
            }
          }
        }
        return { id: note.id, refused };
      },
      { marker: b.marker, payloads: b.payloads },
    );
    refusedTags += noted.refused;
    // Metadata fields: payloads as the title, author and source a user could type.
    let rest = b.payloads;
    const targets: Array<[string | undefined, string[]]> = [
      [ids['html body'][0], ['title', 'author', 'source']],
      [ids.markdown[0], ['title', 'author']],
      [ids.paste[0], ['title', 'author']],
    ];
    for (const [id, fields] of targets) {
      if (!id) continue;
      const patch: Record<string, string> = {};
      for (const f of fields) {
        const { text, used } = fill(f === 'author' ? '' : b.marker, rest);
        patch[f] = text;
        rest = rest.slice(used);
      }
      await page.evaluate(({ id, patch }) => window.scholia.updateArticle(id, patch), { id, patch });
    }
    const all = Object.values(ids).flat();
    // Articles that keep their hostile imported title are found by their source.
    for (const id of [...ids['html head'], ...ids['html body'].slice(1), ...ids.paste.slice(1)]) {
      await page.evaluate(({ id, marker }) => window.scholia.updateArticle(id, { source: marker }), {
        id,
        marker: b.marker,
      });
    }
    made.push({ batch: b, articles: all, note: noted.id });
    progress(`imported ${b.marker}: ${all.length} articles and a note`);
  }
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();

  // ---- library list and reader: every hostile article opened
  const library = page.getByRole('navigation', { name: 'Library' });
  const reader = page.getByRole('main', { name: 'Reader' });
  const filterBox = library.getByRole('searchbox', { name: 'Filter the library by title or source' });
  let compared = 0;
  for (const { batch, articles } of made) {
    progress(`reader and comparison: ${batch.marker}`);
    watch.surface = 'library list';
    await filterBox.fill(batch.marker);
    watch.tally().payloads += batch.payloads.length;
    await settle(page);
    // ---- comparison view: the batch's first article beside another carrying the same reporting
    const rows = library.locator('[id^="article-"]');
    watch.surface = 'comparison';
    await rows.first().click();
    const shared = page.getByRole('region', { name: 'Other sources carrying passages of this article' });
    const compare = shared.getByRole('button', { name: 'Compare side by side' }).first();
    if (await compare.isVisible({ timeout: 5_000 }).catch(() => false)) {
      await compare.click();
      const view = page.getByRole('region', { name: 'Compare two articles side by side' });
      await expect(view).toBeVisible();
      watch.tally().payloads += batch.payloads.length;
      compared++;
      await settle(page);
      await view.getByRole('button', { name: 'Close comparison' }).click();
    }
    // ---- reader: every article of the batch, row by row with the arrow key (the list keeps only the
    // rows in view in the page, so rows further down exist only once the selection reaches them)
    watch.surface = 'reader';
    watch.tally().payloads += batch.payloads.length * 4;
    expect(articles.length, `articles of ${batch.marker}`).toBeGreaterThanOrEqual(4);
    await rows.first().click();
    const seen = new Set<string>();
    for (let i = 0; i < articles.length; i++) {
      if (i > 0) await page.keyboard.press('ArrowDown');
      const current = library.locator('[id^="article-"][aria-current="true"]');
      await expect(current).toHaveCount(1);
      await expect(reader.getByRole('heading', { level: 1 })).toBeVisible();
      seen.add((await current.getAttribute('id'))!.slice('article-'.length));
      await settle(page);
    }
    expect([...seen].sort(), `articles of ${batch.marker} shown in the reader`).toEqual([...articles].sort());
  }
  await filterBox.fill('');
  expect(compared, 'batches shown side by side').toBeGreaterThan(0);

  // ---- note preview (and the tag chips of each note)
  progress('note preview');
  watch.surface = 'note preview';
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await notes.getByRole('button', { name: 'All notes' }).click();
  for (const { batch } of made) {
    const noteFilter = notes.getByRole('searchbox', { name: 'Filter notes by title or tag' });
    if (await noteFilter.isVisible()) await noteFilter.fill(batch.marker);
    await notes.getByRole('button', { name: new RegExp(`${batch.marker} note`) }).click();
    await expect(notes.getByTestId('note-preview')).toBeVisible();
    watch.tally().payloads += batch.payloads.length;
    await settle(page);
  }

  // ---- search results with snippets
  progress('search');
  watch.surface = 'search results';
  const box = page.getByRole('combobox', { name: 'Search articles, passages and notes' });
  for (const q of ['alert', 'onerror', 'javascript', 'script', 'svg', 'iframe', 'img src', 'HXB000']) {
    await box.fill(q);
    await expect(page.getByRole('listbox', { name: 'Search results' })).toBeVisible();
    await settle(page);
  }
  watch.tally().payloads += payloads.length;
  await box.fill('');

  // ---- every export, opened as a user would
  const formats = await page.evaluate(() => window.scholia.listExportFormats());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-hostile-export-'));
  const viewer = await context.newPage();
  let viewerHome = 'about:blank';
  watch.page(viewer, () => viewerHome);
  for (const f of formats) {
    const { files } = await page.evaluate(
      (format) => window.scholia.exportData({ format, scope: { all: true } }),
      f.id,
    );
    progress(`export ${f.id}: ${files.length} file(s)`);
    watch.surface = `export ${f.id}`;
    watch.tally().payloads += payloads.length;
    for (const file of files) {
      const text = file.text ?? '';
      if (file.base64 !== undefined) {
        // A Word document: opened as a word processor would show it (mammoth's HTML of it), no CSP at all.
        const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(file.base64, 'base64') });
        const parts = activeParts(html);
        watch.tally().active += parts.length;
        for (const part of parts) watch.events.push(`${watch.surface}: active: ${file.path}: ${part}`);
        viewerHome = 'about:blank';
        await viewer.setContent(`<!doctype html><html><body>${html}</body></html>`, { waitUntil: 'load' });
      } else if (f.id === 'md') {
        // A Markdown viewer: rendered by marked, shown with no CSP at all.
        const html = marked.parse(text, { async: false, gfm: true });
        const parts = activeParts(html);
        watch.tally().active += parts.length;
        for (const part of parts) watch.events.push(`${watch.surface}: active: ${file.path}: ${part}`);
        viewerHome = 'about:blank';
        await viewer.setContent(`<!doctype html><html><body>${html}</body></html>`, { waitUntil: 'load' });
      } else {
        // The file itself, opened in the browser (HTML and print-ready PDF HTML render; data files show as text).
        const p = path.join(
          dir,
          `export-${f.id}-${path.basename(file.path).replace(/[^\w.-]+/g, '_')}${file.printToPdf ? '.html' : ''}`,
        );
        writeFileSync(p, text);
        viewerHome = `file://${p}`;
        watch.allowedUrls.add(viewerHome);
        await viewer.goto(viewerHome, { waitUntil: 'load' });
      }
      await settle(viewer);
    }
  }

  const table = watch.table();
  console.log(
    `hostile input: ${payloads.length} payloads of ${corpus.payloads.length} (${ALL ? 'whole corpus' : 'fixed-seed sample'}), ${batches.length} batches; refused at import (clear error, nothing stored): ${JSON.stringify(refusedImports)}; tag names refused: ${refusedTags}\n${table}`,
  );
  testInfo.annotations.push({ type: 'hostile', description: table });
  expect(watch.events).toEqual([]);
  expect(watch.totals()).toEqual({ dialogs: 0, scripts: 0, navigations: 0, requests: 0, active: 0 });
  await context.close();
});
