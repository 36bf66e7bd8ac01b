// `scholia import` of exports and `scholia fetch-pending`: the per-file report, the
// list, and a fetch run with its outcomes as JSON lines.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli-harness.js';

const FIXTURES = path.resolve(__dirname, '../../../../electron/core/interop/migrate/fixtures');
let server: http.Server;
let base = '';
let dir: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/gone') return void res.writeHead(410, { 'content-type': 'text/html' }).end('<p>gone</p>');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html><head><title>Page ${req.url}</title></head><body><article><h1>Page ${req.url}</h1>` +
          `<p>${`The text of the page at ${req.url}, long enough to be an article of its own. `.repeat(8)}</p></article></body></html>`,
      );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-cli-migrate-'));
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('scholia import + fetch-pending', () => {
  it('imports exports with a per-file report, lists what waits, fetches it with outcomes as JSON lines', async () => {
    const lib = path.join(dir, 'library');
    const csv = path.join(dir, 'pocket.csv');
    writeFileSync(
      csv,
      `title,url,time_added,tags,status\nFirst,${base}/one,1709802000,a|b,unread\nGone,${base}/gone,1709802001,,archive\n`,
    );
    const imported = await runCli(lib, 'import', csv, path.join(FIXTURES, 'My Clippings.txt'));
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('  2 page(s) wait to be fetched: run `scholia fetch-pending`');
    expect(imported.out).toContain('  note: 1 bookmark(s) hold no text and were not imported.');

    const list = await runCli(lib, 'fetch-pending', '--list', '--json');
    expect(list.code).toBe(0);
    expect(list.json().map((e) => [e.title, e.tags, e.state])).toEqual([
      ['First', ['a', 'b'], 'waiting'],
      ['Gone', [], 'waiting'],
    ]);

    const run = await runCli(lib, 'fetch-pending', '--json', '--interval-ms', '0');
    expect(run.code).toBe(1); // one page failed
    const lines = run.json();
    expect(lines.slice(0, 2).map((o) => [o.title, o.status])).toEqual([
      ['First', 'fetched'],
      ['Gone', 'failed'],
    ]);
    expect(lines[1]!.error).toMatch(/410/);
    expect(lines[2]).toMatchObject({
      running: false,
      total: 2,
      fetched: 1,
      failed: 1,
      message: 'Done: 1 fetched, 1 failed.',
    });

    const after = await runCli(lib, 'fetch-pending', '--list');
    expect(after.out.at(-1)).toBe('0 waiting, 1 failed');
    const articles = await runCli(lib, 'list', '--json');
    expect(
      articles
        .json()
        .map((a) => a.title)
        .sort(),
    ).toEqual(['First', 'The Art of War', 'Thinking, Fast and Slow']);
  }, 60_000);

  it('refuses a bad --interval-ms with a usage error', async () => {
    const r = await runCli(path.join(dir, 'library'), 'fetch-pending', '--interval-ms', 'soon');
    expect(r.code).toBe(64);
    expect(r.err.join('\n')).toMatch(/--interval-ms takes a whole number/);
  });
});
