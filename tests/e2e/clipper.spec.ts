// The Scholia Clipper for real: Debian's Chromium, headed under Xvfb, with the
// built extension loaded (dist/clipper/chromium), against `scholia serve` and
// pages served from a loopback HTTP server. Refused without pairing, paired,
// a page clipped, a selection clipped (the highlight placed exactly), a clip
// made while the app is down (queued, then delivered when it is back), and PDFs:
// a tab showing a PDF saved as the PDF (its pages, text and address), an
// encrypted one saved with the password typed in the popup, one over the limit
// refused, one opened from disk pointed to the app's import, one queued.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, expect, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';
import { expectAccessible, FIXTURES, ROOT } from './app.js';

const EXTENSION = path.join(ROOT, 'dist', 'clipper', 'chromium');
const XVFB = ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'].find((p) => existsSync(p));
const SCREENSHOT = path.join(ROOT, 'docs', 'screenshots', 'clipper-popup.png');

/** Debian's Chromium here; elsewhere (CI) Playwright's own Chromium when it is installed. */
const browserPath = chromiumPath ?? (existsSync(chromium.executablePath()) ? chromium.executablePath() : undefined);
const needsX = process.platform === 'linux' && !process.env.DISPLAY;

const missing = !browserPath
  ? "no Chromium (neither /usr/bin/chromium nor Playwright's own) is installed"
  : needsX && !XVFB
    ? 'Xvfb is not installed and there is no display (extensions need a headed browser)'
    : !existsSync(path.join(EXTENSION, 'manifest.json'))
      ? 'the extension is not built (run npm run build)'
      : null;
if (missing) console.log(`clipper e2e skipped: ${missing}`);

test.describe.configure({ mode: 'serial' });
test.skip(missing !== null, missing ?? '');

// ---------------------------------------------------------------- the app, as a user runs it

interface ServeRun {
  url: string;
  token: string;
  /** Resolves with the next pairing code the app shows. */
  nextPairingCode(): Promise<string>;
  stop(): Promise<void>;
}

async function serve(libraryDir: string, userData: string, clipPort: number): Promise<ServeRun> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(ROOT, 'bin', 'scholia.cjs'),
      '--library',
      libraryDir,
      'serve',
      '--port',
      '0',
      '--clip-port',
      String(clipPort),
      '--no-open',
      '--json',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SCHOLIA_USER_DATA: userData } },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((code: string) => void)[] = [];
  const codes: string[] = [];
  const first = new Promise<{ url: string; clipPort: number | null }>((resolve, reject) => {
    lines.on('line', (line) => {
      const data = JSON.parse(line) as { url?: string; clipPort?: number | null; event?: string; code?: string };
      if (data.url) resolve({ url: data.url, clipPort: data.clipPort ?? null });
      if (data.event === 'clipper-pairing' && data.code) {
        const w = waiting.shift();
        if (w) w(data.code);
        else codes.push(data.code);
      }
    });
    child.once('exit', (code) => reject(new Error(`scholia serve exited (${code}): ${stderr}`)));
  });
  const started = await first;
  expect(started.clipPort, 'the clip endpoint listens on the port given').toBe(clipPort);
  return {
    url: started.url,
    token: new URL(started.url).hash.replace('#token=', ''),
    nextPairingCode: () =>
      codes.length ? Promise.resolve(codes.shift()!) : new Promise<string>((resolve) => waiting.push(resolve)),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The library as the app sees it, through browser mode's own API. */
async function call<T>(app: ServeRun, method: string, ...args: unknown[]): Promise<T> {
  const res = await fetch(new URL(`/api/${method}`, app.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ args }),
  });
  const body = (await res.json()) as { result: T };
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body.result;
}

/** Articles a new library starts with (the welcome article). */
let preexisting = new Set<string>();

/** The articles the clipper added. */
async function clipped(app: ServeRun): Promise<Summary[]> {
  return (await call<Summary[]>(app, 'listArticles')).filter((a) => !preexisting.has(a.id));
}

interface Summary {
  id: string;
  title: string;
  url: string;
  tags: string[];
  notes: number;
}

// ---------------------------------------------------------------- pages on loopback

const RIVERSIDE = readFileSync(path.join(FIXTURES, 'riverside-tram-structured.html'), 'utf8');
const ARS = readFileSync(path.join(FIXTURES, 'ars-1-minecraft-exploit.html'), 'utf8');
/** A third page: the Moscow Times sample as the paragraphs of a web page. */
const MOSCOW = (() => {
  const paras = readFileSync(path.join(FIXTURES, 'moscow-times-blinken-iranian-drones.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(paras[1]!)}</title></head><body><article><h1>${esc(paras[1]!)}</h1>${paras
    .slice(2)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n')}</article></body></html>`;
})();

const PDF_DIR = path.join(FIXTURES, 'pdf');
const TWO_COLUMN_PDF = readFileSync(path.join(PDF_DIR, 'two-column.pdf'));
/** Over the Clipper's 40 MB PDF limit: a PDF header, then padding. */
const HUGE_PDF_BYTES = 41 * 1024 * 1024;

function startPages(): Promise<{ base: string; close(): Promise<void> }> {
  const pages: Record<string, string> = { '/riverside.html': RIVERSIDE, '/ars.html': ARS, '/moscow.html': MOSCOW };
  // PDFs as a site serves them; the first has no .pdf in its address: its content type is the signal.
  const pdfs: Record<string, () => Buffer> = {
    '/papers/two-column': () => TWO_COLUMN_PDF,
    '/locked.pdf': () => readFileSync(path.join(PDF_DIR, 'encrypted.pdf')),
    // A scan (pages without text): not a duplicate of the others (locked.pdf is one-column.pdf encrypted).
    '/scanned.pdf': () => readFileSync(path.join(PDF_DIR, 'scanned.pdf')),
    '/huge.pdf': () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(HUGE_PDF_BYTES)]),
  };
  const server = http.createServer((req, res) => {
    const pdf = pdfs[req.url ?? ''];
    if (pdf) return void res.writeHead(200, { 'Content-Type': 'application/pdf' }).end(pdf());
    const body = pages[req.url ?? ''];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    ),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = http.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A display for the headed browser: the one we are given, or our own Xvfb (its number chosen by Xvfb). */
async function display(): Promise<{ name: string; stop(): void }> {
  if (!needsX) return { name: process.env.DISPLAY ?? '', stop: () => {} };
  const child = spawn(XVFB!, ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const n = await new Promise<string>((resolve, reject) => {
    (child.stdio[3] as NodeJS.ReadableStream).once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  return { name: `:${n}`, stop: () => child.kill('SIGTERM') };
}

// ---------------------------------------------------------------- the run

let tmp: string;
let libraryDir: string;
let userData: string;
let clipPort: number;
let app: ServeRun;
let pages: Awaited<ReturnType<typeof startPages>>;
let screen: Awaited<ReturnType<typeof display>>;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;

test.beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'scholia-clipper-e2e-'));
  libraryDir = path.join(tmp, 'library');
  userData = path.join(tmp, 'user-data');
  mkdirSync(userData);
  clipPort = await freePort();
  pages = await startPages();
  app = await serve(libraryDir, userData, clipPort);
  preexisting = new Set((await call<Summary[]>(app, 'listArticles')).map((a) => a.id));
  screen = await display();
  context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
    headless: false,
    executablePath: browserPath,
    viewport: { width: 1100, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
    ],
    env: screen.name ? { ...process.env, DISPLAY: screen.name } : process.env,
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
  // The extension looks for the app on this run's port (the popup's Settings offer the same), after a
  // port where another program answers (the pages server): the extension must pass over it.
  const pagesPort = Number(new URL(pages.base).port);
  await worker.evaluate(
    async (ports) => {
      await (
        globalThis as unknown as { chrome: { storage: { local: { set(x: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        ports,
      });
    },
    [pagesPort, clipPort],
  );
});

test.afterAll(async () => {
  await context?.close();
  screen?.stop();
  await app?.stop();
  await pages?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The ids of the open tabs, by address where the extension may see it. */
const tabIds = () =>
  worker.evaluate(async () => {
    const c = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }
    ).chrome;
    return (await c.tabs.query({})).map((t) => ({ id: t.id, url: t.url }));
  });

/** Opens a web page in a tab, and the extension's popup for that tab (as the toolbar button would). */
async function openWithPopup(pagePath: string): Promise<{ page: Page; popup: Page }> {
  const local = /^file:/.test(pagePath);
  const url = local ? pagePath : `${pages.base}${pagePath}`;
  const before = new Set((await tabIds()).map((t) => t.id));
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // A file:// tab's address is hidden from an extension without file access: the new tab is the one.
  const tabId = (await tabIds()).find((t) => (local ? !before.has(t.id) : t.url === url))?.id;
  expect(tabId, `the tab of ${url}`).toBeDefined();
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return { page, popup };
}

test('a browser that is not paired is refused, and its clip waits (clearable)', async () => {
  const { page, popup } = await openWithPopup('/ars.html');
  await expect(popup.locator('#app-status')).toHaveText(/not paired with Scholia yet/);
  await popup.getByRole('button', { name: 'Save this page' }).click();
  await expect(popup.locator('#result')).toHaveText(/not paired with Scholia\. The clip is queued \(1 waiting\)/);
  await expect(popup.locator('#queue-list li')).toHaveCount(1);
  await expectAccessible(popup, 'the clipper popup, not paired, one clip waiting');
  expect(await clipped(app)).toHaveLength(0);
  // A request the extension makes without a token is refused by the app itself.
  const status = await worker.evaluate(async (port) => {
    const r = await fetch(`http://127.0.0.1:${port}/v1/clip/page`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://example.org/', title: 't', html: '<p>x</p>' }),
    });
    return r.status;
  }, clipPort);
  expect(status).toBe(401);
  await popup.getByRole('button', { name: 'Clear the queue' }).click();
  await expect(popup.locator('#queue')).toBeHidden();
  await page.close();
  await popup.close();
});

test('pairs once with the code the app shows, then clips a page with tags and a note', async () => {
  const { page, popup } = await openWithPopup('/ars.html');
  await expect(popup.locator('#pairing')).toBeVisible();
  const code = app.nextPairingCode();
  await popup.getByRole('button', { name: 'Show a pairing code in Scholia' }).click();
  await expect(popup.locator('#pair-where')).toHaveText(/the terminal running scholia serve/);
  await popup.getByLabel('Code shown by Scholia').fill(await code);
  await popup.getByRole('button', { name: 'Pair', exact: true }).click();
  await expect(popup.locator('#app-status')).toHaveText('Connected to Scholia.');
  await expect(popup.locator('#pairing')).toBeHidden();

  await popup.getByLabel('Tags', { exact: true }).fill('security');
  await popup.getByLabel('Tags', { exact: true }).press('Enter');
  await popup.getByLabel('Tags', { exact: true }).fill('games/minecraft');
  await popup.getByLabel('Tags', { exact: true }).press('Enter');
  await expect(popup.locator('#tag-chips li')).toHaveCount(2);
  await popup.getByLabel('Note (optional)').fill('Example of a denial of service.');
  await popup.getByRole('button', { name: 'Save this page' }).click();
  await expect(popup.locator('#result')).toHaveText(/^Saved to Scholia: .*Minecraft exploit.*Note added\./);

  const [article] = await clipped(app);
  // The page names its canonical address, which the import prefers to where it was read (as for a saved file).
  expect(article).toMatchObject({
    url: 'https://arstechnica.com/information-technology/2015/04/just-released-minecraft-exploit-makes-it-easy-to-crash-game-servers/',
    tags: ['security', 'games/minecraft'],
    notes: 1,
  });
  expect(article!.title).toMatch(/Minecraft exploit makes it easy to crash game servers/);
  await expectAccessible(popup, 'the clipper popup after saving');
  await popup.locator('body').screenshot({ path: SCREENSHOT });

  // The same page again: the import's duplicate report, with the way to open it.
  await popup.getByRole('button', { name: 'Save this page' }).click();
  await expect(popup.locator('#result')).toHaveText(/^Already in your library — open it\./);
  await expect(popup.getByRole('link', { name: 'open it' })).toHaveAttribute(
    'href',
    `scholia://article/${article!.id}`,
  );
  expect(await clipped(app)).toHaveLength(1);
  await page.close();
  await popup.close();
});

test('clips a selection: the page is saved and the highlight sits exactly on the selected words', async () => {
  const { page: tab, popup: popup2 } = await openWithPopup('/riverside.html');
  // Nothing selected yet: the popup offers only the page.
  await expect(popup2.locator('#page-title')).toHaveText(/Riverside tram line/);
  await expect(popup2.getByRole('button', { name: 'Save the selection' })).toBeDisabled();
  // The user selects "the line" in the last paragraph (the words occur four times in the article).
  await tab.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((e) => e.textContent!.includes('whether to extend the line'))!;
    const node = p.firstChild!;
    const at = node.textContent!.indexOf('the line past');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'the line'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await popup2.reload();
  await expect(popup2.locator('#page-selection')).toHaveText('“the line”');
  await popup2.getByRole('button', { name: 'Save the selection' }).click();
  await expect(popup2.locator('#result')).toHaveText(
    /^Saved to Scholia: How the Riverside tram line changed a city\. Highlight: “the line”\./,
  );

  const article = (await clipped(app)).find((a) => a.url === `${pages.base}/riverside.html`)!;
  const detail = await call<{ text: string }>(app, 'getArticle', article.id);
  const passages = await call<{ position: { start: number; end: number }; quote: { exact: string } }[]>(
    app,
    'listPassages',
    { articleId: article.id },
  );
  expect(passages).toHaveLength(1);
  const expected = detail.text.indexOf('whether to extend the line past') + 'whether to extend '.length;
  expect(detail.text.indexOf('the line')).toBeLessThan(expected);
  expect(passages[0]!.position).toMatchObject({ start: expected, end: expected + 'the line'.length });
  expect(passages[0]!.quote.exact).toBe('the line');

  // A second selection, across table cells (Chromium's own text for it has tabs and line breaks), on the
  // page now in the library: the highlight goes onto the saved article.
  await tab.evaluate(() => {
    const cells = [...document.querySelectorAll('td')];
    const from = cells.find((c) => c.textContent === '91%')!.firstChild!;
    const to = cells.find((c) => c.textContent === '520,000')!.firstChild!;
    const range = document.createRange();
    range.setStart(from, 0);
    range.setEnd(to, 3);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await popup2.reload();
  await expect(popup2.locator('#page-selection')).toHaveText(/^“91%\s+Summer\s+520”$/);
  await popup2.getByRole('button', { name: 'Save the selection' }).click();
  await expect(popup2.locator('#result')).toHaveText(/^Already in your library — open it\. Highlight: “91%/);
  const after = await call<{ position: { start: number; end: number } }[]>(app, 'listPassages', {
    articleId: article.id,
  });
  expect(after.map((p) => p.position)).toContainEqual(
    expect.objectContaining({ start: detail.text.indexOf('91%'), end: detail.text.indexOf('520,000') + 3 }),
  );
  expect(await clipped(app)).toHaveLength(2);
  await tab.close();
  await popup2.close();
});

test('a clip made while the app is down waits in the popup and is delivered when the app is back', async () => {
  await app.stop();
  const { page, popup } = await openWithPopup('/moscow.html');
  await expect(popup.locator('#app-status')).toHaveText(/^Scholia is not running\./);
  await popup.getByRole('button', { name: 'Save this page' }).click();
  await expect(popup.locator('#result')).toHaveText(
    'Scholia is not running. The clip is queued (1 waiting) and will be sent when Scholia is open.',
  );
  await expect(popup.locator('#queue-list li')).toHaveText([/Iranian Drones in Ukraine.*Scholia is not running\./]);
  await popup.close();

  app = await serve(libraryDir, userData, clipPort);
  const reopened = await context.newPage();
  const tabId = await worker.evaluate(async () => {
    const c = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }
    ).chrome;
    return (await c.tabs.query({})).find((t) => t.url?.endsWith('/moscow.html'))?.id;
  });
  await reopened.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(reopened.locator('#result')).toHaveText('Sent 1 queued clip to Scholia.');
  await expect(reopened.locator('#queue')).toBeHidden();
  await expect(reopened.locator('#app-status')).toHaveText('Connected to Scholia.');
  const titles = (await clipped(app)).map((a) => a.title);
  expect(titles).toContainEqual(expect.stringMatching(/Iranian Drones in Ukraine 'Appalling'/));
  expect(titles).toHaveLength(3);
  await page.close();
  await reopened.close();
});

// ---------------------------------------------------------------- PDFs

interface Detail {
  text: string;
  url: string;
  format: string;
  pages?: { start: number }[];
}

test('saves a tab showing a PDF as the PDF: its pages, its text and the address it was read at', async () => {
  const before = (await clipped(app)).length;
  const { page, popup } = await openWithPopup('/papers/two-column');
  // What this Chromium shows: its PDF viewer, or none (then the document is a download); the Clipper
  // goes by the document's content type either way.
  const shown = await page.evaluate(() => ({ type: document.contentType, viewer: navigator.pdfViewerEnabled }));
  console.log(`clipper e2e: the tab's content type is ${shown.type}; PDF viewer enabled: ${shown.viewer}`);
  expect(shown.type).toBe('application/pdf');
  await expect(popup.locator('#app-status')).toHaveText('Connected to Scholia.');
  await expect(popup.getByRole('button', { name: 'Save the selection' })).toBeDisabled();
  await popup.getByLabel('Tags', { exact: true }).fill('economy');
  await popup.getByLabel('Tags', { exact: true }).press('Enter');
  await popup.getByRole('button', { name: 'Save this PDF' }).click();
  await expect(popup.locator('#result')).toHaveText('Saved to Scholia: Ad sales boost Time Warner profit.');

  const article = (await clipped(app)).find((a) => a.url === `${pages.base}/papers/two-column`);
  expect(article, 'the PDF article, with the address it was clipped from').toBeDefined();
  expect(article!.tags).toEqual(['economy']);
  const detail = await call<Detail>(app, 'getArticle', article!.id);
  expect(detail.format).toBe('pdf');
  expect(detail.pages).toHaveLength(3);
  // Page 2 begins with these words, in the text where page 2 begins.
  expect(detail.text.indexOf("world's leading economies. Europe's economic difficulties")).toBe(
    detail.pages![1]!.start,
  );
  const pdf = await call<{ dataBase64: string }>(app, 'getArticlePdf', article!.id);
  expect(Buffer.from(pdf.dataBase64, 'base64').equals(TWO_COLUMN_PDF)).toBe(true);
  expect(await clipped(app)).toHaveLength(before + 1);

  // Saved again: the import's duplicate report.
  await popup.getByRole('button', { name: 'Save this PDF' }).click();
  await expect(popup.locator('#result')).toHaveText(/^Already in your library — open it\./);
  expect(await clipped(app)).toHaveLength(before + 1);
  await page.close();
  await popup.close();
});

test('asks for the password of an encrypted PDF, and saves it with the one typed', async () => {
  const before = (await clipped(app)).length;
  const { page, popup } = await openWithPopup('/locked.pdf');
  await popup.getByRole('button', { name: 'Save this PDF' }).click();
  await expect(popup.locator('#result')).toHaveText(/^This PDF is encrypted: type its password below/);
  expect(await clipped(app)).toHaveLength(before);
  await popup.getByLabel('Password of this PDF').fill('not-it');
  await popup.getByRole('button', { name: 'Save with the password' }).click();
  await expect(popup.locator('#result')).toHaveText(/^That is not this PDF’s password/);
  await expectAccessible(popup, 'the clipper popup asking for a PDF password');
  await popup.getByLabel('Password of this PDF').fill('secret');
  await popup.getByRole('button', { name: 'Save with the password' }).click();
  await expect(popup.locator('#result')).toHaveText(/^Saved to Scholia: /);
  await expect(popup.locator('#pdf-password')).toBeHidden();
  const article = (await clipped(app)).find((a) => a.url === `${pages.base}/locked.pdf`);
  expect((await call<Detail>(app, 'getArticle', article!.id)).format).toBe('pdf');
  await page.close();
  await popup.close();
});

test('refuses a PDF over the limit with the sizes, and one opened from disk with where to import it', async () => {
  const before = (await clipped(app)).length;
  const { page, popup } = await openWithPopup('/huge.pdf');
  await popup.getByRole('button', { name: 'Save this PDF' }).click();
  await expect(popup.locator('#result')).toHaveText(
    'This PDF is 41.0 MB, over the 40.0 MB Scholia takes; nothing was saved.',
  );
  await page.close();
  await popup.close();

  // The extension has no access to file:// here (the user has not allowed it): the popup says what to do.
  const local = await openWithPopup(`file://${path.join(PDF_DIR, 'two-column.pdf')}`);
  await expect(local.popup.locator('#result')).toHaveText(
    'This page cannot be clipped: only web pages and PDFs on the web can (a PDF on your computer: import the file in Scholia).',
  );
  await expect(local.popup.getByRole('button', { name: /^Save this/ })).toBeDisabled();
  expect(await clipped(app)).toHaveLength(before);
  await local.page.close();
  await local.popup.close();
});

test('a PDF saved while the app is down waits with its bytes and is delivered when the app is back', async () => {
  await app.stop();
  const { page, popup } = await openWithPopup('/scanned.pdf');
  await popup.getByRole('button', { name: 'Save this PDF' }).click();
  await expect(popup.locator('#result')).toHaveText(/^Scholia is not running\. The clip is queued \(1 waiting\)/);
  await expect(popup.locator('#queue-list li')).toHaveText([/\(PDF\) — Scholia is not running\./]);
  await popup.close();
  // The tab is gone before the app is back: the clip carries its bytes.
  await page.close();

  app = await serve(libraryDir, userData, clipPort);
  const reopened = await context.newPage();
  await reopened.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(reopened.locator('#result')).toHaveText('Sent 1 queued clip to Scholia.');
  await expect(reopened.locator('#queue')).toBeHidden();
  const article = (await clipped(app)).find((a) => a.url === `${pages.base}/scanned.pdf`);
  expect(article, 'the queued PDF, saved').toBeDefined();
  const detail = await call<Detail>(app, 'getArticle', article!.id);
  expect(detail.format).toBe('pdf');
  // Its pages, to view (a scan has no text to extract).
  expect(detail.pages!.length).toBeGreaterThan(0);
  const pdf = await call<{ dataBase64: string }>(app, 'getArticlePdf', article!.id);
  expect(Buffer.from(pdf.dataBase64, 'base64').equals(readFileSync(path.join(PDF_DIR, 'scanned.pdf')))).toBe(true);
  // Nothing of the PDF is left in the extension's storage.
  const keys = await worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome;
    return Object.keys(await c.storage.local.get(null));
  });
  expect(keys.filter((k) => k.startsWith('pdf:'))).toEqual([]);
  await reopened.close();
});
