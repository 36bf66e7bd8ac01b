// Sync through a real file-sync engine: two Syncthing daemons on 127.0.0.1 replicate one folder between two
// device folders; each library syncs with its own device's folder. Convergence with kills, and a note edit
// carried from one library to the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SyncthingPair, startSyncthingPair, syncthingMissing } from './syncthing.js';
import { runScenario } from './scenario.js';

const missing = syncthingMissing();
if (missing) console.log(`Syncthing sync tests skipped: ${missing}`);

describe.skipIf(!!missing)('sync through two Syncthing daemons', () => {
  let pair: SyncthingPair;
  beforeAll(async () => {
    pair = await startSyncthingPair();
  }, 90_000);
  afterAll(async () => {
    await pair?.stop();
  });

  it('two libraries converge with nothing lost, kills included', { timeout: 300_000 }, async () => {
    let waited = 0;
    let settles = 0;
    const r = await runScenario({
      libraries: 2,
      rounds: 4,
      seed: 1818,
      target: pair.folders[0],
      targets: [...pair.folders],
      settle: async () => {
        const ms = await pair.settle();
        waited += ms;
        settles++;
        return ms;
      },
      killRate: 0.4,
    });
    console.log(
      `sync convergence (Syncthing, 2 libraries): operations ${r.operations}, syncs ${r.syncs}, kills ${r.kills}, ` +
        `conflicts ${r.conflicts}, lost ${r.lost.length}; ${r.counts.articles} articles, ${r.counts.passages} passages, ` +
        `${r.counts.notes} notes, ${r.counts.trash} in trash; engine delivery ${Math.round(waited / Math.max(1, settles))} ms per wait`,
    );
    expect(r.contents[1]).toBe(r.contents[0]);
    expect(r.lost).toEqual([]);
    expect(r.counts.notes).toBeGreaterThan(0);
  });
});
