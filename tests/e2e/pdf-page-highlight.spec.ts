// Issue 15: "Highlights made in either view are the same passages." Highlights made on the original
// pages (the page view's text layer), by mouse and by keyboard, within a page and across a page
// break, are the passages the text view shows: same words, same pages.
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { docsScreenshot, expectAccessible, FIXTURES, useFreshApp } from './app.js';

const PDF = path.join(FIXTURES, 'pdf', 'two-column.pdf');
const TITLE = 'Ad sales boost Time Warner profit';

const app = useFreshApp({ timeout: 180_000, viewport: { width: 1440, height: 900 } });
test.beforeEach(async ({ page }) => {
  // A loaded machine: the toolbar must follow the selection however slowly the page runs.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
});

/** Imports the two-column PDF and opens its page view; returns the pages region. */
async function openPages(page: Page): Promise<Locator> {
  await page.goto(app().url);
  await page.getByTestId('import-input').setInputFiles([PDF]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await reader.getByRole('button', { name: 'Page view' }).click();
  const pages = reader.getByRole('region', { name: 'Pages of the PDF' });
  await expect(pages.locator('.pdf-page')).toHaveCount(3);
  await expect(pages.locator('.pdf-page[data-page="1"]')).toHaveAttribute('data-painted', 'true');
  return pages;
}

/** Where the `n`th word (0-based; negative from the end) of a text-layer run is drawn, in page coordinates. */
async function wordBox(run: Locator, n: number): Promise<{ x0: number; x1: number; y: number; word: string }> {
  return run.evaluate((el, k) => {
    const node = el.firstChild as Text;
    const words = [...node.data.matchAll(/\S+/g)];
    const m = words[k < 0 ? words.length + k : k]!;
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getBoundingClientRect();
    return { x0: r.left + 1, x1: r.right - 1, y: r.top + r.height / 2, word: m[0] };
  }, n);
}

/**
 * Where a phrase printed on a page begins and ends: its first and last characters in the page's text
 * layer (whose runs, a line or a word each, are read one after another, so a phrase is taken within a line).
 */
async function phrase(
  pages: Locator,
  pageNo: number,
  words: string,
): Promise<{ from: { x0: number; y: number }; to: { x1: number; y: number } }> {
  const layer = pages.locator(`.pdf-page[data-page="${pageNo}"] .pdf-text-layer`);
  await expect(layer.locator('span').first()).toBeAttached();
  return layer.evaluate((el, w) => {
    const chars: [Text, number][] = [];
    let all = '';
    for (const span of el.querySelectorAll('span')) {
      const t = span.firstChild as Text | null;
      if (!t) continue;
      for (let i = 0; i < t.length; i++) chars.push([t, i]);
      all += t.data;
    }
    const at = all.indexOf(w);
    if (at < 0) throw new Error(`"${w}" is not on the page`);
    const box = (k: number) => {
      const [t, i] = chars[k]!;
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 1);
      return r.getBoundingClientRect();
    };
    const a = box(at);
    const b = box(at + w.length - 1);
    return { from: { x0: a.left + 1, y: a.top + a.height / 2 }, to: { x1: b.right - 1, y: b.top + b.height / 2 } };
  }, words);
}

/** Scrolls the page view so that a phrase is in the middle of the window. */
async function scrollTo(pages: Locator, pageNo: number, words: string): Promise<void> {
  await pages
    .locator(`.pdf-page[data-page="${pageNo}"] .pdf-text-layer span`, { hasText: words.split(' ')[0] })
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

/** A mouse drag from the start of one word to the end of another. */
async function drag(page: Page, from: { x0: number; y: number }, to: { x1: number; y: number }): Promise<void> {
  await page.mouse.move(from.x0, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x0 + to.x1) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x1, to.y, { steps: 4 });
  await page.mouse.up();
}

/** The length of the (one PDF) article's text, as the core stores it. */
async function articleTextLength(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pdf = (await window.scholia.listArticles()).find((a) => a.format === 'pdf')!;
    return (await window.scholia.getArticle(pdf.id))!.text.length;
  });
}

/** The article's passages, as the core stores them. */
async function storedPassages(page: Page): Promise<{ exact: string; pages: string | undefined }[]> {
  return page.evaluate(async () =>
    (await window.scholia.listPassages()).map((p) => ({ exact: p.quote.exact, pages: p.pageLabel })),
  );
}

test('a phrase selected with the mouse on page 2 of the page view becomes the passage the text view shows', async ({
  page,
}) => {
  const pages = await openPages(page);
  const reader = page.getByRole('main', { name: 'Reader' });
  // Four words from the middle of page 2's fifth line.
  const words = 'a report published on';
  await scrollTo(pages, 2, 'report');
  const { from, to } = await phrase(pages, 2, words);
  await drag(page, from, to);
  const selected = await page.evaluate(() => window.getSelection()!.toString());
  expect(selected).toBe(words);
  await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Highlight green' }).click();

  // Drawn on page 2, only there.
  const drawn = pages.locator('.pdf-page[data-page="2"] .page-hl.hl-green');
  await expect(drawn).toHaveCount(1);
  await expect(pages.locator('.pdf-page:not([data-page="2"]) .page-hl')).toHaveCount(0);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `page view with a highlight made there (${scheme})`);
    await docsScreenshot(page, `pdf-page-highlight-${scheme}-1440x900`);
  }

  // At a smaller window: a second selection on the page, its toolbar over it (checked too).
  await page.setViewportSize({ width: 1024, height: 700 });
  await scrollTo(pages, 2, 'rein');
  const next = await phrase(pages, 2, 'or rein in');
  await drag(page, next.from, next.to);
  await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `page view with a selection and its toolbar (${scheme})`);
    await docsScreenshot(page, `pdf-page-highlight-${scheme}-1024x700`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');

  // The text view shows the same words as one highlight, and its card names page 2.
  await reader.getByRole('button', { name: 'Text view' }).click();
  const text = reader.getByRole('region', { name: 'Article text' });
  const mark = text.locator('mark.hl.hl-green');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText(selected);
  await mark.click();
  const card = page.getByRole('dialog', { name: 'Passage' });
  await expect(card.locator('.passage-pages')).toHaveText('p. 2');
});

test('a drag from the end of page 1 to the start of page 2 makes one passage over both pages', async ({ page }) => {
  const pages = await openPages(page);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(pages.locator('.pdf-page[data-page="2"] .pdf-text-layer span').first()).toBeAttached();
  // The foot of page 1 (its last line, at the foot of its right column) and the head of page 2 in
  // view together.
  await pages
    .locator('.pdf-page[data-page="1"] .pdf-text-layer span')
    .last()
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const a = await phrase(pages, 1, 'many of the');
  const b = await phrase(pages, 2, "world's leading");
  expect(b.to.y).toBeGreaterThan(a.from.y);
  await drag(page, a.from, b.to);
  await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Highlight yellow' }).click();

  // One passage, drawn on both pages, whose words run from the one dragged from to the one dragged to.
  await expect(pages.locator('.pdf-page[data-page="1"] .page-hl')).toHaveCount(1);
  await expect(pages.locator('.pdf-page[data-page="2"] .page-hl')).toHaveCount(1);
  const [stored, ...more] = await storedPassages(page);
  expect(more).toEqual([]);
  expect(stored!.exact).toBe("many of the world's leading");
  expect(stored!.pages).toBe('pp. 1–2');

  // The text view: the same words, one highlight either side of page 2's marker, its card "pp. 1–2".
  await reader.getByRole('button', { name: 'Text view' }).click();
  const marks = reader.getByRole('region', { name: 'Article text' }).locator('mark.hl');
  await expect(marks).toHaveCount(2);
  expect((await marks.allTextContents()).join('')).toBe(stored!.exact);
  await marks.first().click();
  await expect(page.getByRole('dialog', { name: 'Passage' }).locator('.passage-pages')).toHaveText('pp. 1–2');
});

test('the keyboard alone makes a highlight on the pages, and a click on it opens it', async ({ page }) => {
  const pages = await openPages(page);
  const reader = page.getByRole('main', { name: 'Reader' });
  // Tab reaches the pages (the view switch, then the reader's own controls, then the pages).
  await reader.getByRole('button', { name: 'Page view' }).focus();
  for (let i = 0; i < 30 && !(await pages.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(pages).toBeFocused();
  // A caret on the first line in view; past two words and a space, then three words selected with Shift.
  await expect(pages.locator('.reader-caret')).toBeVisible();
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  const selected = await page.evaluate(() => window.getSelection()!.toString());
  expect(selected.split(/\s+/)).toHaveLength(3);
  const toolbar = page.getByRole('toolbar', { name: 'Selected text' });
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: 'Highlight yellow' })).toBeFocused();
  await page.keyboard.press('Enter');

  const drawn = pages.locator('.pdf-page[data-page="1"] .page-hl');
  await expect(drawn).toHaveCount(1);
  const [stored] = await storedPassages(page);
  expect(stored!.exact).toBe(selected);
  expect(stored!.pages).toBe('p. 1');
  // The focus is back on the pages, so the keyboard user carries on from there.
  await expect(pages).toBeFocused();

  // Across the page break: from the last words of page 1, Shift extends word by word into page 2.
  // (The caret is put on page 1's last line directly: the ninety-odd ArrowDowns a user would press
  // to get there say nothing more.)
  const lastRun = pages.locator('.pdf-page[data-page="1"] .pdf-text-layer span').last();
  const tail = await lastRun.evaluate((el) => {
    const t = el.firstChild as Text;
    const at = t.data.lastIndexOf(' ', t.data.trimEnd().lastIndexOf(' ') - 1) + 1;
    window.getSelection()!.collapse(t, at);
    el.scrollIntoView({ block: 'center' });
    return t.data.slice(at);
  });
  const head = (await pages.locator('.pdf-page[data-page="2"] .pdf-text-layer span').first().textContent())!;
  const firstWord = head.split(' ')[0]!;
  for (let i = 0; i < 8 && !(await page.evaluate(() => window.getSelection()!.toString())).endsWith(firstWord); i++)
    await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(pages.locator('.pdf-page[data-page="2"] .page-hl')).toHaveCount(1);
  const across = (await storedPassages(page)).find((p) => p.pages === 'pp. 1–2')!;
  expect(across.exact).toBe(`${tail} ${firstWord}`);

  // A click on the drawn highlight (through the text layer over it) opens the passage.
  await drawn.first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await drawn.first().boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const mark = reader.getByRole('region', { name: 'Article text' }).locator('mark.hl').first();
  await expect(mark).toHaveText(selected);
  await expect(mark).toBeInViewport();
});

test('a drag that runs off the text onto blank paper selects up to the text there, not the rest of the page', async ({
  page,
}) => {
  const pages = await openPages(page);
  // Page 2's fifth line, from its second word.
  const rest = 'report published on Tuesday that the';
  await scrollTo(pages, 2, 'report');
  const { from } = await phrase(pages, 2, 'report');
  const { to: lineEnd } = await phrase(pages, 2, rest);
  const { from: lineStart } = await phrase(pages, 2, 'in a report');
  const { from: below } = await phrase(pages, 2, 'continent could');
  // Into the gutter between the columns: the selection ends in the line it was on.
  await drag(page, from, { x1: lineEnd.x1 + 12, y: from.y });
  let selected = await page.evaluate(() => window.getSelection()!.toString());
  expect(selected.length).toBeGreaterThan('report'.length);
  expect(rest.startsWith(selected)).toBe(true);
  await page.mouse.click(5, 500);
  // Down the left margin, three lines: the selection ends near there, well before the next heading
  // (without the end-of-content element it ran to the end of the page).
  await drag(page, from, { x1: lineStart.x0 - 20, y: from.y + 3 * (below.y - from.y) });
  selected = await page.evaluate(() => window.getSelection()!.toString());
  expect(selected.startsWith(rest)).toBe(true);
  expect(selected.length).toBeLessThan(300);
  expect(selected).not.toContain('golden rule');
});

test('after a block is restored to the text, the pages still hold their own words and highlight them', async ({
  page,
}) => {
  const pages = await openPages(page);
  const reader = page.getByRole('main', { name: 'Reader' });
  // The last line of page 2: after the paragraph boundary where the header goes back.
  const run = pages.locator('.pdf-page[data-page="2"] .pdf-text-layer span').last();
  await expect(run).toBeAttached();
  const printed = (await run.textContent())!;

  // Page 2's running header back into the text, before page 2's words: their offsets all move.
  await reader.getByRole('button', { name: /Show \d+ blocks set aside at import/ }).click();
  const restored = await articleTextLength(page);
  const header = reader.getByRole('region', { name: 'Text set aside at import' }).getByRole('listitem');
  await header.filter({ hasText: 'running header' }).nth(1).getByRole('button', { name: 'Restore to text' }).click();
  await expect.poll(() => articleTextLength(page)).toBeGreaterThan(restored);
  await expect(run).toHaveText(printed);

  await run.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await drag(page, await wordBox(run, 0), await wordBox(run, -1));
  await page.getByRole('toolbar', { name: 'Selected text' }).getByRole('button', { name: 'Highlight blue' }).click();
  await expect(pages.locator('.pdf-page[data-page="2"] .page-hl.hl-blue')).toHaveCount(1);
  const [stored] = await storedPassages(page);
  expect(stored!.exact).toBe(printed.trim());
});
