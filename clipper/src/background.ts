// The extension's background (a service worker in Chromium, an event page in
// Firefox): context menus, the keyboard shortcut, the alarm that retries queued
// clips, and every request to the app, one at a time. A tab showing a PDF (and a
// link to one) is sent as the PDF's bytes (pdf.ts), never as the viewer's DOM.
import {
  CLIP_PATHS,
  type ClipExtras,
  type ClipPath,
  type ClipReply,
  type StatusReply,
} from '../../electron/shared/clip-protocol.js';
import { AppRefusal, AppUnreachable, send } from './app-client.js';
import { capturePage } from './capture.js';
import { ext, type Tab } from './ext.js';
import type { AppStatus, ClipOutcome, Delivery, PopupRequest, Probe } from './messages.js';
import { askHostPermission, hostPermissionFor, isPdfType, looksLikePdfUrl, pdfReadProblem, readTabPdf } from './pdf.js';
import {
  forget,
  loadQueued,
  QueueFull,
  readQueue,
  storeForQueue,
  writeQueue,
  type ClipRequest,
  type QueuedClip,
} from './queue.js';

const PATH: Record<ClipRequest['kind'], ClipPath> = {
  page: CLIP_PATHS.page,
  selection: CLIP_PATHS.selection,
  link: CLIP_PATHS.link,
  pdf: CLIP_PATHS.pdf,
};
const RETRY_ALARM = 'deliver-queue';

let chain: Promise<unknown> = Promise.resolve();
/** Runs one job after the previous one: queue reads and writes never interleave. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = chain.then(job, job);
  chain = next.catch(() => undefined);
  return next;
}

/** A refusal that means "try again later" (the app is away or does not know this browser yet). */
function waitReason(err: unknown): string | null {
  if (err instanceof AppUnreachable) return 'Scholia is not running.';
  if (err instanceof AppRefusal && err.status === 401) return 'This browser is not paired with Scholia.';
  return null;
}

/** Queues a clip; the outcome says it waits, or why it could not (too many PDFs waiting, storage full). */
async function enqueue(req: ClipRequest, reason: string): Promise<ClipOutcome> {
  const queue = await readQueue();
  let item: QueuedClip;
  try {
    item = await storeForQueue(req, { id: crypto.randomUUID(), queuedAt: new Date().toISOString(), reason }, queue);
  } catch (err) {
    const message =
      err instanceof QueueFull
        ? err.message
        : `${reason} The clip could not be kept to send later (${(err as Error).message}); nothing was saved.`;
    return { outcome: 'error', message };
  }
  queue.push(item);
  await writeQueue(queue);
  return { outcome: 'queued', reason, queued: queue.length };
}

/** Sends waiting clips in order; stops at the first that must wait again. */
async function deliverQueue(): Promise<Delivery> {
  const queue = await readQueue();
  if (!queue.length) return { delivered: 0, remaining: 0 };
  const kept: QueuedClip[] = [];
  let delivered = 0;
  let reason: string | undefined;
  for (const [i, clip] of queue.entries()) {
    if (clip.failed || reason) {
      kept.push(clip);
      continue;
    }
    const req = await loadQueued(clip);
    if (!req) {
      kept.push({ ...clip, failed: true, reason: 'Its PDF is no longer in the browser’s storage: save it again.' });
      continue;
    }
    try {
      await send<ClipReply>(PATH[req.kind], req.body);
      await forget([clip]);
      delivered++;
    } catch (err) {
      const wait = waitReason(err);
      if (wait) {
        reason = wait;
        kept.push({ ...clip, reason: wait }, ...queue.slice(i + 1));
        break;
      }
      // The app refused this clip itself (an unreadable page): kept, marked, for the user to read and clear.
      kept.push({ ...clip, failed: true, reason: (err as Error).message });
    }
  }
  await writeQueue(kept);
  return { delivered, remaining: kept.length, ...(reason ? { reason } : {}) };
}

/** Sends a clip now, or queues it when the app cannot take it yet. Waiting clips go first. */
async function submit(req: ClipRequest, remember: boolean): Promise<ClipOutcome> {
  const outcome = await sendOrQueue(req);
  // A clip from the context menu or the shortcut has no window of its own: the popup shows it when next opened.
  if (remember) await ext.storage.local.set({ lastOutcome: { ...outcome, at: new Date().toISOString() } });
  return outcome;
}

async function sendOrQueue(req: ClipRequest): Promise<ClipOutcome> {
  const earlier = await deliverQueue();
  if (earlier.reason) return enqueue(req, earlier.reason);
  try {
    return { outcome: 'saved', reply: await send<ClipReply>(PATH[req.kind], req.body) };
  } catch (err) {
    const wait = waitReason(err);
    if (wait) return enqueue(req, wait);
    return {
      outcome: 'error',
      message: (err as Error).message,
      ...(err instanceof AppRefusal ? { code: err.code } : {}),
    };
  }
}

/** An outcome reached without the app (a page that cannot be read): shown by the popup when next opened. */
async function report(outcome: ClipOutcome, remember: boolean): Promise<ClipOutcome> {
  if (remember) await ext.storage.local.set({ lastOutcome: { ...outcome, at: new Date().toISOString() } });
  return outcome;
}

const NOT_CLIPPABLE =
  'This page cannot be clipped: only web pages and PDFs on the web can (a PDF on your computer: import the file in Scholia).';

/** Whether an address the extension cannot look into serves a PDF (Firefox's viewer takes no scripts). */
async function servesPdf(url: string): Promise<boolean> {
  if (looksLikePdfUrl(url)) return true;
  if (!/^https?:/i.test(url)) return false;
  try {
    const res = await fetch(url, { method: 'HEAD', credentials: 'include' });
    return isPdfType(res.headers.get('content-type'));
  } catch {
    return false;
  }
}

/** The PDF a tab shows, as a clip: its bytes, the address it was read at, the tab's title. */
async function clipPdfTab(
  tabId: number,
  url: string,
  title: string,
  extras: ClipExtras,
  password: string | undefined,
  remember: boolean,
): Promise<ClipOutcome> {
  const read = await readTabPdf(tabId, url);
  if (!read.ok) return report({ outcome: 'error', message: pdfReadProblem(read, url)! }, remember);
  const body = { url, title, pdfBase64: read.base64, ...extras, ...(password ? { password } : {}) };
  return submit({ kind: 'pdf', body }, remember);
}

/**
 * A link: a .pdf read from the tab it is on (same site: the browser's cookies) or by the extension goes
 * as the PDF; else the app downloads it (and imports a PDF as a PDF all the same).
 */
async function clipLink(url: string, tabId: number | undefined, remember: boolean): Promise<ClipOutcome> {
  if (/^https?:/i.test(url) && looksLikePdfUrl(url)) {
    const read = await readTabPdf(tabId ?? -1, url, url);
    if (read.ok) {
      const name = new URL(url).pathname.split('/').pop() ?? '';
      // The PDF's own title wins in the import; this names the clip in the queue meanwhile.
      let title = name;
      try {
        title = decodeURIComponent(name);
      } catch {
        // a malformed escape: the name as written
      }
      return submit({ kind: 'pdf', body: { url, title: title || url, pdfBase64: read.base64 } }, remember);
    }
    if (read.reason === 'too-large') return report({ outcome: 'error', message: pdfReadProblem(read, url)! }, remember);
    // Not readable from here (no permission for that site, or not a PDF after all): Scholia downloads it.
  }
  return submit({ kind: 'link', body: { url } }, remember);
}

async function capture(tabId: number) {
  try {
    const [res] = await ext.scripting.executeScript({ target: { tabId }, func: capturePage });
    if (res?.result) return res.result;
  } catch {
    // The browser's own pages and extension galleries cannot be read by any extension.
  }
  return null;
}

async function clipTab(
  tabId: number,
  mode: 'page' | 'selection' | 'auto',
  extras: ClipExtras = {},
  remember = false,
  password?: string,
): Promise<ClipOutcome> {
  const page = await capture(tabId);
  // The tab's type as the server sent it is the signal (whatever the viewer's DOM, or without a viewer);
  // a tab no script may enter is a PDF when its address says so (Firefox's viewer).
  const tab = page ? null : await ext.tabs.get(tabId).catch(() => ({}) as Tab);
  const url = page?.url ?? tab?.url ?? '';
  if (page ? isPdfType(page.contentType) : await servesPdf(url)) {
    if (mode === 'selection') {
      return report(
        {
          outcome: 'error',
          message: 'A selection in a PDF cannot be saved from the browser: save the PDF, then highlight it in Scholia.',
        },
        remember,
      );
    }
    // A PDF viewer's own document has no title: the tab's is the PDF's (or its file name).
    const title = page?.title || (tab ?? (await ext.tabs.get(tabId).catch(() => ({}) as Tab))).title || '';
    return clipPdfTab(tabId, url, title, extras, password, remember);
  }
  if (!page || !/^https?:/i.test(page.url)) return report({ outcome: 'error', message: NOT_CLIPPABLE }, remember);
  const body = { url: page.url, title: page.title, html: page.html, ...extras };
  const wantSelection = mode === 'selection' || (mode === 'auto' && page.selection);
  if (!wantSelection) return submit({ kind: 'page', body }, remember);
  if (!page.selection) return report({ outcome: 'error', message: 'Nothing is selected on the page.' }, remember);
  return submit({ kind: 'selection', body: { ...body, selection: page.selection } }, remember);
}

async function probe(tabId: number): Promise<Probe> {
  try {
    const [res] = await ext.scripting.executeScript({
      target: { tabId },
      func: () => ({
        url: location.href,
        title: document.title,
        selection: window.getSelection()?.toString() ?? '',
        contentType: document.contentType,
      }),
    });
    const r = res?.result;
    if (r) {
      const pdf = isPdfType(r.contentType);
      // A PDF viewer's own document has no title: the tab's is the PDF's (or its file name).
      const title = r.title || (pdf ? ((await ext.tabs.get(tabId).catch(() => ({}) as Tab)).title ?? '') : '');
      return {
        url: r.url,
        title,
        selection: !pdf && r.selection.trim() ? r.selection : null,
        clippable: pdf ? /^(https?|file):/i.test(r.url) : /^https?:/i.test(r.url),
        pdf,
      };
    }
  } catch {
    // unreadable page: below
  }
  const tab = await ext.tabs.get(tabId).catch(() => ({}) as Tab);
  const pdf = await servesPdf(tab.url ?? '');
  const probe: Probe = { url: tab.url ?? '', title: tab.title ?? '', selection: null, clippable: pdf, pdf };
  // A PDF no script may read (Firefox's viewer): the extension fetches it, with leave for that site.
  const pattern = pdf ? hostPermissionFor(tab.url) : null;
  if (pattern && !(await ext.permissions?.contains({ origins: [pattern] }).catch(() => false))) {
    probe.askFor = pattern;
  }
  return probe;
}

async function status(): Promise<AppStatus> {
  try {
    const s = await send<StatusReply>(CLIP_PATHS.status, {});
    return { state: 'ready', tags: s.tags, mode: s.mode };
  } catch (err) {
    if (err instanceof AppUnreachable) return { state: 'not-running' };
    if (err instanceof AppRefusal && err.status === 401) return { state: 'not-paired', message: err.message };
    return { state: 'error', message: (err as Error).message };
  }
}

async function handle(msg: PopupRequest): Promise<unknown> {
  switch (msg.type) {
    case 'probe':
      return probe(msg.tabId);
    case 'clip':
      return serial(() => clipTab(msg.tabId, msg.mode, msg.extras, false, msg.password));
    case 'deliver':
      return serial(deliverQueue);
    case 'clear-queue':
      return serial(async () => {
        await forget(await readQueue());
        await writeQueue([]);
      });
    case 'status':
      return status();
  }
}

ext.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  // sendResponse + true: the one way of answering asynchronously that both browsers share.
  handle(message as PopupRequest).then(
    (reply) => sendResponse({ ok: true, reply }),
    (err: unknown) => sendResponse({ ok: false, error: (err as Error).message }),
  );
  return true;
});

function setUp(): void {
  void ext.contextMenus.removeAll().then(() => {
    ext.contextMenus.create({ id: 'clip-page', title: 'Save this page to Scholia', contexts: ['page'] });
    ext.contextMenus.create({ id: 'clip-selection', title: 'Save the selection to Scholia', contexts: ['selection'] });
    ext.contextMenus.create({ id: 'clip-link', title: 'Save the link to Scholia', contexts: ['link'] });
  });
  ext.alarms.create(RETRY_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
}
ext.runtime.onInstalled.addListener(setUp);
ext.runtime.onStartup.addListener(setUp);

ext.contextMenus.onClicked.addListener((info, tab) => {
  // Firefox's PDF viewer takes no scripts: the extension reads the PDF itself, with the user's leave for
  // that site, asked now, while the click is the user's (see pdf.ts).
  const asked = askHostPermission(
    looksLikePdfUrl(info.linkUrl ?? tab?.url ?? '') ? hostPermissionFor(info.linkUrl ?? tab?.url) : null,
  );
  if (info.menuItemId === 'clip-link' && info.linkUrl) {
    void serial(async () => {
      await asked;
      return clipLink(info.linkUrl!, tab?.id, true);
    });
  } else if (tab?.id !== undefined) {
    const mode = info.menuItemId === 'clip-selection' ? 'selection' : 'page';
    void serial(async () => {
      await asked;
      return clipTab(tab.id!, mode, {}, true);
    });
  }
});

ext.commands.onCommand.addListener((command, tab) => {
  if (command !== 'clip-page') return;
  const asked = askHostPermission(looksLikePdfUrl(tab?.url ?? '') ? hostPermissionFor(tab?.url) : null);
  void (async () => {
    await asked;
    const id = tab?.id ?? (await ext.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await serial(() => clipTab(id, 'auto', {}, true));
  })();
});

ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void serial(deliverQueue);
});
