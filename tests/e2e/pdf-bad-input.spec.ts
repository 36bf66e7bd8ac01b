// PDFs a user meets that are not plain text PDFs, through the import picker: an encrypted report
// asks for its password in the import report (a wrong one says so and asks again; the right one
// imports it), a scanned one imports with a plain warning and shows its pages, a cut-short download
// is refused with the reason, and nothing of a refused file enters the library. By keyboard.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, FIXTURES, useFreshApp } from './app.js';

const PDFS = path.join(FIXTURES, 'pdf');
const app = useFreshApp();

test('encrypted, scanned and truncated PDFs through the import picker', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(app().url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.locator('.article-item')).toHaveCount(1); // the welcome article

  await page
    .getByTestId('import-input')
    .setInputFiles([
      path.join(PDFS, 'encrypted.pdf'),
      path.join(PDFS, 'scanned.pdf'),
      path.join(PDFS, 'truncated.pdf'),
    ]);
  const report = page.getByRole('region', { name: 'Import progress' });
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 2 failed');
  await expect(report).toContainText('truncated.pdf');
  await expect(report).toContainText('is incomplete');
  await expect(report).toContainText('No text could be extracted from this PDF');
  await expect(report).toContainText('encrypted.pdf is encrypted');
  await expectAccessible(page, 'the import report asking for a password');

  // A wrong password: said, and asked again.
  const password = report.getByLabel('Password for encrypted.pdf');
  await password.focus();
  await page.keyboard.type('guess');
  await page.keyboard.press('Enter');
  await expect(report).toContainText('That is not the password of encrypted.pdf; nothing was imported.');
  await expect(report.getByLabel('Password for encrypted.pdf')).toHaveAttribute('placeholder', 'Try another password');
  await report.getByLabel('Password for encrypted.pdf').focus();
  await page.keyboard.type('secret');
  await page.keyboard.press('Enter');
  await expect(library.getByRole('button', { name: /Trump Plans Meeting on Arizona Birth Bill/ })).toBeVisible();
  await expect(report).not.toContainText('encrypted.pdf is encrypted');

  // The library holds the welcome article, the scanned PDF and the unlocked one; nothing of the truncated file.
  await expect(library.locator('.article-item')).toHaveCount(3);
  const articles = await page.evaluate(() => window.scholia.listArticles());
  expect(
    articles
      .filter((a) => a.format === 'pdf')
      .map((a) => a.title)
      .sort(),
  ).toHaveLength(2);

  // The scanned PDF: the reader says why there is no text, and its pages are there to view.
  await report.getByRole('button', { name: 'Close' }).click();
  const scanned = articles.find((a) => a.format === 'pdf' && !/Trump/.test(a.title))!;
  await library.getByRole('button', { name: new RegExp(scanned.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader).toContainText('No text could be extracted from this PDF');
  // With no text to read, it opens on its pages.
  await expect(reader.getByRole('button', { name: 'Page view' })).toHaveAttribute('aria-pressed', 'true');
  await expect(reader.locator('canvas').first()).toBeVisible();
  await expectAccessible(page, 'a scanned PDF in the page view');
});
