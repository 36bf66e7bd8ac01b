// The library list by keyboard on a library of ~210 articles: the list is one
// Tab stop (roving tabindex), and fast ArrowDowns on a slow page keep the focus
// on the selected row (issue 12 items 4 and 5).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openCore } from '../../electron/core/core.js';
import { articleRecord } from '../generated-article.js';
import { expectAccessible, removeLibrary, screenshot, startApp, type RunningApp } from './app.js';

const N = 210;
const pad = (i: number) => String(i).padStart(3, '0');

let app: RunningApp;
test.beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-e2e-kbd-'));
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  await core.ctx.store.putArticles(
    Array.from({ length: N }, (_, i) =>
      articleRecord({
        id: `a_kbd${pad(i)}`,
        title: `Dispatch ${pad(i)}`,
        source: i % 2 ? 'Kyiv Independent' : 'Meduza',
        text: `Dispatch ${i} on the grain corridor.`,
        tags: i % 7 === 0 ? ['grain'] : [],
        // A day apart: search sorts by day.
        at: new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString(),
      }),
    ),
  );
  await core.close();
  app = await startApp(dir);
});
test.afterAll(async () => {
  await app.stop();
  removeLibrary(app);
});

test('the article list is one Tab stop, entered on the selected row', async ({ page }) => {
  await page.goto(app.url);
  const list = page.getByRole('list', { name: 'Articles' });
  await expect(list.locator('[aria-current="true"]')).toContainText('Dispatch 209');
  // One row takes Tab (its title button and its read toggle); the other rows take none.
  const tabbableRows = list.getByRole('listitem').filter({ has: page.locator('[tabindex="0"]') });
  await expect(tabbableRows).toHaveCount(1);
  await list.getByRole('button', { name: /Dispatch 205/ }).click();
  // The last control above the list.
  await page.getByRole('combobox', { name: 'Show articles' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toContainText('Dispatch 205');
  // Then the row's read toggle, and one more Tab leaves the list (before: the next of ~210 rows).
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAccessibleName('Mark read');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).not.toHaveClass(/article-item|read-toggle/);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator(':focus')).toContainText('Dispatch 205');
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toContainText('Dispatch 000');
  await page.keyboard.press('Home');
  await expect(page.locator(':focus')).toContainText('Dispatch 209');
  await expect(tabbableRows).toHaveCount(1);
});

test('40 fast ArrowDowns on a CPU-throttled page keep the focus on the selected row', async ({ page }) => {
  await page.goto(app.url);
  const list = page.getByRole('list', { name: 'Articles' });
  await list.getByRole('button', { name: /Dispatch 209/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dispatch 209');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  // Key repeat: presses come without waiting for the page to paint between them.
  for (let i = 0; i < 40; i++) await page.keyboard.down('ArrowDown');
  await page.keyboard.up('ArrowDown');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-current', 'true');
  await expect(focused).toContainText('Dispatch 169');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dispatch 169');
  await expect(focused).toBeInViewport();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

test('all results of a search: count, 50 more at a time, sorted by date, by keyboard', async ({ page }) => {
  await page.goto(app.url);
  const box = page.getByRole('combobox', { name: 'Search articles, passages and notes' });
  await box.fill('grain corridor');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(20);
  await box.press('Control+Enter');
  const view = page.getByRole('main', { name: 'Search results' });
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('210 results for “grain corridor”');
  await expect(view.getByRole('heading', { level: 2 })).toBeFocused();
  const results = view.getByRole('list').getByRole('button');
  await expect(results).toHaveCount(50);
  await view.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(results).toHaveCount(100);
  await expect(results.nth(50)).toBeFocused();
  await view.getByRole('combobox').selectOption('date');
  await expect(results.first()).toContainText('Dispatch 209');
  await expect(results).toHaveCount(50);
  await results.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  await expect(results.nth(1)).toContainText('Dispatch 208');
  await expectAccessible(page, 'search results view');
  await screenshot(page, 'search-results-view');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dispatch 208');
});
