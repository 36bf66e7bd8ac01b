// The archive, as read-later users know it from Pocket: select articles, Archive, and the list says
// so; "Archived" and "Not archived" show one side; Unarchive brings them back. By keyboard.
import { expect, test } from '@playwright/test';
import { expectAccessible, useAppWithBothSamples } from './app.js';

useAppWithBothSamples();

test('archives selected articles, filters the list on it, and takes them out again', async ({ page }) => {
  const library = page.getByRole('navigation', { name: 'Library' });
  const rows = library.locator('.article-item');
  await expect(rows).toHaveCount(3);

  await library.getByRole('button', { name: 'Select', exact: true }).click();
  await library.getByRole('checkbox', { name: /^Select Blinken/ }).check();
  const bar = library.getByRole('group', { name: 'Selected articles' });
  await bar.getByRole('button', { name: 'Archive', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 article archived.')).toBeVisible();
  await expect(rows.filter({ hasText: 'Blinken Calls' })).toContainText('archived');
  await expect(rows.filter({ hasText: "Appalling': Blinken" })).not.toContainText('archived');

  const show = library.getByRole('combobox', { name: 'Show articles' });
  await show.selectOption('archived');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Blinken Calls');
  await show.selectOption('unarchived');
  await expect(rows).toHaveCount(2);
  await expect(library).not.toContainText('Blinken Calls');
  await expectAccessible(page, 'the library showing articles not archived');

  // Kept by the library: still archived after a reload.
  await page.reload();
  await show.selectOption('archived');
  await expect(rows).toHaveCount(1);
  await library.getByRole('button', { name: 'Select', exact: true }).click();
  await library.getByRole('checkbox', { name: /^Select Blinken/ }).check();
  await bar.getByRole('button', { name: 'Unarchive' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 article taken out of the archive.')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await show.selectOption('all');
  await expect(rows).toHaveCount(3);
  await expect(rows.locator('.badge-count', { hasText: 'archived' })).toHaveCount(0);
});
