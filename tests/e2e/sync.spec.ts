// Preferences → Sync in browser mode: a folder target set and synced from the keyboard, the status shown,
// accessible in light and dark; a second library set to the same folder receives the article.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, removeLibrary, ROOT, SAMPLES, startApp, type RunningApp } from './app.js';

let app: RunningApp;
let userData: string;
let target: string;
test.beforeEach(async () => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'scholia-user-data-'));
  process.env.SCHOLIA_USER_DATA = userData;
  target = mkdtempSync(path.join(os.tmpdir(), 'scholia-e2e-sync-'));
  app = await startApp();
});
test.afterEach(async () => {
  await app.stop();
  removeLibrary(app);
  delete process.env.SCHOLIA_USER_DATA;
  rmSync(userData, { recursive: true, force: true });
  rmSync(target, { recursive: true, force: true });
});

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('Preferences → Sync: set a folder, Sync now from the keyboard, status shown; another library receives it', async ({
  page,
}) => {
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles([SAMPLES.rferl]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.keyboard.press(`${mod}+,`);
  const prefs = page.getByRole('dialog', { name: 'Preferences' });
  const sync = prefs.getByRole('region', { name: 'Sync' });
  await expect(sync.getByText('Last sync')).toBeVisible();
  await expect(sync).toContainText('kept in memory until Scholia closes');
  await expect(sync.getByRole('button', { name: 'Sync now' })).toBeDisabled();

  // A WebDAV URL asks for the user name and password; a folder does not.
  const field = sync.getByLabel('Folder or WebDAV URL');
  await field.fill('https://cloud.example.org/remote.php/dav/files/me/scholia');
  await expect(sync.getByLabel('Password')).toBeVisible();
  await field.fill(target);
  await expect(sync.getByLabel('Password')).toHaveCount(0);

  // Keyboard only: Tab to the save button, Enter; then Sync now.
  await field.focus();
  await page.keyboard.press('Tab'); // passphrase
  await page.keyboard.press('Tab'); // Save
  await expect(sync.getByRole('button', { name: 'Save sync settings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(prefs.getByRole('status')).toHaveText('Saved: sync target.');
  await page.keyboard.press('Tab');
  await expect(sync.getByRole('button', { name: 'Sync now' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(prefs.getByRole('status')).toContainText(/^Synced: \d+ changes sent, 0 received\.$/);
  await expect(sync.getByRole('definition').first()).toContainText('done');
  await expect(sync.getByRole('definition').nth(1)).toHaveText('0');
  expect(readdirSync(path.join(target, 'devices'))).toHaveLength(1);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `preferences → sync (${scheme})`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await sync.scrollIntoViewIfNeeded();
    await sync.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', `sync-settings-${scheme}.png`) });
  }

  // A second library (another device) pointed at the same folder gets the article.
  const other = await startApp();
  try {
    const page2 = await page.context().newPage();
    await page2.goto(other.url);
    // As a user would: the shortcut once the library is on screen (before that, no page is there to hear it).
    await expect(
      page2.getByRole('navigation', { name: 'Library' }).getByRole('list', { name: 'Articles' }),
    ).toBeVisible();
    await page2.keyboard.press(`${mod}+,`);
    const prefs2 = page2.getByRole('dialog', { name: 'Preferences' });
    const sync2 = prefs2.getByRole('region', { name: 'Sync' });
    await sync2.getByLabel('Folder or WebDAV URL').fill(target);
    await sync2.getByRole('button', { name: 'Save sync settings' }).click();
    await sync2.getByRole('button', { name: 'Sync now' }).click();
    await expect(prefs2.getByRole('status')).toContainText(/received/);
    const titles = await page2.evaluate(async () => (await window.scholia.listArticles()).map((a) => a.title));
    expect(titles.some((t) => /Blinken/.test(t))).toBe(true);
  } finally {
    await other.stop();
    removeLibrary(other);
  }
});
