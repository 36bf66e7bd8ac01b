// Import through the API a front end uses: near duplicates reported (and importable
// on request), JSON Lines with bad lines, URL import against a local server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/core.js';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures');
const RFERL = readFileSync(path.join(fixtures, 'rferl-blinken-iranian-drones.txt'), 'utf8');
const file = (name: string, text: string) => ({ name, dataBase64: Buffer.from(text).toString('base64') });

let dir: string;
let core: Core;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-articles-'));
  core = await openCore({ libraryDir: dir, mode: 'cli' });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing articles', () => {
  it('reports a lightly edited copy as a near duplicate of the first, and imports it when the user insists', async () => {
    const [first] = await core.api.importFiles([file('rferl.txt', RFERL)]);
    expect(first!.status).toBe('imported');
    const edited = RFERL.replace('With reporting by AFP', 'With reporting by AFP and Reuters').replace(
      'has already imposed',
      'had already imposed',
    );
    const [again] = await core.api.importFiles([file('rferl-updated.txt', edited)]);
    expect(again).toMatchObject({ status: 'duplicate', id: first!.id });
    expect(again!.error).toMatch(/already in your library/);
    expect(await core.api.listArticles()).toHaveLength(1);

    const [forced] = await core.api.importFiles([file('rferl-updated.txt', edited)], { allowDuplicates: true });
    expect(forced!.status).toBe('imported');
    expect(await core.api.listArticles()).toHaveLength(2);
  });

  it('imports the good lines of a JSON Lines file and reports each bad line', async () => {
    const jsonl = [
      JSON.stringify({ title: 'First report', text: 'One paragraph of reporting.\n\nAnd a second one.', source: 'Wire' }),
      '{not json',
      JSON.stringify({ title: 'Second report', text: 'Another article entirely, about something else.' }),
    ].join('\n');
    const results = await core.api.importFiles([file('batch.jsonl', jsonl)]);
    expect(results.filter((r) => r.status === 'imported').map((r) => r.title)).toEqual(['First report', 'Second report']);
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.path).toMatch(/line 2/);
  });

  it('imports a page by URL and reports an unreachable address clearly, saving nothing', async () => {
    const page = `<!doctype html><html lang="en"><head><title>Drones over Kyiv - Example News</title>
      <meta property="og:site_name" content="Example News"></head><body><nav>Home | World</nav>
      <article><h1>Drones over Kyiv</h1>${'<p>Residents described the attack in detail, sentence after sentence of reporting.</p>'.repeat(8)}</article></body></html>`;
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const [ok] = await core.api.importUrl(`http://127.0.0.1:${port}/kyiv`);
      expect(ok!.status).toBe('imported');
      expect(ok!.title).toMatch(/^Drones over Kyiv/);
      const detail = await core.api.getArticle(ok!.id!);
      expect(detail!.format).toBe('url');
      expect(detail!.url).toContain(`127.0.0.1:${port}`);
    } finally {
      await new Promise((r) => server.close(r));
    }
    const [down] = await core.api.importUrl(`http://127.0.0.1:${port}/gone`);
    expect(down!.status).toBe('failed');
    expect(down!.error).toBeTruthy();
    expect(await core.api.listArticles()).toHaveLength(1);
  });
});
