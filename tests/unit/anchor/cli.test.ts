// `scholia passages` and `scholia edit` as a script would call them: exact
// command names and --json shapes (a public contract).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../cli-harness.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const MT = path.join(fixtures, 'moscow-times-blinken-iranian-drones.txt');
const PASSAGE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

let dir: string;
let lib: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-cli-passages-'));
  lib = path.join(dir, 'library');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(lib, ...argv);

async function importSample(): Promise<{ id: string; text: string }> {
  const imp = await run('import', MT, '--json');
  expect(imp.code).toBe(0);
  const id = (JSON.parse(imp.out[0]!) as { id: string }).id;
  const show = await run('show', id, '--json');
  return { id, text: (JSON.parse(show.out[0]!) as { text: string }).text };
}

it('adds a passage by offsets into the text `show` prints, and lists it where it sits after an edit', async () => {
  const { id, text } = await importSample();
  const start = text.indexOf(PASSAGE);
  const add = await run(
    'passages',
    'add',
    id,
    '--start',
    String(start),
    '--end',
    String(start + PASSAGE.length),
    '--color',
    'blue',
    '--json',
  );
  expect(add.code).toBe(0);
  const p = JSON.parse(add.out[0]!);
  expect(p).toMatchObject({
    articleId: id,
    state: 'anchored',
    color: 'blue',
    quote: { type: 'TextQuoteSelector', exact: PASSAGE },
    position: { type: 'TextPositionSelector', start, end: start + PASSAGE.length },
    notes: [],
  });

  // Insert a sentence before the passage.
  const file = path.join(dir, 'edited.txt');
  const cut = text.lastIndexOf('\n\n', start) + 2;
  const added = 'An editor inserted this sentence before the quote. ';
  writeFileSync(file, text.slice(0, cut) + added + text.slice(cut));
  const edit = await run('edit', id, '--text-file', file, '--json');
  expect(edit.code).toBe(0);
  expect(JSON.parse(edit.out[0]!)).toMatchObject({ moved: 1, fuzzy: 0, orphaned: 0 });

  const list = await run('passages', '--article', id, '--json');
  expect(list.out.map((l) => JSON.parse(l))).toEqual([
    {
      id: p.id,
      articleId: id,
      state: 'anchored',
      start: start + added.length,
      end: start + added.length + PASSAGE.length,
      exact: PASSAGE,
      notes: [],
    },
  ]);

  // Delete the passage's text: it becomes an orphan, still listed with its quote.
  writeFileSync(file, text.replace(PASSAGE, 'something else entirely'));
  expect(JSON.parse((await run('edit', id, '--text-file', file, '--json')).out[0]!)).toMatchObject({ orphaned: 1 });
  const orphan = JSON.parse((await run('passages', '--json')).out[0]!);
  expect(orphan).toMatchObject({ id: p.id, state: 'orphan', exact: PASSAGE });
});

it('explains bad arguments with a usage error', async () => {
  const { id } = await importSample();
  const r = await run('passages', 'add', id, '--start', 'ten', '--end', '20');
  expect(r.code).toBe(64);
  expect(r.err.join('\n')).toMatch(/--start must be a whole number/);
  const noFile = await run('edit', id);
  expect(noFile.code).toBe(64);
  expect(noFile.err.join('\n')).toMatch(/--text-file is required/);
  const outside = await run('passages', 'add', id, '--start', '0', '--end', '99999999');
  expect(outside.code).toBe(1);
  expect(outside.err.join('\n')).toMatch(/not inside the article's text/);
});
