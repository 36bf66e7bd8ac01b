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
