// When Readability itself throws on a page (markup it cannot walk; seen only on hostile pages), the
// import keeps the page's whole body rather than refusing the file, tells the user why the article
// may carry page furniture, and the log records it (extraction may run in a worker that has no log).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as ReadabilityModule from '@mozilla/readability';
import { afterAll, expect, it, vi } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { createLogger } from '../../../electron/core/log.js';
import { FIXTURES } from '../../sample-text.js';

vi.mock('@mozilla/readability', async (original) => {
  const real = await original<typeof ReadabilityModule>();
  class Crashing {
    parse(): never {
      throw new TypeError("Cannot read properties of null (reading 'tagName')");
    }
  }
  return { ...real, Readability: Crashing };
});

let core: Core | undefined;
let dir: string | undefined;
afterAll(async () => {
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('imports the whole page with a warning to the user and a line in the log', async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-readability-crash-'));
  const lines: string[] = [];
  core = await openCore({ libraryDir: dir, mode: 'cli', log: createLogger({ write: (l) => lines.push(l) }) });
  const html = readFileSync(path.join(FIXTURES, 'wire-desk-blinken-iranian-drones.html'));
  const [r] = await core.api.importFiles([{ name: 'wire-desk.html', dataBase64: html.toString('base64') }]);
  expect(r!.status).toBe('imported');
  expect(r!.warnings).toEqual([
    expect.stringMatching(/^Scholia could not tell the article from the rest of this page/),
  ]);
  const article = (await core.api.getArticle(r!.id!))!;
  expect(article.text).toContain('Canada and the United States');
  const logged = lines.filter((l) => l.includes('import.file.warning'));
  expect(logged).toHaveLength(1);
  // The log keeps a message up to its first parenthesis (where page text could be): what happened, not the page.
  expect(logged[0]).toContain('Scholia could not tell the article from the rest of this page');
  expect(logged[0]).toContain('"format":"html"');
});
