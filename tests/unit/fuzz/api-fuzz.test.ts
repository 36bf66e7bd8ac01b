// Every contract method with random and malformed arguments, over HTTP (browser
// mode's server, in-process on 127.0.0.1 with its token) and through the IPC
// handler function: bad input is a 4xx JSON error, never a 5xx; the process
// keeps answering; the library folder is byte-for-byte unchanged (caches aside).
// Fixed seed, bounded to a few seconds; `npm run eval:fuzz` runs it long.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LibrarySession } from '../../../electron/library-session.js';
import { startWebServer, type WebServer } from '../../../electron/web.js';
import { FIXTURES } from '../../sample-text.js';
import { diffHashes, formatStats, hashLibrary, runFuzz } from './api-fuzz.js';

let dir: string;
let libraryDir: string;
let session: LibrarySession;
let server: WebServer;
const ids: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-fuzz-'));
  libraryDir = path.join(dir, 'library');
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Scholia</title>');
  session = await LibrarySession.open({ libraryDir, mode: 'browser' });
  const api = session.api;
  // A small real library: two articles, a passage, a note citing it, a tag, a backup.
  const files = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'].map((name) => ({
    name,
    dataBase64: readFileSync(path.join(FIXTURES, name)).toString('base64'),
  }));
  const imported = await api.importFiles(files);
  for (const r of imported) ids.push(r.id!);
  const passage = await api.addPassage({ articleId: ids[0]!, start: 0, end: 40 });
  ids.push(passage.id);
  const note = await api.createNote({ body: `# On drones\n\n[the quote](scholia://passage/${passage.id})` });
  ids.push(note.id);
  await api.addTags([{ kind: 'article', id: ids[1]! }], ['iran/drones']);
  await api.backup();
  server = await startWebServer({ api, staticDir, token: 'f'.repeat(48) });
});

afterAll(async () => {
  await server?.close();
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('answers every malformed call with a 4xx JSON error, never a 5xx, and changes nothing', async () => {
  const before = hashLibrary(libraryDir);
  const polluted = () => (({}) as Record<string, unknown>).polluted;
  const stats = await runFuzz({ server, api: session.api, libraryDir, ids }, { seed: 20261125, calls: 1500 });
  console.log(formatStats(stats));
  const seen = new Set<string>();
  for (const f of stats.failures) {
    const key = `${f.via} ${f.method} ${f.status} ${f.sent.split(':')[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    console.log(`  ${f.via} ${f.method} -> ${f.status} ${f.answer.slice(0, 160)}\n    ${f.sent.slice(0, 160)}`);
  }

  expect(stats.requests).toBeGreaterThan(1000);
  expect(stats.err5xx).toBe(0);
  expect(stats.failures).toEqual([]);
  // The process still answers, and no prototype was polluted on the way.
  expect((await session.api.getInfo()).name).toBe('Scholia');
  expect(polluted()).toBeUndefined();
  expect(diffHashes(before, hashLibrary(libraryDir))).toEqual([]);
});
