// `npm run bench [name...]`: runs bench/*.bench.ts (or only the named ones), each
// in its own process so one benchmark's memory and JIT state never skew another's.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { results } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));

if (process.env.SCHOLIA_BENCH_ONE) {
  const mod = (await import(pathToFileURL(path.join(here, process.env.SCHOLIA_BENCH_ONE)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
  process.exit(results.some((r) => r.ok === false) ? 1 : 0);
}

const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const lines: string[] = [];
for (const f of files) {
  console.log(`\n== ${f} ==`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, SCHOLIA_BENCH_ONE: f },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (d: Buffer) => {
      process.stdout.write(d);
      lines.push(...d.toString().split('\n'));
    });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0 && !lines.some((l) => l.startsWith('MISS'))) lines.push(`MISS  ${f} exited with code ${code}`);
}
const passed = lines.filter((l) => l.startsWith('PASS')).length;
const missed = lines.filter((l) => l.startsWith('MISS'));
console.log(`\n${passed + missed.length} figures with targets: ${passed} on target, ${missed.length} missed`);
for (const m of missed) console.log(`  ${m.replace(/\s+/g, ' ')}`);
process.exitCode = missed.length ? 1 : 0;
