// Exporting a note with its quotes cited, chosen in the Export dialog: the HTML a user saves has the
// quote with an APA citation and a references list, and no scholia:// link left unless asked for.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { QUOTE } from '../unit/cite/samples.js';
import { expectAccessible, useAppWithBothSamples } from './app.js';

useAppWithBothSamples();

test('the Export dialog cites a note’s quotes in the chosen style', async ({ page }) => {
  // The note and its two passage links are set up through the app's own client, as the editor would.
  await page.evaluate(async (quote) => {
    const links: string[] = [];
    for (const a of await window.scholia.listArticles()) {
      const text = (await window.scholia.getArticle(a.id))!.text;
      const start = text.indexOf(quote);
      if (start < 0) continue; // the welcome article
      const p = await window.scholia.addPassage({ articleId: a.id, start, end: start + quote.length });
      links.push(`[${quote}](scholia://passage/${p.id})`);
    }
    await window.scholia.createNote({ title: 'Cited note', body: `Both outlets:\n\n${links.join('\n\n')}` });
  }, QUOTE);
  await page.reload();

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /^HTML/ }).check();
  await dialog.getByRole('radio', { name: /One note/ }).check();
  await dialog.getByRole('combobox', { name: 'Note to export' }).selectOption({ label: 'Cited note' });
  const style = dialog.getByRole('combobox', { name: 'Citation style' });
  await expect(style).toHaveValue('');
  await style.selectOption('apa');
  await expectAccessible(page, 'export dialog with citations');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toContain(QUOTE);
  expect(html).toMatch(/References/);
  expect(html).toContain('The Moscow Times');
  expect(html).not.toContain('scholia://passage/');
  expect(html).not.toMatch(/<script|src="https?:/);

  // Word always cites: the "keep links" choice is offered, "no citations" is not.
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /Word/ }).check();
  await expect(dialog.getByRole('combobox', { name: 'Citation style' })).toHaveValue('apa');
  await expect(dialog.getByRole('option', { name: 'No, keep Scholia links' })).toHaveCount(0);
});
