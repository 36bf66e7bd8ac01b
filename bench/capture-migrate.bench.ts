// Migration: a 10,000-row Pocket CSV (the export email's title,url,time_added,tags,status)
// imported as "to fetch" entries, as `scholia import pocket.csv` and the app's import do:
// read, recognised, every row checked, written durably in one batch. Target: <= 10 s.
// Part of `npm run bench -- capture` (with the clipper's clip-to-saved figure).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importPaths } from '../electron/core/articles/index.js';
import { openCore } from '../electron/core/core.js';
import { rng } from './rng.js';
import { report } from './report.js';

const ROWS = 10_000;
const TARGET_S = 10;

const WORDS = [
  'drones',
  'grain',
  'sanctions',
  'energy',
  'election',
  'ceasefire',
  'refugees',
  'shipping',
  'cyber',
  'aid',
];
const SITES = [
  'www.example.org',
  'news.example.com',
  'blog.example.net',
  'longreads.example.com',
  'daily.example.co.uk',
];

function pocketCsv(rows: number): string {
  const rnd = rng(14);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
  const lines = ['title,url,time_added,tags,status'];
  for (let i = 0; i < rows; i++) {
    const title = `"${pick(WORDS)} and ${pick(WORDS)}: what the ""${pick(WORDS)}"" report says, part ${i}"`;
    const url = `https://${pick(SITES)}/${2015 + (i % 10)}/${pick(WORDS)}-${i}?utm_source=pocket`;
    const tags = Array.from({ length: Math.floor(rnd() * 3) }, () => pick(WORDS)).join('|');
    lines.push(`${title},${url},${1_420_000_000 + i * 3600},${tags},${rnd() < 0.3 ? 'archive' : 'unread'}`);
  }
  return lines.join('\n') + '\n';
}

export default async function (): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'scholia-bench-migrate-'));
  try {
    const file = path.join(work, 'part_000000.csv');
    writeFileSync(file, pocketCsv(ROWS));
    const core = await openCore({ libraryDir: path.join(work, 'library'), mode: 'cli' });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const results = await importPaths(core.ctx, [file], () => {});
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const pending = (await core.api.listPending()).total;
    await core.close();
    if (results[0]?.status !== 'imported' || pending !== ROWS) {
      throw new Error(`expected ${ROWS} entries to fetch, got ${pending} (${JSON.stringify(results[0])})`);
    }
    report(
      `Pocket CSV, ${ROWS.toLocaleString('en')} rows -> to-fetch entries`,
      seconds,
      's',
      `<= ${TARGET_S} s`,
      seconds <= TARGET_S,
    );
    report('  CPU time of that import', (cpu.user + cpu.system) / 1e6, 's', '(reference)', null);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
