// Issue 15's end-to-end flow: import a two-column PDF, highlight a passage that crosses a page
// break in the text view, see it drawn on both pages in the page view, cite it in a note (the
// link names the pages), and export Markdown and CSL-JSON that carry the page locator.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { docsScreenshot, expectAccessible, FIXTURES, useFreshApp } from './app.js';

const PDF = path.join(FIXTURES, 'pdf', 'two-column.pdf');
const TITLE = 'Ad sales boost Time Warner profit';

const app = useFreshApp({ timeout: 180_000, viewport: { width: 1440, height: 900 } });

/** Selects the last `before` characters of page 1 and the first `after` of page 2, as a mouse drag would. */
async function selectAcrossPageBreak(page: Page, before: number, after: number): Promise<string> {
  return page.evaluate(
    ([b, a]) => {
      const marker = document.querySelector('.reader-text .page-marker[data-page="2"]')!;
      marker.scrollIntoView({ block: 'center' });
      const prev = marker.previousSibling as Text;
      const next = marker.nextSibling as Text;
      // Whole words on both sides, as a reader would drag.
      let start = prev.length - b!;
      while (start > 0 && prev.data[start - 1] !== ' ') start--;
      let end = a!;
      while (end < next.length && next.data[end] !== ' ') end++;
      const range = document.createRange();
      range.setStart(prev, start);
      range.setEnd(next, end);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      document.querySelector('.reader-text')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return sel.toString();
    },
    [before, after],
  );
}

async function exportFromDialog(page: Page, format: RegExp, files: number): Promise<string[]> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  const downloads: Download[] = [];
  const collect = (d: Download) => downloads.push(d);
  page.on('download', collect);
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect.poll(() => downloads.length).toBeGreaterThanOrEqual(files);
  page.off('download', collect);
  return Promise.all(downloads.map(async (d) => readFileSync((await d.path())!, 'utf8')));
}

test('a two-column PDF: highlight across a page break, see it on the pages, cite it, export with pages', async ({
  page,
}) => {
  await page.goto(app().url);
  await page.getByTestId('import-input').setInputFiles([PDF]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);

  // The text view: reading order across the columns, a marker where each page begins.
  const text = reader.getByRole('region', { name: 'Article text' });
  await expect(text).toContainText('For 2005, TimeWarner is projecting operating earnings growth');
  await expect(text.locator('.page-marker')).toHaveCount(3);
  await expect(text).not.toContainText('Scholia test print');

  // A highlight that crosses from page 1 to page 2.
  const quote = await selectAcrossPageBreak(page, 30, 30);
  expect(quote).toMatch(/^\S.{58,}\S$/);
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  const marks = text.locator('mark.hl');
  await expect(marks).toHaveCount(2); // one run on each side of the page marker
  await marks.first().click();
  const card = page.getByRole('dialog', { name: 'Passage' });
  await expect(card.locator('.passage-pages')).toHaveText('pp. 1–2');
  await docsScreenshot(page, 'pdf-text-view-light-1440x900');

  // Cited in a new note: the link names the pages.
  await notes.getByRole('button', { name: 'New note' }).click();
  await card.getByRole('button', { name: 'Link in note' }).click();
  await expect(notes.getByTestId('save-state')).toHaveText('Saved');
  const preview = notes.getByTestId('note-preview');
  await expect(preview.locator('a').first()).toContainText('pp. 1–2');
  await page.keyboard.press('Escape');

  // The page view: the original pages, the highlight drawn on page 1 and on page 2. It opens at the
  // page the text view was on (page 2's marker at the top of the pane).
  await text.locator('.page-marker[data-page="2"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await reader.getByRole('button', { name: 'Page view' }).click();
  const pages = reader.getByRole('region', { name: 'Pages of the PDF' });
  await expect(pages.locator('.pdf-page')).toHaveCount(3);
  await expect(pages.locator('.pdf-page[data-page="1"]')).toHaveAttribute('data-painted', 'true');
  await expect(pages.locator('.pdf-page[data-page="1"] .page-hl')).not.toHaveCount(0);
  await expect(pages.locator('.pdf-page[data-page="2"] .page-hl')).not.toHaveCount(0);
  await expect(pages.locator('.pdf-page[data-page="3"] .page-hl')).toHaveCount(0);
  await expect(pages.locator('.pdf-page[data-page="2"]')).toBeInViewport();
  await expect(pages.locator('.pdf-page[data-page="2"]')).toHaveAttribute('data-painted', 'true');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `page view (${scheme})`);
    await docsScreenshot(page, `pdf-page-view-${scheme}-1440x900`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Back to the text: the view opens at the page the page view was showing (page 1, the top).
  await pages.locator('.pdf-page[data-page="1"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await reader.getByRole('button', { name: 'Text view' }).click();
  await expect(text.locator('.page-marker[data-page="1"]')).toBeInViewport();
  await expect(text.locator('.page-marker[data-page="2"]')).not.toBeInViewport();
  await page.emulateMedia({ colorScheme: 'dark' });
  await docsScreenshot(page, 'pdf-text-view-dark-1440x900');
  await page.emulateMedia({ colorScheme: 'light' });

  // Exports: the Markdown cites the passage with its pages, CSL-JSON carries the locator.
  // Markdown is a folder export: Chromium asks for the folder with its own picker, which a test
  // cannot drive, so the page asks the contract for the same files the dialog would write.
  const md = await page.evaluate(async () =>
    (await window.scholia.exportData({ format: 'md', scope: { all: true } })).files.map((f) => f.text).join('\n'),
  );
  expect(md).toMatch(/“[^”]+” \(pp\. 1–2\)/);
  expect(md).toMatch(/> — [^\n]*pp\. 1–2/);
  const [csl] = await exportFromDialog(page, /CSL-JSON/, 1);
  const items = JSON.parse(csl!) as { title: string; locator?: string; 'number-of-pages'?: number }[];
  expect(items.find((i) => i.title === TITLE)).toMatchObject({ locator: '1–2', 'number-of-pages': 3 });
});
