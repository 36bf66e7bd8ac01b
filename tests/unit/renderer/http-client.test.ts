// @vitest-environment jsdom
// Browser mode's client: the token comes from the address's fragment, leaves
// the address at once, survives a reload in this tab only, and goes with every
// call as a Bearer header (never in the URL).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../../renderer/src/shared/http-client.js';

const TOKEN = 'Ab3dEf9hJk2mNp4qRs6tUv8w';
let calls: Array<{ url: string; init: RequestInit }>;

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

beforeEach(() => {
  calls = [];
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});
afterEach(() => vi.unstubAllGlobals());

describe('http client', () => {
  it('takes the token from the fragment, removes it from the address, and sends it as a Bearer header', async () => {
    history.replaceState(null, '', `/?x=1#token=${TOKEN}`);
    const api = createHttpClient();
    expect(location.hash).toBe('');
    expect(location.search).toBe('?x=1');
    answer(200, { result: [{ id: 'a1' }] });
    await expect(api.listArticles()).resolves.toEqual([{ id: 'a1' }]);
    expect(calls[0]!.url).toBe('./api/listArticles');
    expect(calls[0]!.url).not.toContain(TOKEN);
    expect(new Headers(calls[0]!.init.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ args: [] });
  });

  it('keeps the token for a reload of the same tab (no fragment any more)', async () => {
    history.replaceState(null, '', `/#token=${TOKEN}`);
    createHttpClient();
    const reloaded = createHttpClient();
    answer(200, { result: null });
    await reloaded.getArticle('a1');
    expect(new Headers(calls[0]!.init.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('drops a trailing omitted argument instead of sending null', async () => {
    history.replaceState(null, '', `/#token=${TOKEN}`);
    const api = createHttpClient();
    answer(200, { result: [] });
    await api.search('drones', undefined);
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ args: ['drones'] });
  });

  it('explains a refused token, and passes the core error message and code through', async () => {
    const api = createHttpClient(); // no token anywhere
    answer(401, { error: 'unauthorized' });
    await expect(api.listArticles()).rejects.toThrow('This page has lost its access key');
    expect(new Headers(calls[0]!.init.headers).get('Authorization')).toBe('Bearer');
    answer(404, { error: 'No article a9', code: 'not-found' });
    await expect(api.getArticle('a9')).rejects.toMatchObject({ message: 'No article a9', code: 'not-found' });
  });
});
