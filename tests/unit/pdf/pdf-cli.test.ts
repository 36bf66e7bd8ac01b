// `scholia import` takes PDFs: a folder of them, and --password for an encrypted one.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/pdf');
let lib: string;
beforeEach(() => {
  lib = mkdtempSync(path.join(os.tmpdir(), 'scholia-pdf-cli-'));
});
afterEach(() => rmSync(lib, { recursive: true, force: true }));

it('imports an encrypted PDF with --password, and names the code when the password is missing or wrong', async () => {
  const file = path.join(dir, 'encrypted.pdf');
  const missing = await runCli(lib, 'import', file, '--json');
  expect(missing.code).toBe(1);
  expect(missing.json()[0]).toMatchObject({ status: 'failed', code: 'password-required' });
  const wrong = await runCli(lib, 'import', file, '--password', 'nope', '--json');
  expect(wrong.json()[0]).toMatchObject({ status: 'failed', code: 'password-wrong' });
  const right = await runCli(lib, 'import', file, '--password', 'secret', '--json');
  expect(right.code).toBe(0);
  expect(right.json()[0]).toMatchObject({ status: 'imported', title: 'Trump Plans Meeting on Arizona Birth Bill' });
});

it('shows a PDF article with its page map, and lists its passages with their pages', async () => {
  const imp = await runCli(lib, 'import', path.join(dir, 'two-column.pdf'), '--json');
  const id = (imp.json()[0] as { id: string }).id;
  const show = await runCli(lib, 'show', id, '--json');
  const article = show.json()[0] as { text: string; pages: { start: number; label?: string }[] };
  expect(article.pages).toHaveLength(3);
  expect(article.pages[0]!.start).toBe(0);
  const br = article.pages[1]!.start;
  expect((await runCli(lib, 'show', id)).out.at(-1)).toBe('[3 pages (PDF); see --json for where each begins]');

  await runCli(lib, 'passages', 'add', id, '--start', String(br - 20), '--end', String(br + 20));
  await runCli(lib, 'passages', 'add', id, '--start', String(br + 30), '--end', String(br + 60));
  const listed = (await runCli(lib, 'passages', '--json')).json() as { start: number; pageLabel: string }[];
  expect(listed.map((p) => [p.start, p.pageLabel])).toEqual([
    [br - 20, 'pp. 1–2'],
    [br + 30, 'p. 2'],
  ]);
  expect((await runCli(lib, 'passages')).out.some((l) => l.includes('  pp. 1–2  “'))).toBe(true);
});
