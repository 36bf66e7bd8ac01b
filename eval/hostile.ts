// `npm run eval:hostile`: the whole XSS corpus (tests/fixtures/xss/payloads.json,
// 2,336 public payloads) through every import path and every surface, in
// Chromium against `scholia serve`. The same suite as tests/e2e/hostile.spec.ts,
// which `npm test` runs on a fixed-seed sample; this prints the counts per
// surface for all of it. Takes several minutes. To reproduce a finding on a few
// payloads only: HOSTILE_ONLY=1656,2177 npm run eval:hostile (indexes in payloads.json).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const started = Date.now();
const r = spawnSync('npx', ['playwright', 'test', 'tests/e2e/hostile.spec.ts', '--reporter=list'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HOSTILE_ALL: '1' },
});
console.log(`eval:hostile: ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${r.status}`);
process.exit(r.status ?? 1);
