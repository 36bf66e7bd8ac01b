// Reading and highlighting (issue 12 items 4, 7, 11 and the popover race): a passage made with the
// keyboard alone, highlights reached with Tab, a bounded highlights list in the highlights' own
// colours, find in article, the words an opened search result matched, and a selection popover
// that a late effect of the article switch no longer closes.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot, useAppWithBothSamples } from './app.js';

const MT = /Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken/;
const RFERL = /Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'/;

useAppWithBothSamples();

const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });

async function openArticle(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: title }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(title);
}

test('a passage made with the keyboard alone; highlights reached with Tab, Enter opens the card', async ({ page }) => {
  await openArticle(page, MT);
  const text = reader(page).getByRole('region', { name: 'Article text' });
  // Tab from the last reader action reaches the text (no highlights yet).
  await reader(page).getByRole('button', { name: 'Move to trash' }).focus();
  await page.keyboard.press('Tab');
  await expect(text).toBeFocused();
  const first = (await text.locator('p').first().textContent())!;

  // Shift+arrows select from the caret; the selection toolbar appears without any mouse event.
  for (let i = 0; i < 29; i++) await page.keyboard.press('Shift+ArrowRight');
  const toolbar = page.getByRole('toolbar', { name: 'Selected text' });
  await expect(toolbar).toBeVisible();
  await expectAccessible(page, 'keyboard selection with its toolbar');
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('button', { name: 'Highlight yellow' })).toBeFocused();
  await page.keyboard.press('Tab'); // green
  await page.keyboard.press('Enter');
  const mark = reader(page).locator('mark.hl');
  await expect(mark).toHaveText(first.slice(0, 29));
  await expect(mark).toHaveClass(/hl-green/);
  await expect(toolbar).toHaveCount(0);
  await expect(text).toBeFocused();

  // The highlight is a Tab stop of its own; Enter opens its card, Escape returns to it.
  await page.keyboard.press('Tab');
  await expect(mark).toBeFocused();
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: 'Passage' });
  await expect(card).toBeVisible();
  await expect(card).toBeFocused();
  await expect(card.locator('blockquote.quote')).toHaveText(first.slice(0, 29));
  await expectAccessible(page, 'passage card opened from the keyboard');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'passage card opened from the keyboard, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(mark).toBeFocused();
  await screenshot(page, 'reader-keyboard-highlight');
});

test('twelve highlights: the list is bounded and collapsible, the text stays in view, bars in their colours', async ({
  page,
}) => {
  await openArticle(page, MT);
  const colors = ['yellow', 'green', 'blue', 'pink', 'purple'];
  // Twelve passages through the same API the reader uses, one per sentence-sized stretch.
  await page.evaluate(async (cs) => {
    const w = window as unknown as {
      scholia: {
        listArticles(): Promise<{ id: string; title: string }[]>;
        getArticle(id: string): Promise<{ text: string }>;
        addPassage(p: { articleId: string; start: number; end: number; color: string }): Promise<unknown>;
      };
    };
    const a = (await w.scholia.listArticles()).find((x) => x.title.startsWith("Russia's Use"))!;
    const { text } = await w.scholia.getArticle(a.id);
    let at = text.indexOf('Russia has used the drones');
    for (let i = 0; i < 12; i++) {
      await w.scholia.addPassage({ articleId: a.id, start: at, end: at + 40, color: cs[i % cs.length]! });
      at = text.indexOf(' ', at + 60) + 1;
    }
  }, colors);
  await openArticle(page, RFERL);
  await openArticle(page, MT);
  const list = reader(page).getByRole('region', { name: 'Highlights in this article' });
  const toggle = list.getByRole('button', { name: '12 highlights' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const firstLine = reader(page).locator('.reader-text p').first();
  await expect(firstLine).toBeInViewport();

  await toggle.click();
  await expect(list.locator('.passage-card')).toHaveCount(12);
  await expect(firstLine).toBeInViewport();
  const box = (await list.boundingBox())!;
  expect(box.height).toBeLessThan(320);

  // Each bar has its highlight's colour: the same hue as the highlight in the text.
  const hues = await page.evaluate(() => {
    const hue = (css: string) => {
      const [r, g, b] = css
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map((x) => Number(x) / 255) as [number, number, number];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      if (d === 0) return -1;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    return [...document.querySelectorAll<HTMLElement>('.passage-list .passage-card')].map((card) => {
      const id = card.dataset.passageCard!;
      const mark = document.querySelector<HTMLElement>(`mark[data-passage-ids~="${id}"]`)!;
      return {
        bar: hue(getComputedStyle(card.querySelector('blockquote')!).borderLeftColor),
        mark: hue(getComputedStyle(mark).backgroundColor),
      };
    });
  });
  expect(new Set(hues.map((h) => Math.round(h.bar / 30))).size).toBe(5);
  for (const h of hues) expect(Math.min(Math.abs(h.bar - h.mark), 360 - Math.abs(h.bar - h.mark))).toBeLessThan(25);
  await expectAccessible(page, 'reader with twelve highlights');
  await screenshot(page, 'reader-twelve-highlights');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'reader with twelve highlights, dark');
  await screenshot(page, 'reader-twelve-highlights-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(firstLine).toBeInViewport();
  await screenshot(page, 'reader-twelve-highlights-1024');

  await toggle.click();
  await expect(list.locator('.passage-card')).toHaveCount(0);
});

test('find in article: Ctrl+F, count, next and previous; an opened search result marks its words', async ({ page }) => {
  await openArticle(page, MT);
  const articleText = await page.evaluate(async () => {
    const w = window as unknown as {
      scholia: {
        listArticles(): Promise<{ id: string; title: string }[]>;
        getArticle(id: string): Promise<{ text: string }>;
      };
    };
    const a = (await w.scholia.listArticles()).find((x) => x.title.startsWith("Russia's Use"))!;
    return (await w.scholia.getArticle(a.id)).text;
  });
  const expected = articleText.toLowerCase().split('iranian').length - 1;
  expect(expected).toBeGreaterThan(2);

  await reader(page).getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Find in article' });
  const input = bar.getByRole('searchbox', { name: 'Find in article' });
  await expect(input).toBeFocused();
  await page.keyboard.type('iranian');
  const count = bar.getByRole('status');
  await expect(count).toHaveText(`1 of ${expected}`);
  await expect(reader(page).locator('mark.find-hit')).toHaveCount(expected);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`3 of ${expected}`);
  await expect(reader(page).locator('mark.find-hit.current')).toHaveText(/iranian/i);
  await expect(reader(page).locator('mark.find-hit.current')).toBeInViewport();
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(`2 of ${expected}`);
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await expect(count).toHaveText(`${expected} of ${expected}`);
  await expectAccessible(page, 'find in article');
  await screenshot(page, 'reader-find-in-article');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'find in article, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(page, 'reader-find-in-article-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await input.fill('zzqx');
  await expect(count).toHaveText('No matches');
  await input.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(reader(page).locator('mark.find-hit')).toHaveCount(0);

  // A search result opened from the search box: its matched words are marked in the reader.
  const box = page.getByRole('combobox', { name: 'Search articles, passages and notes' });
  await box.fill('"October 27 during a visit"');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1);
  await box.press('Enter');
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(RFERL);
  const terms = reader(page).locator('mark.find-hit.term');
  await expect(terms.filter({ hasText: 'October' }).first()).toBeVisible();
  await expect(terms.filter({ hasText: 'visit' }).first()).toBeInViewport();
  // Not carried to the next article.
  await openArticle(page, MT);
  await expect(reader(page).locator('mark.find-hit')).toHaveCount(0);
});

test('the selection toolbar is not closed late by the switch to the article it was opened on', async ({ page }) => {
  // A loaded machine runs the page's timers and frames late. Pausing the page's clock makes that
  // certain: the article shows, the user selects, and only then do the page's timers run.
  await page.clock.install();
  await page.reload();
  await openArticle(page, MT);
  await page.clock.pauseAt(Date.now() + 5_000);
  await openArticle(page, RFERL);
  await page.evaluate(() => {
    const p = document.querySelectorAll('.reader-text p')[3]!;
    const t = p.firstChild!;
    const range = document.createRange();
    range.setStart(t, 0);
    range.setEnd(t, Math.min(30, t.textContent!.length));
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  await page.clock.runFor(500);
  await expect(page.getByRole('button', { name: 'Highlight yellow' })).toBeVisible();
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await expect(reader(page).locator('mark.hl')).toHaveCount(1);
});
