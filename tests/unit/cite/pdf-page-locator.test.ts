// "Copy as citation" on a passage of a PDF cites its page (from the page map the PDF import
// keeps), not a paragraph: the passage card asks the core without a locator of its own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/pdf');
let lib: string;
let core: Core;
beforeAll(async () => {
  lib = mkdtempSync(path.join(os.tmpdir(), 'scholia-cite-pdf-'));
  core = await openCore({ libraryDir: lib, mode: 'cli' });
});
afterAll(async () => {
  await core.close();
  rmSync(lib, { recursive: true, force: true });
});

it('a passage on page 2 of a PDF is cited with p. 2 in APA', async () => {
  const [r] = await core.api.importFiles([
    { name: 'two-column.pdf', dataBase64: readFileSync(path.join(dir, 'two-column.pdf')).toString('base64') },
  ]);
  const a = (await core.api.getArticle(r!.id!))!;
  expect(a.pages).toHaveLength(3);
  const start = a.pages![1]!.start + 5;
  const p = await core.api.addPassage({ articleId: a.id, start, end: start + 30 });
  const c = await core.api.cite({ style: 'apa', passageId: p.id });
  expect(c.citation).toMatch(/, p\. 2\)$/);
  expect(c.text).toBe(
    `“${a.text
      .slice(start, start + 30)
      .replace(/\s+/g, ' ')
      .trim()}” ${c.citation}`,
  );
});

it('notes citing PDF passages export with their pages: Word/HTML citations and Pandoc locators', async () => {
  const [r] = await core.api.importFiles([
    { name: 'one-column.pdf', dataBase64: readFileSync(path.join(dir, 'one-column.pdf')).toString('base64') },
  ]);
  const a = (await core.api.getArticle(r!.id!))!;
  expect(a.pages!.length).toBeGreaterThan(1);
  const br = a.pages![1]!.start;
  const across = await core.api.addPassage({ articleId: a.id, start: br - 25, end: br + 25 });
  const second = await core.api.addPassage({ articleId: a.id, start: br + 40, end: br + 80 });
  const note = await core.api.createNote({
    title: 'Pages note',
    body: `First [across](scholia://passage/${across.id}), then [later](scholia://passage/${second.id}).`,
  });

  const html = await core.api.exportData({
    format: 'html',
    scope: { noteIds: [note.id] },
    citations: { style: 'apa' },
  });
  const page = html.files[0]!.text!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
  expect(page).toMatch(/across \([^)]*pp\. 1–2\)/);
  expect(page).toMatch(/later \([^)]*p\. 2\)/);
  expect(page).not.toContain('para.');

  const md = await core.api.exportData({ format: 'md', scope: { noteIds: [note.id] }, citations: {} });
  const text = md.files.find((f) => f.path === 'Pages note.md')!.text!;
  expect(text).toMatch(/across \[@[a-z0-9]+, pp\. 1–2\]/);
  expect(text).toMatch(/later \[@[a-z0-9]+, p\. 2\]/);
});
