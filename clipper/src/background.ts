// The extension's background (a service worker in Chromium, an event page in
// Firefox): context menus, the keyboard shortcut, the alarm that retries queued
// clips, and every request to the app, one at a time.
import { CLIP_PATHS, type ClipPath, type ClipReply, type StatusReply } from '../../electron/shared/clip-protocol.js';
import { AppRefusal, AppUnreachable, send } from './app-client.js';
import { capturePage } from './capture.js';
import { ext, type Tab } from './ext.js';
import type { AppStatus, ClipOutcome, Delivery, PopupRequest, Probe } from './messages.js';
import { readQueue, writeQueue, type ClipRequest, type QueuedClip } from './queue.js';

const PATH: Record<ClipRequest['kind'], ClipPath> = {
  page: CLIP_PATHS.page,
  selection: CLIP_PATHS.selection,
  link: CLIP_PATHS.link,
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

async function enqueue(req: ClipRequest, reason: string): Promise<number> {
  const queue = await readQueue();
  const item = { ...req, id: crypto.randomUUID(), queuedAt: new Date().toISOString(), reason } as QueuedClip;
  queue.push(item);
  await writeQueue(queue);
  return queue.length;
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
    try {
      await send<ClipReply>(PATH[clip.kind], clip.body);
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
  if (earlier.reason) return { outcome: 'queued', reason: earlier.reason, queued: await enqueue(req, earlier.reason) };
  try {
    return { outcome: 'saved', reply: await send<ClipReply>(PATH[req.kind], req.body) };
  } catch (err) {
    const wait = waitReason(err);
    return wait
      ? { outcome: 'queued', reason: wait, queued: await enqueue(req, wait) }
      : { outcome: 'error', message: (err as Error).message };
  }
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
  extras = {},
  remember = false,
): Promise<ClipOutcome> {
  const page = await capture(tabId);
  if (!page || !/^https?:/i.test(page.url)) {
    return { outcome: 'error', message: 'This page cannot be clipped (only web pages can).' };
  }
  const body = { url: page.url, title: page.title, html: page.html, ...extras };
  const wantSelection = mode === 'selection' || (mode === 'auto' && page.selection);
  if (!wantSelection) return submit({ kind: 'page', body }, remember);
  if (!page.selection) return { outcome: 'error', message: 'Nothing is selected on the page.' };
  return submit({ kind: 'selection', body: { ...body, selection: page.selection } }, remember);
}

async function probe(tabId: number): Promise<Probe> {
  try {
    const [res] = await ext.scripting.executeScript({
      target: { tabId },
      func: () => ({ url: location.href, title: document.title, selection: window.getSelection()?.toString() ?? '' }),
    });
    const r = res?.result;
    if (r)
      return {
        url: r.url,
        title: r.title,
        selection: r.selection.trim() ? r.selection : null,
        clippable: /^https?:/i.test(r.url),
      };
  } catch {
    // unreadable page: below
  }
  const tab = await ext.tabs.get(tabId).catch(() => ({}) as Tab);
  return { url: tab.url ?? '', title: tab.title ?? '', selection: null, clippable: false };
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
      return serial(() => clipTab(msg.tabId, msg.mode, msg.extras));
    case 'deliver':
      return serial(deliverQueue);
    case 'clear-queue':
      return serial(() => writeQueue([]));
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
  if (info.menuItemId === 'clip-link' && info.linkUrl) {
    void serial(() => submit({ kind: 'link', body: { url: info.linkUrl! } }, true));
  } else if (tab?.id !== undefined) {
    const mode = info.menuItemId === 'clip-selection' ? 'selection' : 'page';
    void serial(() => clipTab(tab.id!, mode, {}, true));
  }
});

ext.commands.onCommand.addListener((command, tab) => {
  if (command !== 'clip-page') return;
  void (async () => {
    const id = tab?.id ?? (await ext.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await serial(() => clipTab(id, 'auto', {}, true));
  })();
});

ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void serial(deliverQueue);
});
