// `scholia shared` and `scholia compare` as a script would call them: exact
// command names and --json shapes (a public contract).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const MT = path.join(fixtures, 'moscow-times-blinken-iranian-drones.txt');
const RFE = path.join(fixtures, 'rferl-blinken-iranian-drones.txt');
const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

let dir: string;
let lib: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-cli-shared-'));
  lib = path.join(dir, 'library');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(lib, ...argv);

async function importBoth(): Promise<[string, string]> {
  const imp = await run('import', MT, RFE, '--json');
  expect(imp.code).toBe(0);
  return imp.out.map((l) => (JSON.parse(l) as { id: string }).id) as [string, string];
}

it('prints one JSON line per shared span of the article, with where the other outlet carries it', async () => {
  const [mt, rfe] = await importBoth();
  const res = await run('shared', mt, '--json');
  expect(res.code).toBe(0);
  const rows = res.out.map((l) => JSON.parse(l));
  expect(rows.length).toBeGreaterThanOrEqual(5);
  const quote = rows.find((r) => r.text.includes(QUOTE));
  expect(quote).toMatchObject({ start: expect.any(Number), end: expect.any(Number) });
  expect(quote.matches[0]).toMatchObject({ articleId: rfe, kind: 'exact', similarity: 1 });
  expect(Object.keys(quote.matches[0]).sort()).toEqual(
    ['articleId', 'end', 'kind', 'similarity', 'source', 'start', 'text', 'title'].sort(),
  );

  const text = await run('shared', mt);
  expect(text.out.at(-1)).toBe(`${rows.length} shared passages with 1 other article`);
});

it('compares two articles as one JSON object, and refuses unknown ids and missing arguments', async () => {
  const [mt, rfe] = await importBoth();
  const res = await run('compare', mt, rfe, '--json');
  expect(res.code).toBe(0);
  expect(res.out).toHaveLength(1);
  const c = JSON.parse(res.out[0]!);
  expect(c.a.id).toBe(mt);
  expect(c.b.id).toBe(rfe);
  expect(c.pairs.some((p: { kind: string }) => p.kind === 'near')).toBe(true);
  expect(c.pairs.some((p: { kind: string }) => p.kind === 'exact')).toBe(true);

  const missing = await run('compare', mt, 'a-nope');
  expect(missing.code).toBe(1);
  expect(missing.err.join('\n')).toMatch(/no article with id a-nope/);
  expect((await run('compare', mt)).code).toBe(64);
  expect((await run('shared', mt, '--min-words', '3')).code).toBe(64);
});

it('lists proposed and saved stories and writes a story report, as `scholia stories`', async () => {
  const wire = path.join(fixtures, 'wire-desk-blinken-iranian-drones.html');
  const imp = await run('import', MT, RFE, wire, '--json');
  expect(imp.code).toBe(0);
  const ids = imp.out.map((l) => (JSON.parse(l) as { id: string }).id);

  const proposed = await run('stories', '--proposed', '--json');
  expect(proposed.code).toBe(0);
  const [p] = proposed.out.map((l) => JSON.parse(l) as { name: string; articleIds: string[]; linkedPairs: number });
  expect([...p!.articleIds].sort()).toEqual([...ids].sort());
  expect(p!.linkedPairs).toBeGreaterThan(0);

  // The user confirms it (in the app; here through the core), then the CLI lists and reports it.
  const { openCore } = await import('../../../electron/core/core.js');
  const core = await openCore({ libraryDir: lib, mode: 'cli' });
  const story = await core.api.saveStory({ name: 'Blinken on Iranian drones', articleIds: p!.articleIds });
  await core.close();

  const listed = await run('stories', '--json');
  expect(listed.out.map((l) => JSON.parse(l))).toEqual([
    { id: story.id, name: 'Blinken on Iranian drones', articles: 3, updatedAt: story.updatedAt },
  ]);
  expect((await run('stories')).out.at(-1)).toBe('1 story');

  const md = await run('stories', '--report', story.id, '--format', 'md');
  expect(md.code).toBe(0);
  expect(md.out.join('\n')).toContain('Blinken on Iranian drones');
  expect(md.out.join('\n')).toContain('Wire Desk');

  const out = path.join(dir, 'story.html');
  const html = await run('stories', '--report', story.id, '--out', out, '--json');
  expect(html.code).toBe(0);
  expect(JSON.parse(html.out[0]!)).toMatchObject({ path: out, mime: 'text/html' });
  const page = readFileSync(out, 'utf8');
  expect(page).toContain('<html');
  expect(page).not.toMatch(/<script/i);

  const missing = await run('stories', '--report', 's_missing');
  expect(missing.code).not.toBe(0);
  expect(missing.err.join('\n')).toMatch(/story/i);
  const bad = await run('stories', '--report', story.id, '--format', 'docx');
  expect(bad.code).toBe(64);
  expect(bad.err.join('\n')).toContain('--format must be one of html, md');
});
