// `npm run eval:sync [-- --libraries 3 --rounds 20 --seeds 1,2,3 --kill 0.4]`: the convergence scenario of
// tests/unit/sync run long, through a folder target. Prints operations, kills, conflicts, lost per seed;
// exits non-zero when libraries differ or anything acknowledged was lost.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runScenario } from '../tests/unit/sync/scenario.js';

const { values } = parseArgs({
  options: {
    libraries: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '20' },
    seeds: { type: 'string', default: '1,2,3' },
    kill: { type: 'string', default: '0.4' },
  },
});
let failed = 0;
for (const seed of values.seeds.split(',').map(Number)) {
  const target = mkdtempSync(path.join(os.tmpdir(), 'scholia-eval-sync-'));
  const started = Date.now();
  const r = await runScenario({
    libraries: Number(values.libraries),
    rounds: Number(values.rounds),
    seed,
    target,
    killRate: Number(values.kill),
  });
  const same = r.contents.every((c) => c === r.contents[0]);
  if (!same || r.lost.length) failed++;
  console.log(
    `seed ${seed}: ${same ? 'converged' : 'DIFFERENT'}; operations ${r.operations}, syncs ${r.syncs}, kills ${r.kills}, ` +
      `conflicts ${r.conflicts}, lost ${r.lost.length}; ${r.counts.articles} articles, ${r.counts.passages} passages, ` +
      `${r.counts.notes} notes, ${r.counts.trash} in trash (${Math.round((Date.now() - started) / 1000)} s)`,
  );
  for (const l of r.lost) console.log(`  lost: ${l}`);
}
process.exitCode = failed ? 1 : 0;
