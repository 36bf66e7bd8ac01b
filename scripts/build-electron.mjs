// Bundles the Node side to CommonJS: main and CLI, and the preload
// (sandboxed preloads cannot be ESM or require packages).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

// Runtime dependencies stay in node_modules (shipped by electron-builder), except
// ESM-only packages with default exports, which CommonJS cannot load cleanly: those are inlined.
const INLINE = new Set(['approx-string-match']);
const deps = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {});
const external = ['electron', ...deps.filter((d) => !INLINE.has(d)).flatMap((d) => [d, `${d}/*`])];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__scholiaImportMetaUrl' },
  banner: { js: "const __scholiaImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...common,
  // import-worker: the extraction pool's worker (electron/core/import/pool.ts finds it beside main/cli).
  entryPoints: { main: 'electron/main.ts', cli: 'electron/cli.ts', 'import-worker': 'electron/core/import/worker.ts' },
  outdir: 'dist/electron',
  external,
});
await build({
  ...common,
  entryPoints: { preload: 'electron/preload.ts' },
  outdir: 'dist/electron',
  external: ['electron'],
});
console.log('built dist/electron (main, preload, cli, import-worker)');
