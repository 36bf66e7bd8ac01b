// The browser clipper's loopback endpoint (electron/clip-endpoint.ts) over real
// HTTP against a real core: pairing, a token per extension origin, Host and
// Origin refusals, the size limit, and clips that land in the library exactly as
// an import of the saved page would (with the same duplicate report).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { startClipServer, type ClipServer } from '../../../electron/clip-endpoint.js';
import { ClipPairings, filePairingStore } from '../../../electron/clip-pairing.js';
import { CLIP_PATHS, type ClipReply } from '../../../electron/shared/clip-protocol.js';

const FIXTURE = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'riverside-tram-structured.html');
const PAGE_HTML = readFileSync(FIXTURE, 'utf8');
const PAGE_URL = 'https://news.example.org/riverside/tram';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const OTHER_EXT = 'moz-extension://0f8e7d6c-1234-4abc-9def-0123456789ab';
const MAX_BYTES = 256 * 1024;

let dir: string;
let core: Core;
let server: ClipServer;
let pairings: ClipPairings;
const codes: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-clip-'));
  core = await openCore({ libraryDir: path.join(dir, 'lib'), mode: 'browser' });
  pairings = new ClipPairings(filePairingStore(path.join(dir, 'user', 'clipper-pairings.json')));
  const s = await startClipServer({
    api: core.api,
    pairings,
    shownIn: 'the test',
    showPairingCode: (code) => codes.push(code),
    ports: [0],
    maxBytes: MAX_BYTES,
  });
  server = s!;
});
afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
}

/** A raw request, so Host, Origin and the body can be forged as an attacker would. */
function request(
  pathname: string,
  opts: { method?: string; headers?: Record<string, string | undefined>; body?: string | Buffer } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    Host: `127.0.0.1:${server.port}`,
    Origin: EXT,
    'Content-Type': 'application/json',
  };
  for (const [k, v] of Object.entries(opts.headers ?? {})) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathname, method: opts.method ?? 'POST', headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: body ? JSON.parse(body) : {}, headers: res.headers }),
        );
      },
    );
    // The server may answer 413 and close before the whole body is written.
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err),
    );
    req.end(opts.body);
  });
}

async function pair(origin = EXT): Promise<string> {
  const start = await request(CLIP_PATHS.pairStart, { headers: { Origin: origin }, body: '{}' });
  expect(start.status).toBe(200);
  const code = codes.at(-1)!;
  const done = await request(CLIP_PATHS.pair, { headers: { Origin: origin }, body: JSON.stringify({ code }) });
  expect(done.status).toBe(200);
  return done.body.token as string;
}

const clip = (token: string, pathname: string, body: unknown, origin = EXT) =>
  request(pathname, { headers: { Origin: origin, Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

describe('pairing', () => {
  it('shows a six-digit code in the app (never in the reply) and trades it once for a token', async () => {
    const before = codes.length;
    const start = await request(CLIP_PATHS.pairStart, { body: '{}' });
    expect(start.status).toBe(200);
    expect(start.body).toEqual({ shownIn: 'the test', expiresInSeconds: 300 });
    expect(codes.length).toBe(before + 1);
    const code = codes.at(-1)!;
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(start.body)).not.toContain(code);

    const ok = await request(CLIP_PATHS.pair, { body: JSON.stringify({ code }) });
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^[\w-]{40,}$/);
    // The same code cannot pair a second time.
    const again = await request(CLIP_PATHS.pair, { body: JSON.stringify({ code }) });
    expect(again.status).toBe(401);
    expect(again.body.error).toMatch(/no pairing code is waiting/i);
    // The token is stored only as a hash.
    const file = readFileSync(path.join(dir, 'user', 'clipper-pairings.json'), 'utf8');
    expect(file).toContain(EXT);
    expect(file).not.toContain(ok.body.token as string);
  });

  it('voids the code after five wrong tries', async () => {
    await request(CLIP_PATHS.pairStart, { body: '{}' });
    const code = codes.at(-1)!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      const r = await request(CLIP_PATHS.pair, { body: JSON.stringify({ code: wrong }) });
      expect(r.status).toBe(401);
    }
    const right = await request(CLIP_PATHS.pair, { body: JSON.stringify({ code }) });
    expect(right.status).toBe(401);
    expect(right.body.code).toBe('unauthorized');
  });

  it('refuses a code asked for by one extension when another presents it', async () => {
    await request(CLIP_PATHS.pairStart, { body: '{}' });
    const r = await request(CLIP_PATHS.pair, {
      headers: { Origin: OTHER_EXT },
      body: JSON.stringify({ code: codes.at(-1) }),
    });
    expect(r.status).toBe(401);
    expect(r.body.error).toMatch(/another extension/);
  });

  it('survives a restart: the pairing is read back from the file', async () => {
    const token = await pair();
    const reread = new ClipPairings(filePairingStore(path.join(dir, 'user', 'clipper-pairings.json')));
    expect(await reread.verify(EXT, token)).toBe(true);
    expect(await reread.verify(OTHER_EXT, token)).toBe(false);
    expect(await reread.verify(EXT, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBe(false);
  });
});

describe('every request is checked', () => {
  let token: string;
  beforeAll(async () => {
    token = await pair();
  });

  it('answers status with the library tags for the paired extension', async () => {
    const r = await clip(token, CLIP_PATHS.status, {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ app: 'scholia', mode: 'browser' });
    expect(Array.isArray(r.body.tags)).toBe(true);
    expect(r.headers['access-control-allow-origin']).toBe(EXT);
  });

  it('refuses a missing or wrong token (401) and a token presented by another origin', async () => {
    expect((await request(CLIP_PATHS.status, { body: '{}' })).status).toBe(401);
    expect((await clip('x'.repeat(43), CLIP_PATHS.status, {})).status).toBe(401);
    const stolen = await clip(token, CLIP_PATHS.status, {}, OTHER_EXT);
    expect(stolen.status).toBe(401);
    expect(stolen.body.error).toMatch(/not paired/);
  });

  it('refuses web pages, origin-less callers and look-alike origins (403)', async () => {
    for (const origin of [
      'http://127.0.0.1:8080',
      'https://evil.example',
      'null',
      'chrome-extension://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop.evil.example',
      undefined,
    ]) {
      const r = await request(CLIP_PATHS.status, {
        headers: { Origin: origin, Authorization: `Bearer ${token}` },
        body: '{}',
      });
      expect(r.status, String(origin)).toBe(403);
      expect(r.body.code).toBe('forbidden');
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
    // Pairing itself is refused to a web page: it could otherwise pop codes up in the app.
    const before = codes.length;
    const r = await request(CLIP_PATHS.pairStart, { headers: { Origin: 'https://evil.example' }, body: '{}' });
    expect(r.status).toBe(403);
    expect(codes.length).toBe(before);
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    const r = await request(CLIP_PATHS.status, {
      headers: { Host: `evil.example:${server.port}`, Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/host/i);
  });

  it('answers 405 to GET, 404 to an unknown path, 415 to a non-JSON body', async () => {
    expect((await request(CLIP_PATHS.status, { method: 'GET' })).status).toBe(405);
    const unknown = await clip(token, '/v1/api/deleteArticle', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('no-such-method');
    // A path no URL parser accepts is an unknown path, not a crash.
    const broken = await clip(token, '//[::1', {});
    expect(broken.status).toBe(404);
    const form = await request(CLIP_PATHS.status, {
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('answers a page over the limit with a clear 413 and saves nothing', async () => {
    const before = (await core.api.listArticles()).length;
    const huge = PAGE_HTML.replace('</body>', `<p>${'x'.repeat(MAX_BYTES)}</p></body>`);
    const r = await clip(token, CLIP_PATHS.page, { url: PAGE_URL, title: 'Big', html: huge });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ code: 'too-large' });
    expect(r.body.error).toMatch(/too large to clip.*nothing was saved/);
    expect((await core.api.listArticles()).length).toBe(before);
  });

  it('answers malformed clips with 400 and names the field', async () => {
    const r = await clip(token, CLIP_PATHS.page, { url: 'javascript:alert(1)', title: 't', html: '<p>x</p>' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/url/);
    const junk = await request(CLIP_PATHS.page, {
      headers: { Authorization: `Bearer ${token}` },
      body: '{"url":',
    });
    expect(junk.status).toBe(400);
  });

  it('answers a page with no readable text with 422 (the import error), not 500', async () => {
    const r = await clip(token, CLIP_PATHS.page, {
      url: 'https://example.org/empty',
      title: 'Empty',
      html: '<html><body><script>1</script></body></html>',
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('unreadable');
  });
});

describe('clips', () => {
  let token: string;
  beforeAll(async () => {
    token = await pair();
  });
  beforeEach(async () => {
    for (const a of await core.api.listArticles()) await core.api.deleteArticle(a.id);
  });

  it('saves a page as its HTML import would, with its address, tags and note', async () => {
    const r = await clip(token, CLIP_PATHS.page, {
      url: PAGE_URL,
      title: 'ignored: the page says',
      html: PAGE_HTML,
      tags: ['Transport/Trams', 'city'],
      note: 'Read for the council chapter.',
    });
    expect(r.status).toBe(200);
    const reply = r.body as unknown as ClipReply;
    expect(reply.status).toBe('imported');
    expect(reply.title).toBe('How the Riverside tram line changed a city');
    const article = (await core.api.getArticle(reply.articleId))!;
    expect(article.url).toBe(PAGE_URL);
    expect(article.tags).toEqual(['transport/trams', 'city']);
    // The same text, structure and links as importing the saved file.
    const [viaFile] = await core.api.importFiles(
      [{ name: 'saved.html', dataBase64: Buffer.from(PAGE_HTML).toString('base64') }],
      { allowDuplicates: true },
    );
    const fromFile = (await core.api.getArticle(viaFile!.id!))!;
    expect(article.text).toBe(fromFile.text);
    expect(article.blocks).toEqual(fromFile.blocks);
    expect(article.links).toEqual(fromFile.links);
    const note = (await core.api.getNote(reply.noteId!))!;
    expect(note.body).toBe('Read for the council chapter.');
    expect(note.articleId).toBe(reply.articleId);
  });

  it('reports a page already in the library as a duplicate, with its id', async () => {
    const first = (await clip(token, CLIP_PATHS.page, { url: PAGE_URL, title: 't', html: PAGE_HTML })).body;
    const second = await clip(token, CLIP_PATHS.page, { url: PAGE_URL, title: 't', html: PAGE_HTML });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'duplicate', articleId: first.articleId });
    expect((await core.api.listArticles()).length).toBe(1);
  });

  it('places a selection exactly, on the occurrence its context names', async () => {
    // "the line" is in the text several times; the context picks the last paragraph's.
    const r = await clip(token, CLIP_PATHS.selection, {
      url: PAGE_URL,
      title: 't',
      html: PAGE_HTML,
      selection: {
        exact: 'the line',
        prefix: 'in the autumn whether to extend ',
        suffix: ' past the hospital to the new',
      },
    });
    expect(r.status).toBe(200);
    const reply = r.body as unknown as ClipReply;
    const text = (await core.api.getArticle(reply.articleId))!.text;
    const expected = text.indexOf('extend the line past') + 'extend '.length;
    expect(text.indexOf('the line')).toBeLessThan(expected);
    expect(reply.passage).toMatchObject({ start: expected, end: expected + 'the line'.length, quote: 'the line' });
    const [stored] = await core.api.listPassages({ articleId: reply.articleId });
    expect(stored!.position).toMatchObject({ start: expected, end: expected + 8 });
  });

  it('places a selection across paragraphs whatever the page did with white space', async () => {
    const r = await clip(token, CLIP_PATHS.selection, {
      url: PAGE_URL,
      title: 't',
      html: PAGE_HTML,
      selection: {
        exact: 'route 9 became a shuttle to the depot.\n\n\tWhat riders say\nMost riders',
        prefix: 'stopped at the end of April;\n',
        suffix: ' questioned for the report',
      },
    });
    const reply = r.body as unknown as ClipReply;
    const text = (await core.api.getArticle(reply.articleId))!.text;
    const start = text.indexOf('route 9 became');
    const end = text.indexOf('Most riders') + 'Most riders'.length;
    expect(reply.passage).toMatchObject({ start, end });
    expect(text.slice(start, end)).toBe('route 9 became a shuttle to the depot.\n\nWhat riders say\n\nMost riders');
  });

  it('places a short selection across table cells, where tabs and line breaks are a third of the quote', async () => {
    // As Chromium's Selection.toString() gives a selection across cells: tabs between cells, a line break between rows.
    const r = await clip(token, CLIP_PATHS.selection, {
      url: PAGE_URL,
      title: 't',
      html: PAGE_HTML,
      selection: { exact: '91%\nSummer\t520', prefix: 'Spring\t410,000\t', suffix: ',000\t94%' },
    });
    const reply = r.body as unknown as ClipReply;
    const text = (await core.api.getArticle(reply.articleId))!.text;
    const start = text.indexOf('91%');
    expect(reply.passage).toMatchObject({ start, end: text.indexOf('520,000') + 3 });
    expect(reply.passage!.quote).toBe('91%\n\nSummer\n\n520');
  });

  it('adds the highlight to the saved article when the page is already in the library, once', async () => {
    const page = (await clip(token, CLIP_PATHS.page, { url: PAGE_URL, title: 't', html: PAGE_HTML })).body;
    const body = {
      url: PAGE_URL,
      title: 't',
      html: PAGE_HTML,
      selection: { exact: 'cleaner air', prefix: 'shorter commutes, ', suffix: ' and busier' },
    };
    const first = (await clip(token, CLIP_PATHS.selection, body)).body as unknown as ClipReply;
    const again = (await clip(token, CLIP_PATHS.selection, body)).body as unknown as ClipReply;
    expect(first).toMatchObject({ status: 'duplicate', articleId: page.articleId });
    expect(again.passage!.id).toBe(first.passage!.id);
    expect(await core.api.listPassages({ articleId: page.articleId as string })).toHaveLength(1);
  });

  it('saves a link by downloading the page it points to, with the tags', async () => {
    const pages = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE_HTML));
    await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/tram.html`;
      const r = await clip(token, CLIP_PATHS.link, { url, tags: ['to-read'] });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'imported', title: 'How the Riverside tram line changed a city' });
      const article = (await core.api.getArticle(r.body.articleId as string))!;
      expect(article).toMatchObject({ url, tags: ['to-read'] });
    } finally {
      await new Promise((r) => pages.close(r));
    }
  });

  it('answers a link that cannot be downloaded with 502 and saves nothing', async () => {
    // A port nothing listens on any more.
    const gone = http.createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const port = (gone.address() as AddressInfo).port;
    await new Promise((r) => gone.close(r));
    const r = await clip(token, CLIP_PATHS.link, { url: `http://127.0.0.1:${port}/story` });
    expect(r.status).toBe(502);
    expect(r.body.code).toBe('fetch-failed');
    expect(r.body.error).toMatch(/could not be reached.*Nothing was imported/);
    expect(await core.api.listArticles()).toHaveLength(0);
  });

  it('saves the page and says so when the selected words are not in the kept text', async () => {
    const r = await clip(token, CLIP_PATHS.selection, {
      url: PAGE_URL,
      title: 't',
      html: PAGE_HTML,
      selection: { exact: 'Written for Scholia’s tests; no rights reserved.', prefix: '', suffix: '' },
    });
    const reply = r.body as unknown as ClipReply;
    expect(reply.status).toBe('imported');
    expect(reply.passage).toBeUndefined();
    expect(reply.warnings?.[0]).toMatch(/no highlight was made; the page was saved/);
  });
});
