// Bringing a library over through the UI: a Pocket export and a Kindle clippings file
// picked together; the import report says what each brought; the Pocket links wait in
// "To fetch" (reached from the sidebar, by keyboard, axe-clean); the Kindle books are
// articles whose highlights show in the reader.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, expectAccessible, removeLibrary, startApp, type RunningApp } from './app.js';

const MIGRATE = path.join(ROOT, 'electron', 'core', 'interop', 'migrate', 'fixtures');

let app: RunningApp;
test.beforeEach(async () => {
  app = await startApp();
});
test.afterEach(async () => {
  await app.stop();
  removeLibrary(app);
});

test('a Pocket export and Kindle clippings: to-fetch list and highlights', async ({ page }) => {
  await page.goto(app.url);
  await page
    .getByTestId('import-input')
    .setInputFiles([path.join(MIGRATE, 'ril_export.html'), path.join(MIGRATE, 'My Clippings.txt')]);
  await expect(page.getByTestId('import-counts')).toHaveText('2 imported · 0 duplicate · 0 failed');
  const report = page.getByRole('list', { name: 'What the exports brought' });
  await expect(report).toContainText('Pocket: 5 to fetch');
  await expect(report).toContainText('Kindle: 2 article(s), 4 highlight(s) placed');
  // What could not be carried over is said per file.
  await expect(report).toContainText('"javascript:alert(1)" is not an http(s) link; skipped.');
  await expect(report).toContainText('1 bookmark(s) hold no text and were not imported.');
  await expectAccessible(page, 'import report of two exports');
  await page.getByRole('button', { name: 'Close' }).click();

  // The sidebar says how many pages wait; the list opens from the keyboard.
  const library = page.getByRole('navigation', { name: 'Library' });
  const open = library.getByRole('button', { name: /To fetch 5/ });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'To fetch' });
  await expect(dialog.getByTestId('to-fetch-counts')).toHaveText('5 pages waiting · 0 failed');
  const rows = dialog.getByRole('list', { name: 'Pages to fetch' }).getByRole('listitem');
  await expect(rows).toHaveCount(5);
  const drones = rows.filter({ hasText: 'Drones over the Black Sea' });
  await expect(drones).toContainText('example.org');
  await expect(drones).toContainText('ukraine');
  await expect(drones).toContainText('drones');
  await expect(drones).toContainText(/saved \w+ \d+, 2024|saved \d+ \w+ 2024/);
  await expect(rows.filter({ hasText: 'Attacks on the energy grid' })).toContainText('archived');
  await expectAccessible(page, 'the To fetch list');
  // `SCHOLIA_SCREENSHOTS=1` refreshes the README's picture of the list.
  if (process.env.SCHOLIA_SCREENSHOTS)
    await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'migrate-to-fetch.png') });
  // Removing one by keyboard: the list and the count follow.
  await dialog.getByRole('button', { name: 'Remove “The archive of everything” from the list' }).focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(4);
  await expect(dialog.getByTestId('to-fetch-counts')).toHaveText('4 pages waiting · 0 failed');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(library.getByRole('button', { name: /To fetch 4/ })).toBeVisible();

  // The Kindle books are articles; their highlights are marked in the reader.
  await library.getByRole('button', { name: 'The Art of War' }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('The Art of War');
  await expect(reader.locator('mark.hl')).toHaveText([
    'All warfare is based on deception.',
    'In the midst of chaos, there is also opportunity.',
  ]);
});
