// The clip endpoint's PDF path (/v1/clip/pdf) over real HTTP against a real
// core: a PDF the browser read is imported as the picked file would be (same
// text and pages, same duplicate report) and keeps the address it was read at;
// bytes that are no PDF, an encrypted PDF and an oversize one are refused with
// a clear 4xx and a code, and nothing is saved; only the extension may send one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { pdfFileName, startClipServer, type ClipServer } from '../../../electron/clip-endpoint.js';
import { ClipPairings, filePairingStore } from '../../../electron/clip-pairing.js';
import { CLIP_PATHS, type ClipReply } from '../../../electron/shared/clip-protocol.js';

const PDF_DIR = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'pdf');
const TWO_COLUMN = readFileSync(path.join(PDF_DIR, 'two-column.pdf'));
const ENCRYPTED = readFileSync(path.join(PDF_DIR, 'encrypted.pdf'));
const PDF_URL = 'https://reports.example.org/2024/two-column.pdf';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
/** Pages are capped lower than PDFs here, as in the app (32 MB pages, 40 MB PDFs), scaled down. */
const MAX_PAGE_BYTES = 128 * 1024;
const MAX_PDF_BYTES = 200 * 1024;

let dir: string;
let core: Core;
let server: ClipServer;
let token: string;
const codes: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-clip-pdf-'));
  core = await openCore({ libraryDir: path.join(dir, 'lib'), mode: 'browser' });
  const pairings = new ClipPairings(filePairingStore(path.join(dir, 'user', 'clipper-pairings.json')));
  server = (await startClipServer({
    api: core.api,
    pairings,
    shownIn: 'the test',
    showPairingCode: (code) => codes.push(code),
    ports: [0],
    maxBytes: MAX_PAGE_BYTES,
    maxPdfBytes: MAX_PDF_BYTES,
  }))!;
  await post(CLIP_PATHS.pairStart, {});
  token = (await post(CLIP_PATHS.pair, { code: codes.at(-1) })).body.token as string;
});
afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  for (const a of await core.api.listArticles()) await core.api.deleteArticle(a.id);
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathname,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          Origin: EXT,
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    // The server may answer 413 and close before the whole body is written.
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err),
    );
    req.end(JSON.stringify(body));
  });
}

const clipPdf = (bytes: Buffer, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  post(
    CLIP_PATHS.pdf,
    { url: PDF_URL, title: 'two-column.pdf', pdfBase64: bytes.toString('base64'), ...extra },
    headers,
  );

const articleCount = async () => (await core.api.listArticles()).length;

describe('the PDF clip path', () => {
  it('imports the PDF as the picked file would be, with its pages, the address it was read at, tags and note', async () => {
    const r = await clipPdf(TWO_COLUMN, { tags: ['Economy'], note: 'For the trade chapter.' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const reply = r.body as unknown as ClipReply;
    expect(reply).toMatchObject({ status: 'imported', title: 'Ad sales boost Time Warner profit' });
    const article = (await core.api.getArticle(reply.articleId))!;
    expect(article).toMatchObject({ format: 'pdf', url: PDF_URL, tags: ['economy'] });
    expect(article.pages).toHaveLength(3);
    // Text from page 2, where it is in the text.
    const page2 = article.text.indexOf("world's leading economies. Europe's economic difficulties");
    expect(page2).toBe(article.pages![1]!.start);
    expect((await core.api.getArticlePdf(reply.articleId))!.dataBase64).toBe(TWO_COLUMN.toString('base64'));
    expect((await core.api.getNote(reply.noteId!))!.body).toBe('For the trade chapter.');

    // The same text and pages as importing the file from disk.
    const [viaFile] = await core.api.importFiles(
      [{ name: 'two-column.pdf', dataBase64: TWO_COLUMN.toString('base64') }],
      { allowDuplicates: true },
    );
    const fromFile = (await core.api.getArticle(viaFile!.id!))!;
    expect(article.text).toBe(fromFile.text);
    expect(article.pages).toEqual(fromFile.pages);
    expect(fromFile.url).toBe('');
  });

  it('reports a PDF already in the library as a duplicate, with its id, and saves it once', async () => {
    const first = await clipPdf(TWO_COLUMN);
    const again = await clipPdf(TWO_COLUMN, { url: 'https://mirror.example.net/copy.pdf' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'duplicate', articleId: first.body.articleId });
    expect(await articleCount()).toBe(1);
  });

  it('refuses bytes that are not a PDF with 422 and saves nothing', async () => {
    const html = Buffer.from('<!doctype html><html><body><p>A viewer page, not the document.</p></body></html>');
    const r = await clipPdf(html);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'unreadable' });
    expect(r.body.error).toMatch(/is not a PDF.*nothing was imported/);
    const cut = await clipPdf(TWO_COLUMN.subarray(0, 30_000));
    expect(cut.status).toBe(422);
    expect(cut.body.error).toMatch(/incomplete/);
    expect(await articleCount()).toBe(0);
  });

  it('refuses an encrypted PDF with 422 password-required, a wrong password with password-wrong, takes the right one', async () => {
    const locked = await clipPdf(ENCRYPTED, { url: 'https://reports.example.org/locked.pdf' });
    expect(locked.status).toBe(422);
    expect(locked.body).toMatchObject({ code: 'password-required' });
    expect(locked.body.error).toMatch(/locked\.pdf is encrypted/);
    const wrong = await clipPdf(ENCRYPTED, { url: 'https://reports.example.org/locked.pdf', password: 'guess' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'password-wrong' });
    expect(await articleCount()).toBe(0);
    const open = await clipPdf(ENCRYPTED, { url: 'https://reports.example.org/locked.pdf', password: 'secret' });
    expect(open.status).toBe(200);
    expect((await core.api.getArticle(open.body.articleId as string))!.url).toBe(
      'https://reports.example.org/locked.pdf',
    );
  });

  it('reads a PDF larger than the page limit, and refuses one over the PDF limit with 413, saving nothing', async () => {
    // Over the page limit as base64, under the PDF limit: read, and refused only by the import (no %%EOF).
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_PAGE_BYTES, 0x20)]);
    const read = await clipPdf(big);
    expect(read.status).toBe(422);
    expect(read.body.code).toBe('unreadable');

    // Over the PDF limit: refused by its declared length, before the body is read.
    const huge = Buffer.concat([TWO_COLUMN, Buffer.alloc(MAX_PDF_BYTES * 2, 0x20)]);
    const r = await clipPdf(huge);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ code: 'too-large' });
    expect(r.body.error).toMatch(/^The PDF is too large to clip \(limit 0\.2 MB\); nothing was saved\.$/);
    // Just over the PDF limit once decoded (its base64 fits the body's room for title, tags and note).
    const over = await clipPdf(Buffer.concat([TWO_COLUMN, Buffer.alloc(MAX_PDF_BYTES - TWO_COLUMN.length + 1)]));
    expect(over.status).toBe(413);
    expect(over.body.error).toMatch(/^The PDF is too large/);
    expect(await articleCount()).toBe(0);
  });

  it('refuses a web page, another origin and a malformed body', async () => {
    const web = await clipPdf(TWO_COLUMN, {}, { Origin: 'https://reports.example.org' });
    expect(web.status).toBe(403);
    expect(web.body.code).toBe('forbidden');
    const otherExt = await clipPdf(TWO_COLUMN, {}, { Origin: 'moz-extension://0f8e7d6c-1234-4abc-9def-0123456789ab' });
    expect(otherExt.status).toBe(401);
    const notBase64 = await post(CLIP_PATHS.pdf, { url: PDF_URL, title: 't', pdfBase64: '%PDF-1.7 <<>>' });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body.error).toMatch(/pdfBase64/);
    const script = await post(CLIP_PATHS.pdf, { url: 'javascript:void(0)//a.pdf', title: 't', pdfBase64: 'JVBERg==' });
    expect(script.status).toBe(400);
    expect(script.body.error).toMatch(/url/);
    expect(await articleCount()).toBe(0);
  });

  it('takes a PDF opened from disk (file://), named after its file, with no web address', async () => {
    const r = await clipPdf(TWO_COLUMN, { url: 'file:///home/me/Reports/two-column.pdf', title: 'two-column.pdf' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const article = (await core.api.getArticle(r.body.articleId as string))!;
    expect(article).toMatchObject({ format: 'pdf', url: '' });
    expect(article.pages).toHaveLength(3);
  });
});

describe('a link to a PDF, downloaded by the app', () => {
  it('is saved as the PDF with the link as its address (the extension could not read it itself)', async () => {
    const site = http.createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/pdf' }).end(TWO_COLUMN),
    );
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/files/report`;
      const r = await post(CLIP_PATHS.link, { url, tags: ['to-read'] });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const article = (await core.api.getArticle(r.body.articleId as string))!;
      expect(article).toMatchObject({ format: 'pdf', url, title: 'Ad sales boost Time Warner profit' });
      expect(article.pages).toHaveLength(3);
    } finally {
      await new Promise((r) => site.close(r));
    }
  });
});

describe('pdfFileName', () => {
  it('names the import after the file in the address, else the tab title', () => {
    expect(pdfFileName('https://x.org/a/Annual%20Report.pdf?dl=1', 't')).toBe('Annual Report.pdf');
    expect(pdfFileName('https://arxiv.org/pdf/2401.01234', 't')).toBe('2401.01234.pdf');
    expect(pdfFileName('https://x.org/', 'Budget 2025')).toBe('Budget 2025.pdf');
    expect(pdfFileName('https://x.org/%E0%A4%A', '')).toBe('Clipped PDF.pdf');
  });
});
