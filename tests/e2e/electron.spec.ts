// The same flow in the real desktop shell. Runs where an Electron binary exists
// (a user's machine, the release runners); skips with the reason otherwise.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';
import { ROOT, SAMPLES } from './app.js';

function electronBinary(): { path?: string; reason?: string } {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return { reason: `the Electron binary was never downloaded (${pathFile} is missing)` };
    const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (!existsSync(bin)) return { reason: `the Electron binary ${bin} is missing` };
    return { path: bin };
  } catch (err) {
    return { reason: `the electron package is not installed (${(err as Error).message})` };
  }
}

const found = electronBinary();

test('desktop window: import a sample, read it, write a note, restart, all still there', async () => {
  if (!found.path) {
    console.log(`SKIPPED electron end-to-end test: ${found.reason}. It runs where Electron's binary is installed.`);
    test.skip(true, found.reason);
    return;
  }
  const libraryDir = mkdtempSync(path.join(os.tmpdir(), 'scholia-electron-'));
  const launch = () =>
    electron.launch({
      executablePath: found.path,
      args: [path.join(ROOT, 'dist', 'electron', 'main.cjs'), '--no-sandbox'],
      env: { ...process.env, SCHOLIA_LIBRARY: libraryDir },
    });
  try {
    let app = await launch();
    let page = await app.firstWindow();
    // The security checklist, observed from the page: no Node, only the contract.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(
      await page.evaluate(
        () => typeof (window as unknown as { scholia: { listArticles: unknown } }).scholia.listArticles,
      ),
    ).toBe('function');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Scholia' })).toBeVisible();
    await page.getByTestId('import-input').setInputFiles([SAMPLES.rferl]);
    await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
    const notes = page.getByRole('complementary', { name: 'Notes' });
    await notes.getByRole('button', { name: 'New note' }).click();
    await notes.getByRole('textbox', { name: 'Note text (Markdown)' }).click();
    await page.keyboard.type('# Desktop note');
    await expect(notes.getByTestId('save-state')).toHaveText('Saved');
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('Blinken Calls');
    await notes.getByRole('button', { name: 'All notes' }).click();
    await expect(page.getByRole('complementary', { name: 'Notes' })).toContainText('Desktop note');
    await app.close();
  } finally {
    rmSync(libraryDir, { recursive: true, force: true });
  }
});
