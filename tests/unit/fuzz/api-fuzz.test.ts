// Every contract method with random and malformed arguments, over HTTP (browser
// mode's server, in-process on 127.0.0.1 with its token) and through the IPC
// handler function: bad input is a 4xx JSON error, never a 5xx; the process
// keeps answering; the library folder is byte-for-byte unchanged (caches aside).
// Fixed seed, bounded to a few seconds; `npm run eval:fuzz` runs it long.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { diffHashes, formatStats, hashLibrary, openFuzzLibrary, runFuzz } from './api-fuzz.js';

let lib: Awaited<ReturnType<typeof openFuzzLibrary>>;

beforeAll(async () => {
  lib = await openFuzzLibrary();
});

afterAll(async () => {
  await lib?.close();
});

it('answers every malformed call with a 4xx JSON error, never a 5xx, and changes nothing', async () => {
  const before = hashLibrary(lib.libraryDir);
  const polluted = () => ({}) as Record<string, unknown>;
  const stats = await runFuzz(lib, { seed: 20261125, calls: 1500 });
  console.log(formatStats(stats));
  const seen = new Set<string>();
  for (const f of stats.failures) {
    const key = `${f.via} ${f.method} ${f.status} ${f.sent.split(':')[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    console.log(`  ${f.via} ${f.method} -> ${f.status} ${f.answer.slice(0, 160)}\n    ${f.sent.slice(0, 160)}`);
  }

  expect(stats.requests).toBeGreaterThan(2000);
  expect(stats.err5xx).toBe(0);
  expect(stats.failures).toEqual([]);
  // The process still answers, and no prototype was polluted on the way.
  expect((await lib.api.getInfo()).name).toBe('Scholia');
  expect(polluted().polluted).toBeUndefined();
  expect(diffHashes(before, hashLibrary(lib.libraryDir))).toEqual([]);
});
