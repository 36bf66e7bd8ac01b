// The library as a daily tool (issue 12 items 6, 10, 12, 13): toasts that say
// what happened in the right voice, filters that fail loudly, tags typed once
// and offered everywhere, sort / read / select / undo, saved searches, and a
// layout that fits 800 px and remembers its panes.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, SAMPLES, screenshot, useAppWithBothSamples } from './app.js';

const MT = /Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken/;
const RFERL = /Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'/;
const QUOTE = 'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity';

useAppWithBothSamples();

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const sidebar = (page: Page) => page.getByRole('region', { name: 'Tags' });

async function addArticleTag(page: Page, tag: string) {
  const chips = page.getByRole('group', { name: 'Article tags' });
  await chips.getByRole('button', { name: '+ tag' }).click();
  const box = chips.getByRole('combobox');
  await expect(box).toBeFocused();
  await box.fill(tag);
  await box.press('Enter');
  await expect(chips).toContainText(tag);
}

async function selectInReader(page: Page, phrase: string): Promise<void> {
  await page.evaluate((text) => {
    const root = document.querySelector('.reader-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(text);
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + text.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }
    throw new Error(`phrase not in reader: ${text}`);
  }, phrase);
}

test('Escape in search leaves nothing over the page; invalid filters say why and show no stale results', async ({
  page,
}) => {
  const box = page.getByRole('combobox', { name: 'Search articles, passages and notes' });
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await box.fill('appalling drones');
  await expect(options).toHaveCount(2);
  await box.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Search results' })).toHaveCount(0);
  await box.press('Escape'); // clears the field
  await expect(box).toHaveValue('');
  // The very next click reaches the library (before: an invisible layer ate it).
  await library(page).getByRole('button', { name: RFERL }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(RFERL);

  // An impossible date is refused, and the previous results do not stay on screen.
  await box.fill('blinken');
  await expect(options).toHaveCount(2);
  await box.fill('blinken before:2022-13-45');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results).toContainText(/2022-13-45/);
  await expect(options).toHaveCount(0);
  await box.press('Escape');

  // A tag filter that cannot be read empties the list and says why.
  await library(page).getByRole('button', { name: MT }).click();
  await addArticleTag(page, 'ukraine');
  const expr = sidebar(page).getByRole('searchbox', { name: /Filter by tags/ });
  await expr.fill('ukraine');
  await expr.press('Enter');
  await expect(library(page).getByRole('button', { name: MT })).toBeVisible();
  await expr.fill('ukraine AND (');
  await expr.press('Enter');
  await expect(library(page).getByRole('alert')).toContainText('(');
  await expect(library(page).getByRole('button', { name: MT })).toHaveCount(0);
  await expect(library(page)).toContainText('No articles match.');
  await expectAccessible(page, 'invalid tag filter');
});

test('a tag merge is announced as a success, not an error', async ({ page }) => {
  await library(page).getByRole('button', { name: MT }).click();
  await addArticleTag(page, 'drones');
  await library(page).getByRole('button', { name: RFERL }).click();
  // One letter from an existing tag: the field asks first, a second Enter makes it anyway.
  const chips = page.getByRole('group', { name: 'Article tags' });
  await chips.getByRole('button', { name: '+ tag' }).click();
  await chips.getByRole('combobox').fill('drone');
  await chips.getByRole('combobox').press('Enter');
  await expect(chips.getByRole('alert')).toContainText('“drones” exists');
  await chips.getByRole('combobox').press('Enter');
  await expect(chips).toContainText('drone');
  await sidebar(page).getByRole('button', { name: 'Rename or merge tag drone', exact: true }).click();
  const rename = sidebar(page).getByRole('combobox', { name: /New name for drone/ });
  await rename.fill('drones');
  await rename.press('Enter');
  const status = page.locator('.toasts [role="status"]').filter({ hasText: 'Merged' });
  await expect(status).toContainText('Merged “drone” into “drones”');
  await expect(status.locator('.toast')).toHaveClass(/success/);
  await expect(page.locator('[role="alert"] .toast')).toHaveCount(0);
  await expect(sidebar(page).getByRole('button', { name: /^drones\s*2 articles$/ })).toBeVisible();
});

test('tags: the popover field takes focus and offers existing tags; a near miss asks first; counts say what they count; the filter lists passages', async ({
  page,
}) => {
  await library(page).getByRole('button', { name: MT }).click();
  await addArticleTag(page, 'ukraine/drones');
  await library(page).getByRole('button', { name: RFERL }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(RFERL);

  await selectInReader(page, QUOTE);
  await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Tag' }).click();
  const field = page.getByRole('combobox', { name: 'Tag for this passage' });
  await expect(field).toBeFocused();
  await page.keyboard.type('dro');
  const offered = page.getByRole('listbox', { name: 'Existing tags' });
  await expect(offered.getByRole('option')).toHaveText([/ukraine\/drones/]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue('ukraine/drones');
  await page.keyboard.press('Enter');
  await expect(page.locator('mark.hl', { hasText: 'kill Ukrainian civilians' })).toBeVisible();

  // A slip of one letter beside an existing tag is questioned before it becomes a new tag.
  const chips = page.getByRole('group', { name: 'Article tags' });
  await chips.getByRole('button', { name: '+ tag' }).click();
  await chips.getByRole('combobox').fill('ukraine/drone');
  await chips.getByRole('combobox').press('Enter');
  await expect(chips.getByRole('alert')).toContainText('“ukraine/drones” exists');
  await chips.getByRole('button', { name: 'Use ukraine/drones' }).click();
  await chips.getByRole('combobox').press('Enter');
  await expect(chips).toContainText('ukraine/drones');
  await expect(sidebar(page)).not.toContainText(/ukraine\/drone\b(?!s)/);

  // Counts by kind: two articles and one passage carry ukraine/drones.
  const node = sidebar(page).getByRole('button', { name: /^drones/ });
  await expect(node).toHaveAccessibleName('drones 2 articles, 1 passage');
  await node.click();
  const matches = page.getByRole('region', { name: 'Passages and notes with this tag' });
  await expect(matches).toContainText('1 passage');
  await expect(matches.getByRole('button')).toContainText('kill Ukrainian civilians');
  await expectAccessible(page, 'tag filter with passages');
  await screenshot(page, 'tag-filter-passages');
});

test('library: sort, read state, badges, select by keyboard, tag and delete with Undo, saved filter', async ({
  page,
}) => {
  const lib = library(page);
  const titles = () => lib.locator('.article-title').allTextContents();
  await lib.getByRole('combobox', { name: 'Sort the library by' }).selectOption('title');
  await expect.poll(async () => (await titles())[0]).toMatch(/^Blinken Calls/);
  await lib.getByRole('combobox', { name: 'Sort the library by' }).selectOption('added');

  // Read state.
  await lib.getByRole('listitem').filter({ hasText: MT }).getByRole('button', { name: 'Mark read' }).click();
  await lib.getByRole('combobox', { name: 'Show articles' }).selectOption('unread');
  await expect(lib.getByRole('button', { name: MT })).toHaveCount(0);
  await expect(lib.getByRole('button', { name: RFERL })).toBeVisible();
  await lib.getByRole('combobox', { name: 'Show articles' }).selectOption('all');

  // A highlight shows as a badge on its article's row.
  await lib.getByRole('button', { name: RFERL }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(RFERL);
  // The reader closes a popover once the article is shown (its effect may land just after the heading).
  await expect(async () => {
    await selectInReader(page, QUOTE);
    await page.getByRole('button', { name: 'Highlight yellow' }).click({ timeout: 1000 });
  }).toPass();
  await expect(lib.getByRole('button', { name: RFERL })).toContainText('1 highlight');

  // Select mode by keyboard: Space toggles rows, arrows move.
  await lib.getByRole('button', { name: 'Select', exact: true }).click();
  await lib.getByRole('button', { name: RFERL }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(lib.getByRole('group', { name: 'Selected articles' })).toContainText('2 selected');
  await expectAccessible(page, 'library select mode');
  await screenshot(page, 'library-select');
  const bulk = lib.getByRole('combobox', { name: 'Tag to add to the selected articles' });
  await bulk.fill('blinken');
  await bulk.press('Enter');
  await expect(page.locator('.toasts [role="status"]')).toContainText('Tagged 2 articles blinken');

  // Delete all three (with the welcome article), then Undo brings them back.
  await lib.getByRole('button', { name: 'Select', exact: true }).click();
  await lib.getByRole('button', { name: 'Select all' }).click();
  await lib.getByRole('button', { name: 'Delete…' }).click();
  await lib.getByRole('button', { name: 'Move 3 articles to trash' }).click();
  await expect(lib.getByRole('button', { name: MT })).toHaveCount(0);
  await page.locator('.toasts [role="status"]').getByRole('button', { name: 'Undo' }).click();
  await expect(lib.getByRole('button', { name: MT })).toBeVisible();
  await expect(lib.getByRole('button', { name: RFERL })).toBeVisible();

  // A saved tag filter lives in the sidebar, across a reload.
  const expr = sidebar(page).getByRole('searchbox', { name: /Filter by tags/ });
  await expr.fill('blinken');
  await expr.press('Enter');
  await lib.getByRole('button', { name: 'Save', exact: true }).click();
  await lib.getByRole('button', { name: 'Clear' }).click();
  await page.reload();
  const saved = page.getByRole('region', { name: 'Saved searches' });
  await saved.getByRole('button', { name: 'Tag filter: blinken' }).click();
  await expect(lib.locator('.tag-filter-bar')).toContainText('blinken');
});

test('layout: fits 800×700 without sideways scroll, panes resize and hide, remembered after a reload', async ({
  page,
}) => {
  for (const size of [
    { width: 800, height: 700 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fits, `no sideways scroll at ${size.width}`).toBe(true);
    for (const name of ['Import…', 'Paste', 'Select', 'Export…', 'Trash & backups', 'New note']) {
      await expect(page.getByRole('button', { name, exact: true }).first()).toBeInViewport({ ratio: 1 });
    }
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    // Nothing inside the library pane is wider than the pane (it would be clipped).
    const clipped = await page.evaluate(() => {
      const pane = document.getElementById('pane-library')!;
      return pane.scrollWidth - pane.clientWidth;
    });
    expect(clipped, `library pane content fits at ${size.width}`).toBeLessThanOrEqual(0);
    for (const name of ['Filter the library by title or source', 'Sort the library by', 'Show articles']) {
      await expect(page.getByLabel(name, { exact: true })).toBeInViewport({ ratio: 1 });
    }
    await expectAccessible(page, `main screen at ${size.width}`);
    await screenshot(page, `main-${size.width}`);
  }
  // The comparison at 1024: the library steps aside so both columns are readable; it comes back after.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  const compare = page.locator('.compare-pane');
  await expect(compare).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  expect((await compare.boundingBox())!.width).toBeGreaterThan(600);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page, 'comparison at 1024');
  await screenshot(page, 'compare-1024');
  await page.getByRole('button', { name: 'Show library' }).click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  const lib = page.locator('#pane-library');
  const before = (await lib.boundingBox())!.width;
  const divider = page.getByRole('separator', { name: 'Resize library' });
  await divider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await lib.boundingBox())!.width).toBe(before + 64);
  await page.getByRole('button', { name: 'Hide notes' }).click();
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeHidden();
  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeHidden();
  await expect.poll(async () => (await lib.boundingBox())!.width).toBe(before + 64);
  await page.getByRole('button', { name: 'Show notes' }).click();
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeVisible();
});

test('restoring a backup asks first', async ({ page }) => {
  await page.getByRole('button', { name: 'Trash & backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Trash and backups' });
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await dialog.getByRole('button', { name: 'Restore…' }).first().click();
  const confirm = dialog.getByRole('group', { name: 'Confirm restore' });
  await expect(confirm).toContainText('Replace your current library');
  await expect(confirm.getByRole('button', { name: 'Restore this backup' })).toBeFocused();
  await expectAccessible(page, 'restore confirmation');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Restore…' }).first().click();
  await confirm.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.locator('.toasts [role="status"]')).toContainText('Backup restored.');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: the changed screens are accessible at 1440×900 and 1024×700`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    const lib = library(page);
    await lib.getByRole('button', { name: MT }).click();
    await addArticleTag(page, 'ukraine/drones');
    await lib.getByRole('button', { name: RFERL }).click();
    await addArticleTag(page, 'ukraine');
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 700 },
    ]) {
      await page.setViewportSize(size);
      const at = `${colorScheme}-${size.width}`;
      await lib.getByRole('button', { name: 'Select', exact: true }).click();
      await lib.getByRole('checkbox').first().check();
      await lib.getByRole('button', { name: 'Delete…' }).click();
      await expectAccessible(page, `select mode ${at}`);
      await screenshot(page, `library-select-${at}`);
      await lib.getByRole('button', { name: 'Select', exact: true }).click();

      await sidebar(page)
        .getByRole('button', { name: /^ukraine\s*2 articles$/ })
        .click();
      await lib.getByRole('button', { name: 'Save', exact: true }).click();
      await expectAccessible(page, `tag filter ${at}`);
      await screenshot(page, `library-filter-${at}`);
      await lib.getByRole('button', { name: 'Clear' }).click();

      const box = page.getByRole('combobox', { name: 'Search articles, passages and notes' });
      await box.fill('appalling');
      await expect(page.getByRole('button', { name: /All results for/ })).toBeVisible();
      await expectAccessible(page, `search dropdown ${at}`);
      await box.press('Control+Enter');
      await expect(page.getByRole('main', { name: 'Search results' })).toContainText('2 results');
      await expectAccessible(page, `search results view ${at}`);
      await screenshot(page, `search-view-${at}`);
      await page.getByRole('button', { name: 'Back to reader' }).click();
      await page.getByRole('button', { name: 'Hide notes' }).click();
      await expectAccessible(page, `notes hidden ${at}`);
      await screenshot(page, `notes-hidden-${at}`);
      await page.getByRole('button', { name: 'Show notes' }).click();
    }
  });
}

test('Import folder… imports the articles in a folder and skips what Scholia cannot read', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-folder-'));
  copyFileSync(SAMPLES.rferl, path.join(dir, 'again.txt'));
  writeFileSync(path.join(dir, 'notes.md'), '# Field notes\n\nDrones over Kyiv, seen from the fourth floor.\n');
  writeFileSync(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await library(page).getByRole('button', { name: 'Import…' }).click();
  const menu = library(page).getByRole('group', { name: 'Import' });
  await expect(menu.getByRole('button', { name: 'Files…' })).toBeFocused();
  await expect(menu.getByRole('button', { name: 'Import folder…' })).toBeVisible();
  await page.getByTestId('import-folder-input').setInputFiles(dir);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 1 duplicate · 0 failed');
});
