// The extension's background with PDFs (clipper/src/background.ts, pdf.ts,
// queue.ts), against a stand-in extension API and app: a tab showing a PDF is
// sent as the PDF's bytes (whatever its DOM, or when no script may enter it, as
// in Firefox's viewer), a PDF clip waits with its bytes stored apart and leaves
// nothing behind once delivered or cleared, a link to a .pdf is sent as the
// PDF, and an encrypted PDF comes back as a password question.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIP_MAX_PDF_BYTES, CLIP_PATHS } from '../../../electron/shared/clip-protocol.js';

const PDF = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'pdf', 'two-column.pdf'));
const PDF_B64 = PDF.toString('base64');

type Listener = (...args: unknown[]) => unknown;
const listeners: Record<string, Listener[]> = {};
const on = (name: string) => ({ addListener: (f: Listener) => (listeners[name] ??= []).push(f) });
const store: Record<string, unknown> = {};

/** The tab the clips are made of: what a script in it would find, or null when no script may enter. */
let tab: { url: string; title: string; contentType: string; inPage: unknown } | null;
let tabUrl = '';
/** Host permissions the extension asked the user for. */
let asked: string[] = [];

const fakeExt = {
  runtime: { onMessage: on('message'), onInstalled: on('installed'), onStartup: on('startup') },
  storage: {
    local: {
      get: async (keys: string | string[]) =>
        Object.fromEntries(
          (Array.isArray(keys) ? keys : [keys]).filter((k) => k in store).map((k) => [k, structuredClone(store[k])]),
        ),
      set: async (items: Record<string, unknown>) => void Object.assign(store, structuredClone(items)),
      remove: async (keys: string | string[]) => {
        for (const k of Array.isArray(keys) ? keys : [keys]) delete store[k];
      },
    },
    onChanged: on('storage'),
  },
  contextMenus: { create: () => {}, removeAll: async () => {}, onClicked: on('menu') },
  commands: { onCommand: on('command') },
  alarms: { create: () => {}, onAlarm: on('alarm') },
  action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {} },
  tabs: { query: async () => [], get: async () => ({ id: 7, url: tabUrl, title: 'Tab title' }) },
  permissions: {
    request: (p: { origins: string[] }) => {
      asked.push(...p.origins);
      return Promise.resolve(true);
    },
    contains: async () => false,
  },
  scripting: {
    executeScript: async ({ func }: { func: { name: string } }) => {
      if (!tab) throw new Error('Missing host permission for the tab');
      if (func.name === 'readPdfInPage') return [{ result: tab.inPage }];
      return [
        {
          result: {
            url: tab.url,
            title: tab.title,
            html: '<html><body></body></html>',
            selection: null,
            contentType: tab.contentType,
          },
        },
      ];
    },
  },
};

/** What the app was sent, and what the web serves to the extension's own fetches. */
let sent: { path: string; body: Record<string, unknown> }[] = [];
let appUp = true;
let appAnswer: ((body: Record<string, unknown>) => Response) | null = null;
const web: Record<string, () => Response> = {};

const fetchStub = vi.fn(async (url: string, init?: { method?: string; body?: string }) => {
  const u = new URL(url);
  if (u.hostname === '127.0.0.1' && u.port === '47417') {
    if (!appUp) throw new TypeError('Failed to fetch');
    const body = JSON.parse(init!.body!) as Record<string, unknown>;
    if (appAnswer) return appAnswer(body);
    sent.push({ path: u.pathname, body });
    return new Response(JSON.stringify({ status: 'imported', articleId: `a_${sent.length}`, title: body.title }));
  }
  const page = web[url];
  if (!page) throw new TypeError('Failed to fetch');
  return page();
});

function message(msg: unknown): Promise<{ ok: boolean; reply?: Record<string, unknown> }> {
  return new Promise((resolve) => listeners.message![0]!(msg, {}, resolve));
}
const clipTab = (extra: Record<string, unknown> = {}) =>
  message({ type: 'clip', tabId: 7, mode: 'page', extras: { tags: ['reports'] }, ...extra });

beforeAll(async () => {
  (globalThis as unknown as { chrome: unknown }).chrome = fakeExt;
  vi.stubGlobal('fetch', fetchStub);
  await import('../../../clipper/src/background.js');
});

beforeEach(() => {
  for (const k of Object.keys(store)) delete store[k];
  for (const k of Object.keys(web)) delete web[k];
  store.pairing = { token: 't'.repeat(43), port: 47417 };
  store.ports = [47417];
  sent = [];
  appUp = true;
  appAnswer = null;
  tab = null;
  tabUrl = '';
  asked = [];
});

describe('a tab showing a PDF', () => {
  it('is sent as the PDF read inside the tab, by its content type (no .pdf in the address)', async () => {
    const url = 'https://arxiv.example.org/pdf/2401.01234';
    tab = { url, title: '', contentType: 'application/pdf', inPage: { ok: true, base64: PDF_B64, size: PDF.length } };
    const r = await clipTab();
    expect(r.reply).toMatchObject({ outcome: 'saved' });
    expect(sent).toEqual([
      {
        path: CLIP_PATHS.pdf,
        body: { url, title: 'Tab title', pdfBase64: PDF_B64, tags: ['reports'] },
      },
    ]);
  });

  it('is fetched by the extension when no script may enter the tab (Firefox’s viewer) and its address names a .pdf', async () => {
    tabUrl = 'https://reports.example.org/annual.pdf';
    web[tabUrl] = () => new Response(PDF, { headers: { 'Content-Type': 'application/pdf' } });
    const r = await clipTab();
    expect(r.reply).toMatchObject({ outcome: 'saved' });
    expect(sent.map((s) => [s.path, s.body.url, s.body.pdfBase64])).toEqual([[CLIP_PATHS.pdf, tabUrl, PDF_B64]]);
  });

  it('says plainly when the PDF is over the limit, and sends and queues nothing', async () => {
    const size = CLIP_MAX_PDF_BYTES + 5 * 1024 * 1024;
    tab = {
      url: 'https://x.example/big.pdf',
      title: 'Big',
      contentType: 'application/pdf',
      inPage: { ok: false, reason: 'too-large', size },
    };
    const r = await clipTab();
    expect(r.reply).toEqual({
      outcome: 'error',
      message: 'This PDF is 45.0 MB, over the 40.0 MB Scholia takes; nothing was saved.',
    });
    appUp = false;
    expect((await clipTab()).reply).toMatchObject({ outcome: 'error' });
    expect(sent).toEqual([]);
    expect(store.queue).toBeUndefined();
  });

  it('says a PDF opened from the computer is to be imported in Scholia', async () => {
    tabUrl = 'file:///home/me/report.pdf';
    const r = await clipTab();
    expect(r.reply).toMatchObject({
      outcome: 'error',
      message: expect.stringMatching(/file:\/\/.*import the file in Scholia/),
    });
    expect(sent).toEqual([]);
  });

  it('waits with its bytes stored apart while the app is away, and leaves nothing behind once delivered', async () => {
    tab = {
      url: 'https://x.example/a.pdf',
      title: 'A report',
      contentType: 'application/pdf',
      inPage: { ok: true, base64: PDF_B64, size: PDF.length },
    };
    appUp = false;
    expect((await clipTab()).reply).toMatchObject({ outcome: 'queued', queued: 1 });
    const [queued] = store.queue as { kind: string; bytesKey: string; body: { pdfBase64: string; title: string } }[];
    expect(queued).toMatchObject({ kind: 'pdf', body: { pdfBase64: '', title: 'A report' } });
    // The list stays small; the bytes wait under their own key.
    expect(JSON.stringify(store.queue).length).toBeLessThan(1000);
    expect(store[queued!.bytesKey]).toBe(PDF_B64);

    appUp = true;
    expect((await message({ type: 'deliver' })).reply).toEqual({ delivered: 1, remaining: 0 });
    expect(sent).toEqual([
      {
        path: CLIP_PATHS.pdf,
        body: { url: 'https://x.example/a.pdf', title: 'A report', pdfBase64: PDF_B64, tags: ['reports'] },
      },
    ]);
    expect(Object.keys(store).filter((k) => k.startsWith('pdf:'))).toEqual([]);
  });

  it('drops the stored bytes when the user clears the queue', async () => {
    tab = {
      url: 'https://x.example/a.pdf',
      title: 'A',
      contentType: 'application/pdf',
      inPage: { ok: true, base64: PDF_B64, size: 1 },
    };
    appUp = false;
    await clipTab();
    expect(Object.keys(store).filter((k) => k.startsWith('pdf:'))).toHaveLength(1);
    await message({ type: 'clear-queue' });
    expect(store.queue).toEqual([]);
    expect(Object.keys(store).filter((k) => k.startsWith('pdf:'))).toEqual([]);
  });

  it('comes back as a password question when the PDF is encrypted, and sends the password typed', async () => {
    tab = {
      url: 'https://x.example/locked.pdf',
      title: 'L',
      contentType: 'application/pdf',
      inPage: { ok: true, base64: PDF_B64, size: 1 },
    };
    appAnswer = (body) =>
      body.password === 'secret'
        ? new Response(JSON.stringify({ status: 'imported', articleId: 'a_1', title: 'L' }))
        : new Response(
            JSON.stringify({
              error: 'locked.pdf is encrypted: import it again with its password',
              code: 'password-required',
            }),
            { status: 422 },
          );
    expect((await clipTab()).reply).toMatchObject({ outcome: 'error', code: 'password-required' });
    expect(store.queue).toBeUndefined();
    expect((await clipTab({ password: 'secret' })).reply).toMatchObject({ outcome: 'saved' });
  });

  it('refuses to save a selection of a PDF (the viewer’s words are not the page’s)', async () => {
    tab = {
      url: 'https://x.example/a.pdf',
      title: 'A',
      contentType: 'application/pdf',
      inPage: { ok: true, base64: PDF_B64, size: 1 },
    };
    const r = await message({ type: 'clip', tabId: 7, mode: 'selection', extras: {} });
    expect(r.reply).toMatchObject({ outcome: 'error', message: expect.stringMatching(/save the PDF, then highlight/) });
    expect(sent).toEqual([]);
  });
});

describe('the probe', () => {
  it('calls a PDF tab a PDF, clippable, with the tab’s title', async () => {
    tab = { url: 'https://x.example/doc', title: '', contentType: 'application/pdf', inPage: null };
    expect((await message({ type: 'probe', tabId: 7 })).reply).toEqual({
      url: 'https://x.example/doc',
      title: 'Tab title',
      selection: null,
      clippable: true,
      pdf: true,
    });
  });
});

/** The outcome of a clip made from the menu (remembered for the popup), once it is reached. */
async function outcome(): Promise<unknown> {
  for (let i = 0; i < 100 && !store.lastOutcome; i++) await new Promise((r) => setTimeout(r, 5));
  return store.lastOutcome;
}

describe('Firefox’s PDF viewer (no script may enter the tab)', () => {
  it('has the popup ask for that one site before saving', async () => {
    tabUrl = 'https://reports.example.org/annual.pdf';
    expect((await message({ type: 'probe', tabId: 7 })).reply).toMatchObject({
      clippable: true,
      pdf: true,
      askFor: 'https://reports.example.org/*',
    });
  });

  it('asks for that site within the menu click itself, before anything is awaited', async () => {
    tabUrl = 'https://reports.example.org/annual.pdf';
    listeners.menu![0]!({ menuItemId: 'clip-page' }, { id: 7, url: tabUrl });
    expect(asked).toEqual(['https://reports.example.org/*']);
    await outcome();
  });

  it('asks for nothing on a web page', async () => {
    listeners.menu![0]!({ menuItemId: 'clip-page' }, { id: 7, url: 'https://news.example/story' });
    expect(asked).toEqual([]);
    await outcome();
  });
});

describe('a link', () => {
  const menu = (linkUrl: string) => listeners.menu![0]!({ menuItemId: 'clip-link', linkUrl }, { id: 7 });
  const settled = outcome;

  it('to a .pdf is sent as the PDF, downloaded by the extension with the browser’s cookies', async () => {
    const url = 'https://reports.example.org/files/Annual%20Report.pdf';
    web[url] = () => new Response(PDF, { headers: { 'Content-Type': 'application/pdf' } });
    menu(url);
    await settled();
    expect(sent.map((s) => [s.path, s.body.url, s.body.title, s.body.pdfBase64 === PDF_B64])).toEqual([
      [CLIP_PATHS.pdf, url, 'Annual Report.pdf', true],
    ]);
  });

  it('to a .pdf the extension cannot download (no permission for that site) is left to the app', async () => {
    menu('https://elsewhere.example/paper.pdf');
    await settled();
    expect(sent).toEqual([{ path: CLIP_PATHS.link, body: { url: 'https://elsewhere.example/paper.pdf' } }]);
  });

  it('to a web page is left to the app, as before', async () => {
    menu('https://news.example/story');
    await settled();
    expect(sent).toEqual([{ path: CLIP_PATHS.link, body: { url: 'https://news.example/story' } }]);
  });
});
