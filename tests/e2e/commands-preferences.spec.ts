// The command palette and Preferences in browser mode (the same renderer as the desktop app):
// keyboard only, accessible in light and dark, and switching libraries without a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, removeLibrary, ROOT, SAMPLES, startApp, type RunningApp } from './app.js';

let app: RunningApp;
let userData: string;
test.beforeEach(async () => {
  // Preferences are written to a user-data folder of the test's own, never the real one.
  userData = mkdtempSync(path.join(os.tmpdir(), 'scholia-user-data-'));
  process.env.SCHOLIA_USER_DATA = userData;
  app = await startApp();
});
test.afterEach(async () => {
  await app.stop();
  removeLibrary(app);
  delete process.env.SCHOLIA_USER_DATA;
  rmSync(userData, { recursive: true, force: true });
});

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

async function shot(page: Page, name: string, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.screenshot({ path: path.join(ROOT, 'test-results', `${name}-${size.width}x${size.height}.png`) });
}

test('command palette: every command with its shortcut, filtered and run from the keyboard', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Scholia' })).toBeVisible();

  await page.keyboard.press(`${mod}+Shift+P`);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  const input = palette.getByRole('combobox', { name: 'Type a command' });
  await expect(input).toBeFocused();
  const options = palette.getByRole('option');
  // Browser mode lists every command except the desktop's own (Show log, Show library folder).
  await expect(options).toHaveCount(18);
  await expect(palette.getByRole('option', { name: /Search library/ })).toContainText(
    process.platform === 'darwin' ? '⌘K' : 'Ctrl+K',
  );
  await expect(palette.getByRole('option', { name: /Show log/ })).toHaveCount(0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `command palette (${scheme})`);
    await shot(page, `palette-${scheme}`, { width: 1440, height: 900 });
    await shot(page, `palette-${scheme}`, { width: 1024, height: 700 });
  }

  // Filter, move with the arrows, run with Enter: a new note opens in the editor.
  await input.fill('new');
  await expect(options).toHaveText([/New note/, /New library/]);
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Note text (Markdown)' })).toBeVisible();

  // Escape closes it and gives focus back; nothing matching says so.
  await page.keyboard.press(`${mod}+Shift+P`);
  await input.fill('zzz');
  await expect(palette.getByRole('option')).toHaveText([/No command matches/]);
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  // A shortcut from the same table works outside the palette.
  await page.keyboard.press(`${mod}+K`);
  await expect(page.getByRole('combobox', { name: 'Search articles, passages and notes' })).toBeFocused();
});

test('Preferences: theme, reader font size and backups persist; switching library without restart', async ({
  page,
}) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles([SAMPLES.rferl]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.keyboard.press(`${mod}+,`);
  const prefs = page.getByRole('dialog', { name: 'Preferences' });
  await expect(prefs).toBeVisible();
  await expect(prefs).toContainText(app.libraryDir);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `preferences (${scheme})`);
    await shot(page, `preferences-${scheme}`, { width: 1440, height: 900 });
    await shot(page, `preferences-${scheme}`, { width: 1024, height: 700 });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await prefs.getByRole('radio', { name: 'Dark' }).check();
  await expect(prefs.getByRole('status')).toHaveText('Saved: theme.');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await prefs.getByLabel('Reader text size').fill('22');
  await prefs.getByLabel('Reader text size').press('Tab');
  await expect(prefs.getByRole('status')).toHaveText('Saved: reader text size.');
  await prefs.getByLabel('Automatic backup').selectOption({ label: 'Every day' });
  await expect(prefs.getByRole('status')).toHaveText('Saved: automatic backup.');
  await prefs.getByLabel('Backups to keep').fill('10');
  await prefs.getByLabel('Backups to keep').press('Tab');
  await expect(prefs.getByRole('status')).toHaveText('Saved: backups to keep.');
  await prefs.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.reader-article')).toHaveCSS('font-size', '22px');

  // Everything is still so after a reload (and dark wins over the light system theme).
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(23, 24, 27)');
  expect(await page.evaluate(() => window.scholia.getPreferences())).toMatchObject({
    theme: 'dark',
    readerFontSize: 22,
    backupIntervalHours: 24,
    backupKeep: 10,
  });

  // A new library in a folder typed by hand: the page shows it at once, the server keeps running.
  const second = path.join(userData, 'second library');
  await page.keyboard.press(`${mod}+,`);
  await prefs.getByLabel('Library folder').fill(second);
  await prefs.getByRole('button', { name: 'New library', exact: true }).click();
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: /Welcome to Scholia/ })).toBeVisible();
  await expect(library).not.toContainText('Blinken Calls');
  expect(await page.evaluate(() => window.scholia.getInfo().then((i) => i.libraryDir))).toBe(second);

  // A folder that is not a library is refused with what to do instead.
  await page.keyboard.press(`${mod}+,`);
  await prefs.getByLabel('Library folder').fill(userData);
  await prefs.getByRole('button', { name: 'Open library', exact: true }).click();
  await expect(prefs.getByRole('status')).toContainText('is not a Scholia library');

  // Back to the first one from the recent list.
  await prefs.getByRole('button', { name: app.libraryDir }).click();
  await expect(library).toContainText('Blinken Calls');
});

test('Find in article (Ctrl/Cmd+F): counts matches, moves with Enter, Escape closes', async ({ page }) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles([SAMPLES.rferl]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Blinken');

  await page.keyboard.press(`${mod}+F`);
  const find = page.getByRole('search', { name: 'Find in article' });
  const box = find.getByRole('searchbox', { name: 'Find in article' });
  await expect(box).toBeFocused();
  await box.fill('drones');
  const count = find.getByRole('status');
  // Find searches the article's text (its paragraphs), not the title above it.
  const total = await page
    .locator('.reader-article [data-start]')
    .evaluateAll((els) =>
      els.map((el) => el.textContent!.toLowerCase().split('drones').length - 1).reduce((a, b) => a + b, 0),
    );
  expect(total).toBeGreaterThan(2);
  await expect(count).toHaveText(`1 of ${total}`);
  await box.press('Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await box.press('Shift+Enter');
  await box.press('Shift+Enter');
  await expect(count).toHaveText(`${total} of ${total}`);
  await box.fill('no such words here');
  await expect(count).toHaveText('No matches');
  await expectAccessible(page, 'find in article');
  await box.press('Escape');
  await expect(find).toBeHidden();
});
