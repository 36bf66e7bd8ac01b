// A library of thousands of articles: the list keeps only the rows in view in
// the page, yet every article is reachable by scrolling, by keyboard and from
// search, and screen readers hear the list's true size.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openCore } from '../../electron/core/core.js';
import { articleRecord } from '../generated-article.js';
import { expectAccessible, removeLibrary, screenshot, startApp, type RunningApp } from './app.js';

const N = 3000;
const pad = (i: number) => String(i).padStart(4, '0');

async function buildLibrary(dir: string): Promise<void> {
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  const batch: ReturnType<typeof articleRecord>[] = [];
  for (let i = 0; i < N; i++) {
    // Article 2345 alone mentions a word search can find it by.
    const text = `Field report number ${i} on grain exports through the Black Sea.${i === 2345 ? ' Quokka sighting.' : ''}`;
    batch.push(
      articleRecord({
        id: `a_large${pad(i)}`,
        title: `Report ${pad(i)}`,
        source: 'Bench Wire',
        text,
        tags: i % 10 === 0 ? ['grain'] : [],
        at: new Date(Date.UTC(2022, 0, 1) + i * 60_000).toISOString(),
      }),
    );
  }
  await core.ctx.store.putArticles(batch);
  await core.close();
}

let app: RunningApp;
test.beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-e2e-large-'));
  await buildLibrary(dir);
  app = await startApp(dir);
});
test.afterAll(async () => {
  await app.stop();
  removeLibrary(app);
});

test('a library of thousands keeps only visible rows in the page, and every article stays reachable', async ({
  page,
}) => {
  await page.goto(app.url);
  const list = page.getByRole('list', { name: 'Articles' });
  await expect(page.locator('.library .pane-header .count')).toHaveText('3,000 articles');
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const inPage = await rows.count();
  expect(inPage).toBeGreaterThan(5);
  expect(inPage).toBeLessThan(80);
  // Screen readers hear the whole list's size and each row's place in it.
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(N));
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1');

  // Scrolling to the end brings the last articles in (and still only a window of rows).
  const titles = await list.getByRole('button').allTextContents();
  const last = titles[0]!.includes('Report 2999') ? 'Report 0000' : 'Report 2999';
  await page.locator('.article-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(list.getByRole('button', { name: new RegExp(last) })).toBeVisible();
  expect(await rows.count()).toBeLessThan(80);
  await expectAccessible(page, 'large library list');

  // Keyboard: arrow keys move through rows beyond the first screen, keeping focus on a visible row.
  await page.locator('.article-list').evaluate((el) => el.scrollTo(0, 0));
  const first = list.getByRole('button').first();
  const firstTitle = await first.locator('.article-title').textContent();
  await first.click();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-current', 'true');
  await expect(focused).toBeInViewport();
  const focusedTitle = (await focused.locator('.article-title').textContent())!;
  expect(focusedTitle).not.toBe(firstTitle);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(focusedTitle);

  const box = page.getByRole('combobox', { name: 'Search articles, passages and notes' });
  // Arrow keys through a long result list keep the active result in view.
  await box.fill('grain exports');
  // The search dropdown's options (the library's sort and read filters are selects with options of their own).
  const results = page.getByRole('listbox', { name: 'Search results' });
  const options = results.getByRole('option');
  await expect(options).toHaveCount(20);
  for (let i = 0; i < 15; i++) await box.press('ArrowDown');
  await expect(options.nth(15)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(15)).toBeInViewport();
  await box.press('Escape');

  // Search opens an article far down the list, and the list scrolls to show it selected.
  await box.fill('quokka');
  await results.getByRole('option').filter({ hasText: 'Report 2345' }).click();
  const selected = list.locator('[aria-current="true"]');
  await expect(selected).toContainText('Report 2345');
  await expect(selected).toBeInViewport();
  await screenshot(page, 'large-library');

  // The library filter narrows thousands of rows as you type.
  await page.getByRole('searchbox', { name: 'Filter the library by title or source' }).fill('Report 234');
  await expect(rows).toHaveCount(10); // Report 2340 … Report 2349
  await expect(list).toContainText('Report 2340');
  await expect(list).toContainText('Report 2349');
});
