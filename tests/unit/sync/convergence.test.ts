// Issue 18's convergence test, bounded for `npm test`: two then three libraries edit at random and sync
// through a folder target at random moments, some syncs SIGKILLed part way (a separate process). They must
// end identical, with every acknowledged note edit present. (The WebDAV run is in webdav.test.ts.)
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from './scenario.js';

describe('sync convergence through a folder target', () => {
  for (const libraries of [2, 3]) {
    it(`${libraries} libraries converge with nothing lost, kills included`, { timeout: 240_000 }, async () => {
      const target = mkdtempSync(path.join(os.tmpdir(), 'scholia-sync-target-'));
      const r = await runScenario({ libraries, rounds: 5, seed: 1800 + libraries, target, killRate: 0.35 });
      console.log(
        `sync convergence (folder, ${libraries} libraries): operations ${r.operations}, syncs ${r.syncs}, kills ${r.kills}, ` +
          `conflicts ${r.conflicts}, lost ${r.lost.length}; ${r.counts.articles} articles, ${r.counts.passages} passages, ` +
          `${r.counts.notes} notes, ${r.counts.trash} in trash`,
      );
      for (const c of r.contents.slice(1)) expect(c).toBe(r.contents[0]);
      expect(r.lost).toEqual([]);
      expect(r.kills).toBeGreaterThan(0);
      expect(r.counts.notes).toBeGreaterThan(0);
    });
  }
});
