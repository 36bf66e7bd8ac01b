// A damaged library is never overwritten: the app opens on a recovery screen
// that offers the newest good backup, and restoring brings the library back.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, removeLibrary, ROOT, SAMPLES, screenshot, startApp, type RunningApp } from './app.js';

let app: RunningApp;
test.afterEach(async () => {
  await app.stop();
  removeLibrary(app);
});

const cli = (lib: string, ...args: string[]) =>
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'scholia.cjs'), '--library', lib, ...args], {
    encoding: 'utf8',
  });

test('a corrupt library shows the recovery screen and restores the newest backup', async ({ page }) => {
  app = await startApp();
  await app.stop();
  cli(app.libraryDir, 'import', SAMPLES.rferl);
  cli(app.libraryDir, 'backup');
  const index = path.join(app.libraryDir, 'library.json');
  const good = readFileSync(index, 'utf8');
  const damaged = good.slice(0, Math.floor(good.length / 2)); // a torn write
  writeFileSync(index, damaged);

  app = await app.restart();
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Scholia cannot open your library' })).toBeVisible();
  await expect(page.getByRole('alert').first()).not.toBeEmpty();
  await expectAccessible(page, 'recovery screen');
  await screenshot(page, 'recovery-screen');
  // Nothing was touched while showing the screen.
  expect(readFileSync(index, 'utf8')).toBe(damaged);

  await page.getByRole('button', { name: /Restore the newest backup/ }).click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('Blinken Calls');
  // The damaged state was kept aside, not deleted.
  const kept = readdirSync(app.libraryDir, { recursive: true }).map(String);
  const keptCopies = kept.filter((f) => path.basename(f).startsWith('library.json') && f !== 'library.json');
  expect(keptCopies.some((f) => readFileSync(path.join(app.libraryDir, f), 'utf8') === damaged)).toBe(true);
});
