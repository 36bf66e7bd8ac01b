// The preload reaches the core through IPC channels named after the contract's
// methods. It takes the names from electron/generated/channels.ts (written by
// scripts/build-electron.mjs) so that it does not bundle zod and the schemas.
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { API_METHODS as CONTRACT_METHODS, contract } from '../../electron/core/contract.js';
import { API_METHODS as GENERATED_METHODS } from '../../electron/generated/channels.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('generated channel list', () => {
  it("equals the contract's methods, in order (rebuild with `npm run build` after changing the contract)", () => {
    expect([...GENERATED_METHODS]).toEqual(Object.keys(contract));
    expect([...GENERATED_METHODS]).toEqual(CONTRACT_METHODS);
  });

  it('keeps zod and the schemas out of the preload bundle', async () => {
    // The preload exactly as scripts/build-electron.mjs bundles it (CommonJS, electron external).
    const out = await build({
      entryPoints: [path.join(root, 'electron/preload.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.some((i) => i.includes('node_modules/zod'))).toBe(false);
    expect(inputs.some((i) => i.endsWith('core/contract.ts'))).toBe(false);
    expect(out.outputFiles[0]!.text).not.toMatch(/zod/);
    // 763 KB with the contract imported; ~2 KB with the generated list.
    expect(out.outputFiles[0]!.contents.byteLength).toBeLessThan(20_000);
  });
});
