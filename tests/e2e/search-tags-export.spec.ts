// Search as you type, tags (add, filter, rename), and export from the UI.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot, useAppWithBothSamples } from './app.js';

const MT = /Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken/;
const RFERL = /Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'/;

useAppWithBothSamples();

async function addTag(page: Page, group: string, tag: string) {
  const chips = page.getByRole('group', { name: group });
  await chips.getByRole('button', { name: '+ tag' }).click();
  await chips.getByRole('combobox').fill(tag);
  await chips.getByRole('combobox').press('Enter');
  // Tags are normalised (lower case, clean path).
  await expect(chips).toContainText(tag.toLowerCase());
}

test('search finds articles as you type, with highlighted snippets, and opens the result', async ({ page }) => {
  const box = page.getByRole('combobox', { name: 'Search articles, passages and notes' });
  await box.fill('appalling drones');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option')).toHaveCount(2);
  await expect(results.locator('mark').first()).toBeVisible();
  await expectAccessible(page, 'search results');
  await screenshot(page, 'search-results');

  // A phrase that only one outlet has ("Blinken said on October 27 during a visit to Ottawa").
  await box.fill('"October 27 during a visit"');
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option')).toContainText(RFERL);
  await box.press('Enter');
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(RFERL);

  // A word that matches nothing says so.
  await box.fill('zzzyqx');
  await expect(results).toContainText('No matches');
});

test('tags: add to articles, count in the sidebar, filter the library, rename with sub-tags following', async ({
  page,
}) => {
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: MT }).click();
  await addTag(page, 'Article tags', 'Ukraine/Drones');
  await library.getByRole('button', { name: RFERL }).click();
  await addTag(page, 'Article tags', 'ukraine');

  const sidebar = page.getByRole('region', { name: 'Tags' });
  await expect(sidebar.getByRole('button', { name: /^ukraine\s*2 articles$/ })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^drones\s*1 article$/ })).toBeVisible();
  await expectAccessible(page, 'tags sidebar');

  // A colour for a tag, kept in the library.
  await sidebar.getByLabel('Colour for tag ukraine/drones').fill('#cc3366');
  await expect(sidebar.locator('.tag-dot').nth(1)).toHaveCSS('background-color', 'rgb(204, 51, 102)');

  await sidebar.getByRole('button', { name: /^drones\s*1 article$/ }).click();
  await expect(library.getByRole('button', { name: MT })).toBeVisible();
  await expect(library.getByRole('button', { name: RFERL })).toHaveCount(0);
  await sidebar.getByRole('button', { name: /^drones\s*1 article$/ }).click();
  await expect(library.getByRole('button', { name: RFERL })).toBeVisible();

  // NOT filter from the expression box.
  await sidebar.getByRole('searchbox', { name: /Filter by tags/ }).fill('ukraine AND NOT ukraine/drones');
  await sidebar.getByRole('searchbox', { name: /Filter by tags/ }).press('Enter');
  await expect(library.getByRole('button', { name: MT })).toHaveCount(0);
  await expect(library.getByRole('button', { name: RFERL })).toBeVisible();
  await library.getByRole('button', { name: 'Clear' }).click();

  // Rename the parent: the sub-tag follows.
  await sidebar.getByRole('button', { name: 'Rename or merge tag ukraine', exact: true }).click();
  const rename = sidebar.getByRole('combobox', { name: /New name for ukraine/ });
  await rename.fill('war/ukraine');
  await rename.press('Enter');
  await expect(sidebar.getByRole('button', { name: /^war\s*2 articles$/ })).toBeVisible();
  await library.getByRole('button', { name: MT }).click();
  await expect(page.getByRole('group', { name: 'Article tags' })).toContainText('war/ukraine/drones');
  await screenshot(page, 'tags');

  // Search filters by tag, sub-tags included.
  await page.getByRole('combobox', { name: /Search/ }).fill('tag:war/ukraine');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(2);
});

test('export: BibTeX of the whole library and a self-contained HTML of one note download', async ({ page }) => {
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await notes.getByRole('button', { name: 'All notes' }).click();
  await notes.getByRole('button', { name: 'New note' }).click();
  await notes.getByRole('textbox', { name: 'Note text (Markdown)' }).click();
  await page.keyboard.type('# Export me\n\nA synthesis across outlets.');
  await expect(notes.getByTestId('save-state')).toHaveText('Saved');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expectAccessible(page, 'export dialog');
  await dialog.getByRole('radio', { name: /BibTeX/ }).check();
  const [bib] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  const bibText = readFileSync((await bib.path())!, 'utf8');
  expect(bibText).toContain("Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken");
  expect(bibText).toContain('RFE/RL');

  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /^HTML/ }).check();
  await dialog.getByRole('radio', { name: /One note/ }).check();
  const [html] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  const htmlText = readFileSync((await html.path())!, 'utf8');
  expect(htmlText).toContain('Export me');
  expect(htmlText).toContain('A synthesis across outlets.');
  expect(htmlText).not.toMatch(/<script|src="https?:/);
});
