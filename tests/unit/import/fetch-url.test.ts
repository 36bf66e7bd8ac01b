// URL import against a local HTTP server (tests never touch the network).
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl } from '../../../electron/core/import/fetch-url.js';
import { extractArticles } from '../../../electron/core/import/registry.js';
import { ImportError } from '../../../electron/core/import/types.js';

const ARTICLE = `<html><head><title>Local Story</title></head><body><article><h1>Local Story</h1>
${'<p>The council met on Tuesday and agreed to reopen the bridge after repairs that took most of the summer.</p>'.repeat(4)}
</article></body></html>`;

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(ARTICLE);
    } else if (req.url === '/moved') {
      res.writeHead(301, { location: '/story' });
      res.end();
    } else if (req.url === '/slow') {
      // Never answers: the client must give up on its own.
    } else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '300000' });
      res.end('x'.repeat(300_000));
    } else if (req.url === '/huge-stream') {
      res.writeHead(200, { 'content-type': 'text/html', 'transfer-encoding': 'chunked' });
      let sent = 0;
      const tick = () => {
        if (sent > 400_000 || res.destroyed) return res.end();
        sent += 50_000;
        res.write('y'.repeat(50_000), tick);
      };
      tick();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchUrl', () => {
  it('downloads a page that then imports like a file, with its URL', async () => {
    const input = await fetchUrl(`${base}/moved`, { timeoutMs: 5000 });
    expect(input.url).toBe(`${base}/story`);
    expect(input.mime).toMatch(/text\/html/);
    const [a] = await extractArticles(input);
    expect(a!.title).toBe('Local Story');
    expect(a!.url).toBe(`${base}/story`);
    expect(a!.text).toMatch(/^The council met on Tuesday/);
  });

  it('refuses addresses that are not http(s)', async () => {
    await expect(fetchUrl('file:///etc/passwd')).rejects.toThrow(/only http:\/\/ and https:\/\//);
    await expect(fetchUrl('not a url')).rejects.toThrow(/is not a web address/);
  });

  it('says when the server answers with an error', async () => {
    await expect(fetchUrl(`${base}/missing`)).rejects.toThrow(/the server answered 404/);
  });

  it('gives up after the time limit', async () => {
    await expect(fetchUrl(`${base}/slow`, { timeoutMs: 300 })).rejects.toThrow(/did not answer within/);
  });

  it('refuses pages above the size limit, declared or streamed', async () => {
    await expect(fetchUrl(`${base}/huge`, { maxBytes: 100_000 })).rejects.toThrow(/above the 97\.7 KB limit/);
    await expect(fetchUrl(`${base}/huge-stream`, { maxBytes: 100_000 })).rejects.toThrow(
      /larger than the 97\.7 KB limit/,
    );
  });

  it('says the site cannot be reached when nothing listens (as when offline)', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const err = await fetchUrl(`http://127.0.0.1:${port}/`, { timeoutMs: 5000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/could not be reached \(ECONNREFUSED\): you may be offline/);
  });
});
