// PDF import through the API a front end uses, on PDFs Chromium printed from known text
// (tests/fixtures/pdf, see its README): reading order across two columns, page furniture set
// aside and restorable, the page map and passage pages, encrypted / truncated / scanned input.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { formatPages, pageAt, pageSpan } from '../../../electron/core/pages.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/pdf');
const bytes = (name: string) => readFileSync(path.join(dir, name));
const file = (name: string, password?: string) => ({
  name,
  dataBase64: bytes(name).toString('base64'),
  ...(password !== undefined ? { password } : {}),
});
const paragraphs = (name: string) =>
  readFileSync(path.join(dir, name), 'utf8')
    .split('\n\n')
    .map((p) => p.trim())
    .filter(Boolean);

let lib: string;
let core: Core;
beforeEach(async () => {
  lib = mkdtempSync(path.join(os.tmpdir(), 'scholia-pdf-'));
  core = await openCore({ libraryDir: lib, mode: 'cli' });
});
afterEach(async () => {
  await core.close();
  rmSync(lib, { recursive: true, force: true });
});

async function importOne(name: string, password?: string) {
  const [r] = await core.api.importFiles([file(name, password)]);
  return r!;
}

describe('importing a PDF', () => {
  it('reads a two-column PDF in reading order: every printed paragraph whole, in order, no header or page number in it', async () => {
    const r = await importOne('two-column.pdf');
    expect(r.status).toBe('imported');
    const a = (await core.api.getArticle(r.id!))!;
    expect(a.format).toBe('pdf');
    expect(a.title).toBe('Ad sales boost Time Warner profit');
    let from = 0;
    for (const p of paragraphs('two-column.txt')) {
      const at = a.text.indexOf(p, from);
      expect(at, `paragraph missing or out of order: ${p.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
      from = at + p.length;
    }
    expect(a.text).not.toMatch(/Scholia test print/);
    // The running header and the page numbers are set aside, one of each per page, and restorable.
    expect(a.pages).toHaveLength(3);
    expect(a.removed.filter((b) => b.reason === 'running header')).toHaveLength(3);
    expect(a.removed.filter((b) => b.reason === 'page number').map((b) => b.text)).toEqual(['1', '2', '3']);
    const header = a.removed.find((b) => b.reason === 'running header')!;
    await core.api.restoreRemovedBlock(a.id, header.id);
    const restored = (await core.api.getArticle(a.id))!;
    expect(restored.text).toContain('Scholia test print');
    // The page map moved with the inserted text: the last page still begins at the same words.
    const lastStart = (t: { text: string; pages?: { start: number }[] }) =>
      t.text.slice(t.pages![2]!.start).slice(0, 40);
    expect(lastStart(restored)).toBe(lastStart(a));
  });

  it('maps every offset to its page, and a passage across a page break to "pp. 1–2"', async () => {
    const r = await importOne('two-column.pdf');
    const a = (await core.api.getArticle(r.id!))!;
    const second = a.pages![1]!.start;
    expect(second).toBeGreaterThan(0);
    expect(pageAt(a.pages, second - 1)?.index).toBe(1);
    expect(pageAt(a.pages, second)?.index).toBe(2);
    expect(formatPages(pageSpan(a.pages, 10, 20))).toBe('p. 1');
    const p = await core.api.addPassage({ articleId: a.id, start: second - 30, end: second + 30 });
    expect(p.pageLabel).toBe('pp. 1–2');
    expect(p.pages).toEqual({ first: { index: 1, label: '1' }, last: { index: 2, label: '2' } });
    const q = await core.api.addPassage({ articleId: a.id, start: second + 5, end: second + 40 });
    expect((await core.api.getPassage(q.id))!.pageLabel).toBe('p. 2');
  });

  it('keeps the original bytes for the page view, with a box for every line', async () => {
    const r = await importOne('two-column.pdf');
    const pdf = (await core.api.getArticlePdf(r.id!))!;
    expect(Buffer.from(pdf.dataBase64, 'base64').equals(bytes('two-column.pdf'))).toBe(true);
    expect(pdf.lines.length % 7).toBe(0);
    const a = (await core.api.getArticle(r.id!))!;
    // The first line's box covers the title's text, on page 0, in the upper part of the page.
    const [page, start, end, , y0] = pdf.lines;
    expect([page, start]).toEqual([0, 0]);
    expect(a.text.slice(start, end)).toBe(a.title);
    expect(y0! / 10).toBeGreaterThan(600);
    // getArticle never carries the file.
    expect(JSON.stringify(a)).not.toContain(pdf.dataBase64.slice(0, 100));
  });

  it('page labels the PDF defines are used; its script and attachment are never run or read', async () => {
    const r = await importOne('script-attachment-labels.pdf');
    expect(r.status).toBe('imported');
    const a = (await core.api.getArticle(r.id!))!;
    expect(a.pages!.map((p) => p.label)).toEqual(['i', '1', '2', '3']);
    // Citations print the label: the second page of the file is the article's page 1.
    expect(formatPages(pageSpan(a.pages, a.pages![1]!.start, a.pages![2]!.start + 5))).toBe('pp. 1–2');
    expect(pageAt(a.pages, 0)?.label).toBe('i');
    expect(a.text).not.toMatch(/ATTACHMENT SECRET PAYLOAD|app\.alert/);
    for (const p of paragraphs('one-column.txt')) expect(a.text).toContain(p);
  });

  it('asks for the password of an encrypted PDF, refuses a wrong one with its own code, and imports with the right one', async () => {
    const none = await importOne('encrypted.pdf');
    expect(none).toMatchObject({ status: 'failed', code: 'password-required' });
    expect(none.error).toMatch(/encrypted/);
    const wrong = await importOne('encrypted.pdf', 'guess');
    expect(wrong).toMatchObject({ status: 'failed', code: 'password-wrong' });
    expect(wrong.error).toMatch(/^That is not the password of encrypted.pdf;/);
    expect(await core.api.listArticles()).toHaveLength(0);
    const right = await importOne('encrypted.pdf', 'secret');
    expect(right.status).toBe('imported');
    const a = (await core.api.getArticle(right.id!))!;
    expect(a.text).toContain(paragraphs('one-column.txt')[2]);
  });

  it('refuses a truncated PDF with a clear message and stores nothing', async () => {
    const r = await importOne('truncated.pdf');
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/truncated\.pdf is incomplete.*nothing was imported/);
    expect(await core.api.listArticles()).toHaveLength(0);
  });

  it('refuses bytes that are not a PDF under a .pdf name', async () => {
    const [r] = await core.api.importFiles([
      { name: 'fake.pdf', dataBase64: Buffer.from('just some text').toString('base64') },
    ]);
    expect(r).toMatchObject({ status: 'failed' });
    expect(r!.error).toMatch(/not a PDF/);
  });

  it('imports a scan without a text layer as pages to view, saying plainly that its text could not be extracted', async () => {
    const r = await importOne('scanned.pdf');
    expect(r.status).toBe('imported');
    expect(r.warnings?.[0]).toMatch(/No text could be extracted.*searching will not find/);
    const a = (await core.api.getArticle(r.id!))!;
    expect(a.text).toBe('');
    expect(a.pages).toHaveLength(1);
    expect(await core.api.getArticlePdf(a.id)).not.toBeNull();
  });
});
