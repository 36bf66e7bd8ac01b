// `npm run bench [name...]`: runs bench/*.bench.ts (or only the named ones) in turn.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { results } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

for (const f of files) {
  console.log(`\n== ${f} ==`);
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { default: () => Promise<void> };
  await mod.default();
}
const missed = results.filter((r) => r.ok === false);
console.log(`\n${results.length} figures, ${results.filter((r) => r.ok).length} on target, ${missed.length} missed`);
for (const m of missed) console.log(`  missed: ${m.name} (${m.figure} ${m.unit}, target ${m.target})`);
process.exitCode = missed.length ? 1 : 0;
