// A search result in a PDF shows the page of the match ("p. 2") and opens the article at the
// match: in the text view, the paragraph; in the page view, that page. And a paper's footnotes,
// captions and reference list read as what they are.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, FIXTURES, screenshot, useFreshApp } from './app.js';

const PDF = path.join(FIXTURES, 'pdf', 'two-column.pdf');
/** Printed on page 2 of two-column.pdf only. */
const PHRASE = 'freeing up its labour markets';

const app = useFreshApp({ timeout: 120_000, viewport: { width: 1440, height: 900 } });

test('a search result in a PDF shows its page and opens at the match, in the text view and in the page view', async ({
  page,
}) => {
  await page.goto(app().url);
  await page.getByTestId('import-input').setInputFiles([PDF]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Ad sales boost Time Warner profit');

  const box = page.getByRole('combobox', { name: 'Search articles, passages and notes' });
  const results = page.getByRole('listbox', { name: 'Search results' });
  await box.fill(`"${PHRASE}"`);
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option').locator('.result-meta')).toContainText('p. 2');
  await box.press('Enter');
  // The text view scrolls the match's paragraph into view and flashes it.
  const match = reader.locator('.reader-text [data-start]', { hasText: PHRASE });
  await expect(match).toBeInViewport();
  await expect(match).toHaveClass(/flash/);

  // In the page view, scrolled back to page 1, the same result goes to page 2.
  await reader.getByRole('button', { name: 'Page view' }).click();
  const pages = reader.getByRole('region', { name: 'Pages of the PDF' });
  await expect(pages.locator('.pdf-page')).toHaveCount(3);
  await pages.locator('.pdf-page[data-page="1"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(pages.locator('.pdf-page[data-page="2"]')).not.toBeInViewport({ ratio: 0.5 });
  await box.fill(`"${PHRASE}"`);
  await expect(results.getByRole('option').locator('.result-meta')).toContainText('p. 2');
  await box.press('Enter');
  await expect(pages.locator('.pdf-page[data-page="2"]')).toBeInViewport({ ratio: 0.5 });
  await expect(pages.locator('.pdf-page[data-page="1"]')).not.toBeInViewport();
});

test("a paper's footnotes, captions and references are shown as such, and the reader stays accessible", async ({
  page,
}) => {
  await page.goto(app().url);
  await page.getByTestId('import-input').setInputFiles([path.join(FIXTURES, 'pdf', 'paper.pdf')]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  const text = reader.locator('.reader-text');
  const notes = text.getByRole('note', { name: 'Footnotes' });
  await expect(notes.first()).toContainText('1 Analytic solutions are presented');
  // Smaller than the body text, set apart.
  const size = (sel: string) =>
    text
      .locator(sel)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size('p.reader-footnote')).toBeLessThan(await size('p:not([class])'));
  await expect(text.getByRole('note', { name: 'Caption' }).first()).toHaveText(
    'Figure 1. The theory of the impact tube at low pressure.',
  );
  const refs = text.getByRole('list', { name: 'References' });
  await expect(refs.getByRole('listitem').first()).toContainText('[1] M. Brenckman.');
  await notes.first().scrollIntoViewIfNeeded();
  await screenshot(page, 'pdf-paper-marks');
  await expectAccessible(page, 'a paper with footnotes and references');
  await refs.scrollIntoViewIfNeeded();
  await screenshot(page, 'pdf-paper-references');
});
