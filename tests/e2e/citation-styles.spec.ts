// Preferences → Citations, by keyboard: a journal's .csl file (Nature, from the CSL style repository)
// added to the library, chosen for "Copy as citation", used when a passage is copied (Nature cites by
// number), offered by the Export dialog and the Article details dialog, and removed again. A file that
// is not a style is refused with a message and nothing is added.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { QUOTE } from '../unit/cite/samples.js';
import { expectAccessible, useAppWithBothSamples } from './app.js';

const NATURE = path.resolve(import.meta.dirname, '../fixtures/csl/nature.csl');
const NOT_A_STYLE = path.resolve(import.meta.dirname, '../fixtures/rferl-blinken-iranian-drones.txt');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

useAppWithBothSamples();

async function openCitations(page: Page) {
  await page.keyboard.press(`${mod}+,`);
  const prefs = page.getByRole('dialog', { name: 'Preferences' });
  const section = prefs.getByRole('region', { name: 'Citations' });
  await expect(section.getByLabel('Copy as citation uses')).toBeEnabled();
  return { prefs, section };
}

test('a .csl style added in Preferences is used by Copy as citation and offered by the exports', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  let { prefs, section } = await openCitations(page);
  await expect(section).toContainText('None yet.');

  // A text file is not a style: refused, nothing added.
  let chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'Add a style (.csl)…' }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(NOT_A_STYLE);
  await expect(prefs.getByRole('status')).not.toHaveText('');
  await expect(prefs.getByRole('status')).not.toContainText('Added');
  await expect(section).toContainText('None yet.');

  chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'Add a style (.csl)…' }).focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(NATURE);
  await expect(prefs.getByRole('status')).toHaveText(
    'Added the style “Nature”. Copy as citation and exports offer it now.',
  );
  await expect(section.getByRole('list', { name: 'Your styles' })).toContainText('Nature');
  const select = section.getByLabel('Copy as citation uses');
  await select.focus();
  await select.selectOption({ label: 'Nature (yours)' });
  await expect(prefs.getByRole('status')).toHaveText('Saved: citation style Nature.');
  await expectAccessible(page, 'Preferences with a style of the user’s');
  await page.keyboard.press('Escape');
  await expect(prefs).toBeHidden();

  // Copy as citation on a passage now cites by number, as Nature does.
  const id = await page.evaluate(async (quote) => {
    for (const a of await window.scholia.listArticles()) {
      const text = (await window.scholia.getArticle(a.id))!.text;
      const start = text.indexOf(quote);
      if (start >= 0)
        return (await window.scholia.addPassage({ articleId: a.id, start, end: start + quote.length })).id;
    }
    throw new Error('quote not found');
  }, QUOTE);
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Russia's Use of Iranian/ })
    .click();
  await page.getByRole('main', { name: 'Reader' }).locator(`mark.hl`).first().click();
  const card = page.getByRole('dialog', { name: 'Passage' });
  await card.getByRole('button', { name: 'Copy as citation' }).click();
  await expect(page.getByText(/^Citation copied/)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`“${QUOTE}” 1`);
  expect(id).toBeTruthy();
  await card.getByRole('button', { name: 'Close' }).click();

  // The Export dialog offers it.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /^HTML/ }).check();
  await expect(
    dialog.getByRole('combobox', { name: 'Citation style' }).locator('option', { hasText: 'Nature' }),
  ).toHaveCount(1);
  await page.keyboard.press('Escape');

  // Removed again: gone from the list, and Copy as citation falls back to APA.
  ({ prefs, section } = await openCitations(page));
  await section.getByRole('button', { name: 'Remove the style Nature' }).focus();
  await page.keyboard.press('Enter');
  await expect(prefs.getByRole('status')).toHaveText('Removed the style “Nature”.');
  await expect(section).toContainText('None yet.');
  await expect(section.getByLabel('Copy as citation uses')).toHaveValue('apa');
});
