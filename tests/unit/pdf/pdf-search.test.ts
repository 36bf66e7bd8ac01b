// A search result in a PDF says which page the match is on ("p. 2", in the PDF's own page labels
// where it defines them), through the API and `scholia search --json`; other results carry no page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { runCli } from '../cli-harness.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/pdf');
const file = (name: string) => ({ name, dataBase64: readFileSync(path.join(dir, name)).toString('base64') });

let lib: string;
let core: Core;
beforeEach(async () => {
  lib = mkdtempSync(path.join(os.tmpdir(), 'scholia-pdf-search-'));
  core = await openCore({ libraryDir: lib, mode: 'cli' });
});
afterEach(async () => {
  await core.close();
  rmSync(lib, { recursive: true, force: true });
});

describe('search results in PDFs', () => {
  it('gives the page of the match, the page of a passage, and no page for other articles', async () => {
    const [pdf] = await core.api.importFiles([file('two-column.pdf')]);
    await core.api.importPaste({
      text: 'Labour markets in Europe\n\nFreeing up labour markets in a plain text article pasted in.',
    });
    const results = await core.api.search('"freeing up its labour markets" ');
    const hit = results.find((r) => r.id === pdf!.id)!;
    expect(hit).toMatchObject({ type: 'article', page: 2, pageLabel: 'p. 2' });
    const a = (await core.api.getArticle(pdf!.id!))!;
    expect(a.text.slice(hit.matchOffset!, hit.matchOffset! + 30)).toMatch(/^freeing up its labour markets/);
    const plain = (await core.api.search('labour markets ')).filter((r) => r.id !== pdf!.id);
    expect(plain.length).toBeGreaterThan(0);
    for (const r of plain) expect(r.page).toBeUndefined();

    const second = a.pages![1]!.start;
    const p = await core.api.addPassage({ articleId: a.id, start: second - 30, end: second + 30 });
    const quoted = p.quote.exact.split(/\s+/).slice(1, 4).join(' ');
    const passageHit = (await core.api.searchPage(`type:passage "${quoted}"`)).results.find((r) => r.id === p.id);
    expect(passageHit).toMatchObject({ type: 'passage', page: 1, pageLabel: 'pp. 1–2' });
  });

  it("uses the PDF's page labels", async () => {
    const [pdf] = await core.api.importFiles([file('script-attachment-labels.pdf')]);
    // The file's pages are labelled i, 1, 2, 3: its second page prints "1".
    const hit = (await core.api.search('"Celebrity Apprentice" ')).find((r) => r.id === pdf!.id)!;
    expect(hit).toMatchObject({ page: 2, pageLabel: 'p. 1' });
  });

  it('scholia search --json adds the page to PDF results', async () => {
    await core.api.importFiles([file('two-column.pdf')]);
    await core.close();
    const out = await runCli(lib, 'search', 'freeing up its labour markets', '--json');
    expect(out.code).toBe(0);
    expect(out.json()[0]).toMatchObject({ type: 'article', page: 2, pageLabel: 'p. 2' });
    core = await openCore({ libraryDir: lib, mode: 'cli' });
  });
});
