// `npm run eval:fuzz [-- --calls N --seed S]`: the API fuzz of tests/unit/fuzz
// run long. Prints requests, 2xx, 4xx, 5xx (must be 0) and any failure; exits
// non-zero when bad input was not a 4xx or the library changed.
import { parseArgs } from 'node:util';
import { diffHashes, formatStats, hashLibrary, openFuzzLibrary, runFuzz } from '../tests/unit/fuzz/api-fuzz.js';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '20000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
  },
});
const calls = Number(values.calls);
const seed = Number(values.seed);

const lib = await openFuzzLibrary();
try {
  const before = hashLibrary(lib.libraryDir);
  const stats = await runFuzz(lib, { seed, calls });
  console.log(`seed ${seed}`);
  console.log(formatStats(stats));
  for (const f of stats.failures.slice(0, 30))
    console.log(`  ${f.via} ${f.method} -> ${f.status} ${f.answer}\n    ${f.sent}`);
  const changed = diffHashes(before, hashLibrary(lib.libraryDir));
  console.log(changed.length ? `library changed: ${changed.join(', ')}` : 'library unchanged (caches aside)');
  process.exitCode = stats.failures.length || changed.length ? 1 : 0;
} finally {
  await lib.close();
}
