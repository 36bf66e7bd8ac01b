// Packaging: electron-builder.yml passes electron-builder's own validation and says what the
// installers must (file types, the scholia:// scheme, fuses, .deb dependencies); and a real
// `electron-builder --dir` run, with a stand-in for Electron's binary (it cannot be downloaded
// here; the stand-in is never run), builds the app.asar users get, which is listed and checked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: plain ESM helper without types (scripts/ is not compiled)
import { makeElectronStandIn } from '../../scripts/electron-stand-in.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// @electron/asar and @electron/fuses come with electron-builder: resolve them from its side.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const asar = builderRequire('@electron/asar') as {
  listPackage(archive: string): string[];
  extractFile(archive: string, file: string): Buffer;
};
const fuses = builderRequire('@electron/fuses') as {
  getCurrentFuseWire(binary: string): Promise<Record<number, number>>;
  FuseV1Options: Record<string, number>;
};

type Config = Record<string, unknown> & {
  fileAssociations: { ext: string | string[]; rank?: string }[];
  protocols: { schemes: string[] }[];
  electronFuses: Record<string, boolean>;
  deb: { depends: string[] };
};
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** electron-builder's default .deb depends, read from its source (setting `depends` replaces them). */
function electronBuilderDebDefaults(): string[] {
  const src = readFileSync(require.resolve('app-builder-lib/out/targets/FpmTarget.js'), 'utf8');
  const m = /getDefaultDepends\(target\)\s*\{\s*switch \(target\) \{\s*case "deb":\s*return (\[[^\]]*\])/.exec(src);
  if (!m) throw new Error('could not find the deb defaults in app-builder-lib FpmTarget.js: check by hand');
  return JSON.parse(m[1]!) as string[];
}

describe('electron-builder configuration', () => {
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

  it('installers for every OS and architecture the release promises', () => {
    const targets = (k: string) =>
      (config[k] as { target: (string | { target: string; arch?: string[] })[] }).target.map((t) =>
        typeof t === 'string' ? { target: t, arch: ['x64'] } : { target: t.target, arch: t.arch ?? ['x64'] },
      );
    expect(targets('win')).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(targets('mac')).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(targets('linux').map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect((config.extraMetadata as { main: string }).main).toBe(pkg.main);
  });

  it('"Open with Scholia" for .html .htm .md .txt .pdf .jsonld, never taking over the default on macOS', () => {
    const exts = config.fileAssociations.flatMap((a) => (Array.isArray(a.ext) ? a.ext : [a.ext]));
    expect(exts.sort()).toEqual(['htm', 'html', 'jsonld', 'md', 'pdf', 'txt']);
    for (const a of config.fileAssociations) expect(a.rank).toBe('Alternate');
  });

  it('registers scholia:// (the links exports write), also as a Linux scheme handler', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['scholia']);
    expect((config.linux as { mimeTypes: string[] }).mimeTypes).toContain('x-scheme-handler/scholia');
  });

  it('.deb depends keeps every electron-builder default (xdg-utils, libatspi, libsecret...)', () => {
    const defaults = electronBuilderDebDefaults();
    expect(defaults).toContain('xdg-utils');
    expect(config.deb.depends).toEqual(expect.arrayContaining(defaults));
    // electron-builder refuses to build a .deb without a maintainer or an author e-mail.
    const author = (pkg as { author?: string | { email?: string } }).author;
    const hasEmail = typeof author === 'object' ? Boolean(author?.email) : /<[^>]+@[^>]+>/.test(author ?? '');
    expect(hasEmail || Boolean((config.linux as { maintainer?: string }).maintainer)).toBe(true);
  });
});

/** Fuse states in the binary: 48 = '0' disabled, 49 = '1' enabled. */
const OFF = 48;
const ON = 49;

describe('packaged app (electron-builder --dir with a stand-in Electron)', () => {
  let out = '';
  let archive = '';
  let files: string[] = [];
  let binary = '';

  beforeAll(() => {
    for (const f of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(path.join(root, f))) throw new Error(`${f} is missing: run "npm run build" first`);
    }
    out = mkdtempSync(path.join(os.tmpdir(), 'scholia-pack-'));
    const standIn = path.join(out, 'electron-dist');
    makeElectronStandIn(standIn, 'linux'); // packaged as the Linux dir target on every OS
    execFileSync(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--dir',
        '--linux',
        `-c.electronDist=${standIn}`,
        `-c.directories.output=${path.join(out, 'release')}`,
      ],
      { cwd: root, stdio: 'pipe', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    const unpacked = path.join(out, 'release', 'linux-unpacked');
    archive = path.join(unpacked, 'resources', 'app.asar');
    binary = path.join(unpacked, 'scholia');
    files = asar.listPackage(archive).map((f) => f.replace(/\\/g, '/'));
    console.log(
      `app.asar: ${(statSync(archive).size / 1024 / 1024).toFixed(1)} MB, ${files.length} entries ` +
        `(${files.filter((f) => f.startsWith('/node_modules/')).length} under node_modules)`,
    );
  }, 180_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('holds the built app: main, preload, the import worker, the renderer, resources', () => {
    for (const f of [
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/electron/import-worker.cjs',
      '/dist/renderer/index.html',
      '/resources/welcome.txt',
      '/resources/icon.png',
      '/package.json',
    ]) {
      expect(files).toContain(f);
    }
    const packaged = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(packaged.main).toBe('dist/electron/main.cjs');
    expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
  });

  it('holds no sources, tests, source maps or dev tooling', () => {
    const forbidden = files.filter(
      (f) =>
        /\.(map|tsx?|mts|cts)$/.test(f) ||
        /^\/(electron|renderer\/src|tests|bench|eval|docs|scripts|\.github)\//.test(f) ||
        /^\/(tsconfig[^/]*|vite\.config\.ts|vitest\.config\.ts|eslint\.config\.js|electron-builder\.yml)$/.test(f),
    );
    expect(forbidden).toEqual([]);
  });

  it('ships every runtime dependency the bundles require, and no dev dependency', () => {
    // The bundles leave runtime dependencies external (scripts/build-electron.mjs): each must be in the asar.
    const main = asar.extractFile(archive, 'dist/electron/main.cjs').toString('utf8');
    const required = new Set(
      [...main.matchAll(/require\("((?:@[^/"]+\/)?[^/".][^/"]*)(?:\/[^"]*)?"\)/g)]
        .map((m) => m[1]!)
        .filter(
          (n) => !n.startsWith('node:') && n !== 'electron' && !require('node:module').builtinModules.includes(n),
        ),
    );
    expect(required.size).toBeGreaterThan(3);
    for (const dep of required)
      expect(files, `main.cjs requires ${dep}`).toContain(`/node_modules/${dep}/package.json`);
    // Dev dependencies never ship, unless a runtime dependency needs the same package.
    const runtime = new Set<string>();
    const walk = (name: string) => {
      if (runtime.has(name)) return;
      runtime.add(name);
      const pj = path.join(root, 'node_modules', name, 'package.json');
      if (!existsSync(pj)) return;
      const deps = (JSON.parse(readFileSync(pj, 'utf8')) as { dependencies?: Record<string, string> }).dependencies;
      for (const d of Object.keys(deps ?? {})) walk(d);
    };
    Object.keys(pkg.dependencies).forEach(walk);
    const devShipped = Object.keys(pkg.devDependencies).filter(
      (d) => !runtime.has(d) && files.includes(`/node_modules/${d}/package.json`),
    );
    expect(devShipped).toEqual([]);
    for (const big of ['electron', 'electron-builder', 'typescript', 'vite', 'vitest', '@playwright/test', 'esbuild']) {
      expect(files).not.toContain(`/node_modules/${big}/package.json`);
    }
  });

  it('the fuses are flipped in the packaged binary: no RunAsNode, no NODE_OPTIONS, asar only', async () => {
    const wire = await fuses.getCurrentFuseWire(binary);
    const o = fuses.FuseV1Options;
    expect(wire[o.RunAsNode!]).toBe(OFF);
    expect(wire[o.EnableNodeOptionsEnvironmentVariable!]).toBe(OFF);
    expect(wire[o.EnableNodeCliInspectArguments!]).toBe(OFF);
    expect(wire[o.OnlyLoadAppFromAsar!]).toBe(ON);
    expect(wire[o.EnableCookieEncryption!]).toBe(ON);
    expect(wire[o.EnableEmbeddedAsarIntegrityValidation!]).toBe(ON);
    expect(wire[o.GrantFileProtocolExtraPrivileges!]).toBe(OFF);
  });
});
