// The extension's background (clipper/src/background.ts) with a stand-in for the
// browser's extension API and for the app: queued clips are delivered in order,
// once each, even when the popup and the retry alarm ask at the same moment; a
// clip waits while the app is away and keeps its place; a clip the app refuses
// for itself stays listed, marked.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIP_PATHS } from '../../../electron/shared/clip-protocol.js';

type Listener = (...args: unknown[]) => unknown;
const listeners: Record<string, Listener[]> = {};
const on = (name: string) => ({ addListener: (f: Listener) => (listeners[name] ??= []).push(f) });
const store: Record<string, unknown> = {};

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
  tabs: { query: async () => [], get: async () => ({}) },
  scripting: { executeScript: async () => [] },
};

/** The app as the extension sees it: what it was sent, and how it answers. */
let sent: { path: string; title: string }[] = [];
let appUp = true;
let refuse: string | null = null;

const fetchStub = vi.fn(async (url: string, init: { body: string }) => {
  if (!appUp) throw new TypeError('Failed to fetch');
  const path = new URL(url).pathname;
  const body = JSON.parse(init.body) as { title?: string };
  // The app takes its time, so requests made at the same moment would overlap.
  await new Promise((r) => setTimeout(r, 5));
  if (refuse && body.title === refuse) {
    return new Response(JSON.stringify({ error: 'x.html has no readable text.', code: 'unreadable' }), { status: 422 });
  }
  sent.push({ path, title: body.title ?? '' });
  return new Response(JSON.stringify({ status: 'imported', articleId: `a_${sent.length}`, title: body.title }), {
    status: 200,
  });
});

function message(msg: unknown): Promise<{ ok: boolean; reply?: unknown }> {
  return new Promise((resolve) => listeners.message![0]!(msg, {}, resolve));
}

const clip = (title: string) => ({
  kind: 'page',
  body: { url: `https://example.org/${title}`, title, html: `<p>${title}</p>` },
  id: title,
  queuedAt: '2026-11-26T00:00:00.000Z',
  reason: 'Scholia is not running.',
});

beforeAll(async () => {
  (globalThis as unknown as { chrome: unknown }).chrome = fakeExt;
  vi.stubGlobal('fetch', fetchStub);
  await import('../../../clipper/src/background.js');
});

beforeEach(() => {
  for (const k of Object.keys(store)) delete store[k];
  store.pairing = { token: 't'.repeat(43), port: 47417 };
  store.ports = [47417];
  sent = [];
  appUp = true;
  refuse = null;
});

describe('the queue in the extension', () => {
  it('delivers each waiting clip once, in order, when the popup and the alarm ask together', async () => {
    store.queue = [clip('first'), clip('second'), clip('third')];
    const alarm = listeners.alarm![0]!({ name: 'deliver-queue' });
    const popup = message({ type: 'deliver' });
    await Promise.all([alarm, popup]);
    const again = await message({ type: 'deliver' });
    expect(again.reply).toEqual({ delivered: 0, remaining: 0 });
    expect(sent).toEqual(['first', 'second', 'third'].map((title) => ({ path: CLIP_PATHS.page, title })));
    expect(store.queue).toEqual([]);
  });

  it('keeps every clip, in its place, while the app is away', async () => {
    store.queue = [clip('first')];
    appUp = false;
    const d = await message({ type: 'deliver' });
    expect(d.reply).toEqual({ delivered: 0, remaining: 1, reason: 'Scholia is not running.' });
    expect((store.queue as { id: string }[]).map((c) => c.id)).toEqual(['first']);
    appUp = true;
    expect((await message({ type: 'deliver' })).reply).toEqual({ delivered: 1, remaining: 0 });
  });

  it('lists a clip the app refuses for itself, marked with the reason, and goes on with the rest', async () => {
    store.queue = [clip('first'), clip('empty'), clip('third')];
    refuse = 'empty';
    const d = await message({ type: 'deliver' });
    expect(d.reply).toEqual({ delivered: 2, remaining: 1 });
    expect(store.queue).toEqual([{ ...clip('empty'), failed: true, reason: 'x.html has no readable text.' }]);
    // A failed clip is not retried by itself; the user reads it and clears it.
    expect((await message({ type: 'deliver' })).reply).toEqual({ delivered: 0, remaining: 1 });
    await message({ type: 'clear-queue' });
    expect(store.queue).toEqual([]);
  });

  it('says the browser is not paired when the app refuses the token, and keeps the clip', async () => {
    store.queue = [clip('first')];
    fetchStub.mockImplementationOnce(
      async () =>
        new Response(JSON.stringify({ error: 'This browser is not paired with Scholia.', code: 'unauthorized' }), {
          status: 401,
        }),
    );
    const d = await message({ type: 'deliver' });
    expect(d.reply).toEqual({ delivered: 0, remaining: 1, reason: 'This browser is not paired with Scholia.' });
  });
});
