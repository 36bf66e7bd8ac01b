// The extension as the stores would receive it: built from clipper/ by the
// same script as `npm run build`, the Firefox package checked by Mozilla's own
// linter (web-ext lint, the checks addons.mozilla.org runs on upload), and both
// manifests asking for no more than the clipper needs.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
let out: string;

interface Manifest {
  manifest_version: number;
  permissions: string[];
  host_permissions: string[];
  background: { service_worker?: string; scripts?: string[] };
  commands: Record<string, unknown>;
  action: { default_popup: string };
  browser_specific_settings?: { gecko: { id: string } };
  optional_host_permissions?: string[];
  content_security_policy: { extension_pages: string };
}
const manifest = (browser: string): Manifest =>
  JSON.parse(readFileSync(path.join(out, browser, 'manifest.json'), 'utf8')) as Manifest;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'scholia-clipper-build-'));
  await run(process.execPath, [path.join(ROOT, 'scripts', 'build-clipper.mjs')], {
    cwd: ROOT,
    env: { ...process.env, SCHOLIA_CLIPPER_OUT: out },
  });
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the Scholia Clipper package', () => {
  it('passes web-ext lint for Firefox with no error, warning or notice', async () => {
    const bin = path.join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
    const { stdout } = await run(
      process.execPath,
      [bin, 'lint', '--source-dir', path.join(out, 'firefox'), '--output', 'json', '--no-input'],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      summary: { errors: number; warnings: number; notices: number };
      metadata: { id: string; manifestVersion: number };
      errors: unknown[];
      warnings: unknown[];
    };
    expect([...report.errors, ...report.warnings]).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
    expect(report.metadata).toMatchObject({ id: 'clipper@scholia.app', manifestVersion: 3 });
  }, 60_000);

  it('builds Chromium and Firefox from one source: same scripts, popup and permissions', () => {
    const chromium = manifest('chromium');
    const firefox = manifest('firefox');
    expect(chromium.manifest_version).toBe(3);
    expect(chromium.background).toEqual({ service_worker: 'background.js' });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    for (const f of ['background.js', 'popup.js', 'popup.html', 'popup.css', 'icon-16.png', 'icon-128.png']) {
      expect(readFileSync(path.join(out, 'chromium', f))).toEqual(readFileSync(path.join(out, 'firefox', f)));
    }
    expect(firefox.permissions).toEqual(chromium.permissions);
    expect(Object.keys(chromium.commands).sort()).toEqual(['_execute_action', 'clip-page']);
  });

  it('asks for the app on loopback only, and reads a page only when the user clips it', () => {
    for (const browser of ['chromium', 'firefox']) {
      const m = manifest(browser);
      expect(m.host_permissions).toEqual(['http://127.0.0.1/*']);
      expect(m.permissions).toContain('activeTab');
      expect(m.permissions).not.toContain('tabs');
      expect(m.permissions).not.toContain('<all_urls>');
      expect(JSON.stringify(m)).not.toMatch(/content_scripts/);
    }
    // Chromium reads a PDF inside its tab: no site beyond loopback, and it may connect to nothing else.
    const chromium = manifest('chromium');
    expect(JSON.stringify(chromium)).not.toMatch(/https?:\/\/\*\//);
    expect(chromium.content_security_policy.extension_pages).toMatch(/connect-src http:\/\/127\.0\.0\.1:\*$/);
    // Firefox's PDF viewer takes no scripts: a site is asked for only when a PDF from it is saved.
    const firefox = manifest('firefox');
    expect(firefox.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('ships no source maps or tests', () => {
    for (const browser of ['chromium', 'firefox']) {
      expect(existsSync(path.join(out, browser, 'background.js.map'))).toBe(false);
    }
  });
});
