// The `scholia` CLI contract (names, --json shapes, exit codes) on the two sample articles.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures');
const MT = path.join(fixtures, 'moscow-times-blinken-iranian-drones.txt');
const RFERL = path.join(fixtures, 'rferl-blinken-iranian-drones.txt');

let lib: string;
beforeEach(() => {
  lib = mkdtempSync(path.join(os.tmpdir(), 'scholia-cli-'));
});
afterEach(() => rmSync(lib, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(lib, ...argv);

describe('scholia CLI', () => {
  it('imports the two samples with their real titles, lists and shows them', async () => {
    const imp = await run('import', MT, RFERL, '--json');
    expect(imp.code).toBe(0);
    const rows = imp.json();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.status)).toEqual(['imported', 'imported']);
    expect(rows[0]).toMatchObject({
      path: MT,
      title: "Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken",
    });
    expect(rows[1]).toMatchObject({
      path: RFERL,
      title: "Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'",
    });

    const list = await run('list', '--json');
    expect(list.code).toBe(0);
    const articles = list.json();
    expect(articles).toHaveLength(2);
    for (const a of articles)
      expect(Object.keys(a).sort()).toEqual(['id', 'published', 'source', 'tags', 'title', 'words']);
    expect(articles.map((a) => a.title)).not.toContain('Support The Moscow Times!');

    const show = await run('show', String(rows[0]!.id), '--json');
    expect(show.code).toBe(0);
    const [detail] = show.json();
    expect(detail!.text).toContain('kill Ukrainian civilians and destroy the infrastructure');
    expect(Array.isArray(detail!.removed)).toBe(true);
  });

  it('reports a second import of the same file as a duplicate of the first', async () => {
    const [first] = (await run('import', RFERL, '--json')).json();
    const again = await run('import', RFERL, '--json');
    expect(again.json()).toEqual([{ path: RFERL, status: 'duplicate', id: first!.id, title: first!.title }]);
  });

  it('imports a folder recursively and reports each failure without stopping the batch', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'scholia-folder-'));
    try {
      writeFileSync(path.join(folder, 'empty.txt'), '');
      writeFileSync(path.join(folder, 'ignored.png'), 'not an article');
      writeFileSync(path.join(folder, 'good.txt'), 'A good title\n\nA first paragraph of real text.\n\nA second one.');
      const res = await run('import', folder, '--json');
      const rows = res.json();
      expect(rows.map((r) => [path.basename(String(r.path)), r.status])).toEqual([
        ['empty.txt', 'failed'],
        ['good.txt', 'imported'],
      ]);
      expect(String(rows[0]!.error)).toMatch(/empty/);
      expect(res.code).toBe(1);
      expect((await run('list', '--json')).json()).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('fails with a one-line error and non-zero exit on bad use', async () => {
    await run('import', MT);
    const missing = await run('show', 'a_doesnotexist');
    expect(missing.code).not.toBe(0);
    expect(missing.err).toHaveLength(1);
    expect(missing.err[0]).toMatch(/^scholia: no article/);
    const unknown = await run('frobnicate');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err[0]).toMatch(/unknown command/);
    const nofile = await run('import', path.join(lib, 'nope.txt'), '--json');
    expect(nofile.code).toBe(1);
    expect(nofile.json()[0]).toMatchObject({ status: 'failed', error: 'no such file or folder' });
  });

  it('prints help', async () => {
    const res = await run('--help');
    expect(res.code).toBe(0);
    expect(res.out.join('\n')).toMatch(/import .*\n.*list/s);
  });
});
