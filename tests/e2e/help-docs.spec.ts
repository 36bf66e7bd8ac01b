// Help → Documentation shows the user guide shipped with the app, in the app and offline
// (it once opened a made-up web address): from the command palette and from F1, with no
// request leaving the app.
import { expect, test } from '@playwright/test';
import { expectAccessible, removeLibrary, screenshot, startApp, type RunningApp } from './app.js';

let app: RunningApp;
test.beforeEach(async () => {
  app = await startApp();
});
test.afterEach(async () => {
  await app.stop();
  removeLibrary(app);
});

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('Documentation opens the user guide inside the app, with nothing loaded from elsewhere', async ({
  page,
  context,
}) => {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(app.origin)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const popups: string[] = [];
  page.on('popup', (p) => popups.push(p.url()));
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Scholia' })).toBeVisible();

  await page.keyboard.press(`${mod}+Shift+P`);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Type a command' }).fill('documentation');
  await page.keyboard.press('Enter');
  const guide = page.getByRole('dialog', { name: 'Documentation' });
  await expect(guide).toBeVisible();
  await expect(guide.getByRole('heading', { name: 'Scholia user guide' })).toBeVisible();
  for (const section of ['Import articles', 'Read and highlight', 'Notes', 'Export, trash and backups'])
    await expect(guide.getByRole('heading', { level: 2, name: section })).toBeVisible();
  // What it says is what the app does: the shortcuts it names are the palette's.
  await expect(guide).toContainText('Search library (Ctrl+K)');
  await expectAccessible(page, 'the user guide');
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(page, 'help-docs-1024');
  await guide.getByRole('button', { name: 'Close' }).click();
  await expect(guide).toBeHidden();

  if (process.platform !== 'darwin') {
    await page.keyboard.press('F1');
    await expect(guide).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(guide).toBeHidden();
  }
  expect(popups).toEqual([]);
  expect(outside).toEqual([]);
  expect(page.url().split('#')[0]).toBe(app.url.split('#')[0]);
});
