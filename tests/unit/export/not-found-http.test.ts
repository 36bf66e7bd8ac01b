// Exporting a note or article the library does not hold is "not found" (404), over
// browser mode's HTTP API as the app's client calls it: not a 400 "invalid".
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core.js';
import { startWebServer, type WebServer } from '../../../electron/web.js';
import { fixtures } from '../import/helpers.js';

let dir: string;
let core: Core;
let server: WebServer;
let articleId: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-export-404-'));
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Scholia</title>');
  core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'browser' });
  const name = 'rferl-blinken-iranian-drones.txt';
  const [r] = await core.api.importFiles([
    { name, dataBase64: readFileSync(path.join(fixtures, name)).toString('base64') },
  ]);
  articleId = r!.id!;
  server = await startWebServer({ api: core.api, staticDir, token: 'b'.repeat(48) });
});
afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exportData(scope: Record<string, unknown>) {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/exportData`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ args: [{ format: 'md', scope }] }),
  });
  return { status: res.status, body: (await res.json()) as { code?: string; error?: string; files?: unknown[] } };
}

it('answers 404 not-found naming the missing note or article, and exports nothing', async () => {
  for (const [scope, id] of [
    [{ noteIds: ['n_nosuchnote1'] }, 'n_nosuchnote1'],
    [{ articleIds: ['a_nosucharticle'] }, 'a_nosucharticle'],
    // One known article beside an unknown one: still nothing, all or nothing.
    [{ articleIds: [articleId, 'a_nosucharticle'] }, 'a_nosucharticle'],
  ] as const) {
    const r = await exportData(scope);
    expect(r.status, JSON.stringify(scope)).toBe(404);
    expect(r.body.code).toBe('not-found');
    expect(r.body.error).toContain(id);
    expect(r.body.error).toMatch(/nothing was exported/);
  }
});

it('still exports what the library holds', async () => {
  const r = await exportData({ articleIds: [articleId] });
  expect(r.status).toBe(200);
});
