// Bundles the Node side to CommonJS: main and CLI (packages stay external,
// shipped in node_modules), and the preload (fully bundled: sandboxed
// preloads cannot be ESM and cannot require npm packages).
import { build } from 'esbuild';

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
  entryPoints: { main: 'electron/main.ts', cli: 'electron/cli.ts' },
  outdir: 'dist/electron',
  packages: 'external',
});
await build({
  ...common,
  entryPoints: { preload: 'electron/preload.ts' },
  outdir: 'dist/electron',
  external: ['electron'],
});
console.log('built dist/electron (main, preload, cli)');
