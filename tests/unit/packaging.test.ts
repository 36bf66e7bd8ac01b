// electron-builder's own schema validation of electron-builder.yml, and a
// packaged --dir build where an Electron distribution is available offline.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

describe('electron-builder configuration', () => {
  const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it('passes electron-builder schema validation', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string | null, extra: unknown): Promise<Record<string, unknown>>;
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    const loaded = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // A config with an unknown key is refused: the validation is real.
    await expect(validateConfiguration({ ...loaded, notAnOption: true }, new DebugLogger(false))).rejects.toThrow();
  });

  it('targets every platform and ships the files the app needs', () => {
    const targets = (k: string) => (config[k] as { target: string[] }).target;
    expect(targets('win')).toContain('nsis');
    expect(targets('mac')).toEqual(expect.arrayContaining(['dmg', 'zip']));
    expect(targets('linux')).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(existsSync(path.join(root, 'resources', 'icon.png'))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect((config.extraMetadata as { main: string }).main).toBe(pkg.main);
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'resources/**']));
  });

  const electronDist = process.env.SCHOLIA_ELECTRON_DIST;
  it.runIf(Boolean(electronDist && existsSync(electronDist)))('packages an unpacked app with --dir', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'scholia-pack-'));
    execFileSync(
      process.execPath,
      [require.resolve('electron-builder/cli.js'), '--dir', `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`],
      { cwd: root, stdio: 'pipe' },
    );
    expect(existsSync(out)).toBe(true);
  });
  if (!electronDist) {
    console.log('packaging --dir build skipped: set SCHOLIA_ELECTRON_DIST to an unpacked Electron distribution to run it');
  }
});
