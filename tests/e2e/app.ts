// Starts Scholia's browser mode exactly as a user does (`scholia serve`) on a
// fresh library, and checks screens with axe.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const SAMPLES = {
  moscowTimes: path.join(FIXTURES, 'moscow-times-blinken-iranian-drones.txt'),
  rferl: path.join(FIXTURES, 'rferl-blinken-iranian-drones.txt'),
};

export interface RunningApp {
  url: string;
  origin: string;
  libraryDir: string;
  stop(): Promise<void>;
  restart(): Promise<RunningApp>;
}

export async function startApp(libraryDir = mkdtempSync(path.join(os.tmpdir(), 'scholia-e2e-'))): Promise<RunningApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'scholia.cjs'), '--library', libraryDir, 'serve', '--port', '0', '--no-open', '--json'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (process.env.SCHOLIA_E2E_DEBUG) process.stderr.write(d);
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`scholia serve exited (${code}): ${stderr}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    origin: new URL(url).origin,
    libraryDir,
    stop,
    async restart() {
      await stop();
      return startApp(libraryDir);
    },
  };
}

export function removeLibrary(app: RunningApp): void {
  rmSync(app.libraryDir, { recursive: true, force: true });
}

/** No serious or critical accessibility violations on the current screen. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ROOT, 'test-results', `${name}.png`) });
}

/** Imports the two sample outlets through the file picker and closes the import report. */
export async function importBothSamples(page: Page): Promise<void> {
  await page.getByTestId('import-input').setInputFiles([SAMPLES.moscowTimes, SAMPLES.rferl]);
  await expect(page.getByTestId('import-counts')).toHaveText('2 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
}

/** Gives every test of the calling spec file a fresh app, open in its page, with both samples imported. */
export function useAppWithBothSamples(): void {
  let app: RunningApp | undefined;
  test.beforeEach(async ({ page }) => {
    app = await startApp();
    await page.goto(app.url);
    await importBothSamples(page);
  });
  test.afterEach(async () => {
    if (!app) return;
    await app.stop();
    removeLibrary(app);
  });
}

/**
 * Gives every test of the calling spec file a fresh app on a fresh library (not opened in the page:
 * the test goes to `app().url` itself), stopped and removed after the test.
 */
export function useFreshApp(
  opts: { timeout?: number; viewport?: { width: number; height: number } } = {},
): () => RunningApp {
  let app: RunningApp | undefined;
  test.beforeEach(async ({ page }) => {
    if (opts.timeout) test.setTimeout(opts.timeout);
    app = await startApp();
    if (opts.viewport) await page.setViewportSize(opts.viewport);
  });
  test.afterEach(async () => {
    if (!app) return;
    await app.stop();
    removeLibrary(app);
    app = undefined;
  });
  return () => {
    if (!app) throw new Error('useFreshApp: no app outside a test');
    return app;
  };
}

/** A screenshot kept in test-results and, as the README shows it, in docs/screenshots. */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  const file = path.join(ROOT, 'test-results', `${name}.png`);
  await page.screenshot({ path: file });
  mkdirSync(path.join(ROOT, 'docs', 'screenshots'), { recursive: true });
  copyFileSync(file, path.join(ROOT, 'docs', 'screenshots', `${name}.png`));
}
