// Issue 12 item 8: the reader keeps the document's structure. A real HTML page with
// headings, lists, a quote, a table, a figure (its picture carried as a data: URI)
// and a link is imported; the reader shows each as such, a highlight across a
// heading and a paragraph survives a reload, the link leaves the app alone, and
// nothing is loaded from the network.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, FIXTURES, removeLibrary, screenshot, startApp, type RunningApp } from './app.js';

const PAGE = path.join(FIXTURES, 'riverside-tram-structured.html');
const TITLE = 'How the Riverside tram line changed a city';
const REPORT_URL = 'https://example.org/riverside/annual-report';

let app: RunningApp;
test.beforeEach(async () => {
  app = await startApp();
});
test.afterEach(async () => {
  await app.stop();
  removeLibrary(app);
});

/** Selects from the start of one phrase to the end of another (in different elements), as a mouse drag would. */
async function selectAcross(page: Page, from: string, to: string): Promise<void> {
  await page.evaluate(
    ([a, b]) => {
      const root = document.querySelector('.reader-text')!;
      const find = (text: string) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent!.indexOf(text);
          if (i >= 0) return { node: n, i };
        }
        throw new Error(`phrase not in reader: ${text}`);
      };
      const s = find(a!);
      const e = find(b!);
      const range = document.createRange();
      range.setStart(s.node, s.i);
      range.setEnd(e.node, e.i + b!.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [from, to],
  );
}

test('headings, lists, quote, table, figure and link in the reader; a highlight across them survives a reload', async ({
  page,
  context,
}) => {
  // Every request the app makes must stay on its own origin (or be a data: URL).
  const remote: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(app.origin) && !u.startsWith('data:')) remote.push(u);
  });
  // A link opened in a new tab must not reach the network from this test machine either.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());

  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles([PAGE]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  const library = page.getByRole('navigation', { name: 'Library' });
  const reader = page.getByRole('main', { name: 'Reader' });
  await library.getByRole('button', { name: new RegExp(TITLE) }).click();
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const text = reader.locator('.reader-text');

  // Headings under the title.
  await expect(text.getByRole('heading', { level: 2 })).toHaveText([
    'What the line replaced',
    'What riders say',
    'Passengers by quarter',
  ]);
  // A bulleted list with a nested item, and a numbered list.
  const bullets = text.locator('ul').first();
  await expect(bullets.locator(':scope > li')).toHaveCount(3);
  await expect(bullets.locator(':scope > li').first().locator('ul > li')).toHaveText('withdrawn in the first month');
  await expect(text.locator('ol > li')).toHaveText([
    'the trams ran alongside the buses for six weeks;',
    'route 4 stopped at the end of April;',
    'route 9 became a shuttle to the depot.',
  ]);
  // The quotation.
  await expect(text.locator('blockquote')).toContainText('The tram is faster than the bus ever was');
  // The table: a header row and four quarters.
  const table = text.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('columnheader')).toHaveText(['Quarter', 'Passengers', 'On time']);
  await expect(table.getByRole('row').nth(2)).toHaveText(/Summer\s*520,000\s*94%/);
  // The figure: its picture from the library, with its caption.
  const figure = text.locator('figure');
  const img = figure.getByRole('img', { name: 'Bar chart of passengers per quarter' });
  await expect(img).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(320);
  await expect(figure.locator('figcaption')).toHaveText("Passengers per quarter in the line's first year.");
  // Leftovers are set aside, not shown in the text, and still listed.
  await expect(text).not.toContainText('1 / 5');
  await reader.getByRole('button', { name: /2 blocks set aside at import/ }).click();
  await expect(reader.getByRole('region', { name: 'Text set aside at import' })).toContainText('gallery counter');
  // The link: shown, its target in the title, opened outside the app.
  const link = text.getByRole('link', { name: 'first annual report on the line' });
  await expect(link).toHaveAttribute('href', REPORT_URL);
  await expect(link).toHaveAttribute('title', REPORT_URL);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  await expectAccessible(page, 'reader with structure (light)');

  // A highlight from inside a heading to inside the paragraph after it.
  await selectAcross(page, 'line replaced', 'three bus routes');
  await page.getByRole('button', { name: 'Highlight green' }).click();
  const marks = text.locator('mark.hl');
  await expect(marks).toHaveText(['line replaced', 'Before the trams, three bus routes']);
  await expect(text.getByRole('heading', { level: 2, name: 'What the line replaced' }).locator('mark')).toHaveCount(1);

  // Reload: the structure and the highlight are still there.
  await page.reload();
  await library.getByRole('button', { name: new RegExp(TITLE) }).click();
  await expect(text.getByRole('heading', { level: 2 }).first()).toHaveText('What the line replaced');
  await expect(text.locator('mark.hl')).toHaveText(['line replaced', 'Before the trams, three bus routes']);
  await expect(text.locator('mark.hl').first()).toHaveClass(/hl-green/);

  // The link opens nothing inside the app: the app's page stays where it is.
  const appUrl = page.url();
  const popup = context.waitForEvent('page');
  await text.getByRole('link', { name: 'first annual report on the line' }).click();
  // A separate tab (aborted here by the route above), not the app's page.
  const tab = await popup;
  expect(tab).not.toBe(page);
  await tab.close();
  expect(page.url()).toBe(appUrl);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);

  // Screens for the record, light and dark, at both sizes; accessible in dark too.
  const toFirstHeading = () =>
    text
      .getByRole('heading', { level: 2 })
      .first()
      .evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await toFirstHeading();
  await screenshot(page, 'reader-structure-1440-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'reader with structure (dark)');
  await screenshot(page, 'reader-structure-1440-dark');
  await page.setViewportSize({ width: 1024, height: 700 });
  await toFirstHeading();
  await screenshot(page, 'reader-structure-1024-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'reader-structure-1024-light');
  await expectAccessible(page, 'reader with structure at 1024x700');

  expect(remote).toEqual([]);
});
