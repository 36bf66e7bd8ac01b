// Stories across outlets: the two sample outlets and a third report of the same event form a story;
// the story view shows the Blinken quote carried by both samples with its speaker, what each outlet
// adds, and the timeline; highlights made there are linked ("corroborates") and the link shows on
// both passages' cards; the story exports to HTML. axe, a keyboard path, screenshots light and dark.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, FIXTURES, ROOT, useAppWithBothSamples } from './app.js';

useAppWithBothSamples();

const MT = "Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken";
const RFERL = "Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'";
const WIRE = path.join(FIXTURES, 'wire-desk-blinken-iranian-drones.html');

async function setPublished(page: Page, title: string, date: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: title }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await reader.getByRole('button', { name: 'Edit details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Article details' });
  await dialog.getByLabel('Published').fill(date);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

async function shot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', `${name}-${size.width}x${size.height}.png`) });
}

test('three outlets form a story: quotes with speakers, additions, timeline, typed links, HTML report', async ({
  page,
}) => {
  await page.getByTestId('import-input').setInputFiles([WIRE]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  await setPublished(page, MT, '2022-10-27');
  await setPublished(page, RFERL, '2022-10-27');

  // Proposed from their shared passages, confirmed under the user's name.
  const sidebar = page.getByRole('region', { name: 'Stories' });
  await sidebar.getByRole('button', { name: 'Find stories' }).click();
  const proposal = page.getByRole('form', { name: 'Proposed story 1' });
  await expect(proposal.getByRole('listitem')).toHaveCount(3);
  await proposal.getByRole('textbox').fill('Iranian drones in Ukraine');
  await proposal.getByRole('button', { name: 'Confirm story' }).click();
  await expect(sidebar.getByRole('button', { name: /^Iranian drones in Ukraine/ })).toContainText('3 articles');

  const view = page.getByTestId('story-view');
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('Iranian drones in Ukraine');
  // Timeline: by publication date (the two samples on the 27th, Wire Desk the next morning).
  const timeline = view.locator('.story-timeline > li');
  await expect(timeline).toHaveCount(3);
  await expect(timeline.nth(2)).toContainText('Wire Desk');
  await expect(timeline.nth(0)).toContainText('Oct 27, 2022');
  // The quote matrix: Blinken's drone quote, his name, carried word for word by both samples.
  const matrix = view.getByRole('table');
  const outlets = await matrix.locator('thead th').allTextContents();
  const row = matrix.getByTestId('quote-row').filter({ hasText: 'kill Ukrainian civilians' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('.quote-speaker')).toContainText('Blinken');
  const cell = (outlet: string) => row.locator('td.carrier').nth(outlets.indexOf(outlet) - 2);
  await expect(cell('The Moscow Times')).toContainText('verbatim');
  await expect(cell('RFE/RL')).toContainText('verbatim');
  await expect(cell('Wire Desk')).toContainText('altered');
  // What each outlet adds.
  const adds = view.getByTestId('story-add');
  await expect(adds.filter({ hasText: 'The Moscow Times' })).toContainText('around 400 Iranian drones');
  await expect(adds.filter({ hasText: 'RFE/RL' })).toContainText('October 27 announced a plan');
  await expect(adds.filter({ hasText: 'Wire Desk' })).toContainText('three Iranian generals');
  await expectAccessible(page, 'story view');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shot(page, `story-view-${scheme}`, { width: 1440, height: 900 });
    await shot(page, `story-view-${scheme}`, { width: 1024, height: 700 });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Highlight the quote in both samples from the matrix, then link the two highlights.
  await cell('The Moscow Times').getByRole('button', { name: 'Highlight this quote in The Moscow Times' }).click();
  await expect(view.getByTestId('story-highlight')).toHaveCount(1);
  await cell('RFE/RL').getByRole('button', { name: 'Highlight this quote in RFE/RL' }).click();
  const highlights = view.getByTestId('story-highlight');
  await expect(highlights).toHaveCount(2);
  // Which card is whose, told before links name the other outlet in each.
  const texts = await highlights.allTextContents();
  const mine = highlights.nth(texts.findIndex((t) => t.includes('The Moscow Times')));
  const theirs = highlights.nth(texts.findIndex((t) => t.includes('RFE/RL')));
  await mine.getByRole('button', { name: 'Link to another highlight…' }).click();
  const form = mine.getByRole('form', { name: 'Link to another highlight' });
  await form.getByLabel('This highlight').selectOption('corroborates');
  const target = form.getByLabel('Highlight', { exact: true });
  const option = await target.locator('option', { hasText: 'RFE/RL:' }).getAttribute('value');
  await target.selectOption(option!);
  await form.getByRole('button', { name: 'Link' }).click();
  await expect(mine.getByRole('list', { name: 'Linked passages' })).toContainText('Corroborates');
  await expect(theirs.getByRole('list', { name: 'Linked passages' })).toContainText('Corroborated by');
  await expectAccessible(page, 'story view with linked highlights');
  await mine.scrollIntoViewIfNeeded();
  await shot(page, 'story-view-links-light', { width: 1440, height: 900 });

  // The story exports to HTML: the quote matrix with its speaker and the link.
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export HTML' }).click();
  const file = await (await download).path();
  const html = readFileSync(file, 'utf8');
  expect(html).toContain('kill Ukrainian civilians');
  expect(html).toMatch(/<td>[^<]*Blinken<\/td>/);
  expect(html).toContain('around 400 Iranian drones');
  expect(html).toContain('corroborates');
  expect(html).not.toContain('<script');

  // The link shows on both passages' cards in the reader.
  const library = page.getByRole('navigation', { name: 'Library' });
  const reader = page.getByRole('main', { name: 'Reader' });
  for (const [title, phrase, other] of [
    [MT, 'Corroborates', 'RFE/RL'],
    [RFERL, 'Corroborated by', 'The Moscow Times'],
  ] as const) {
    await library.getByRole('button', { name: title }).click();
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
    await reader.locator('mark.hl', { hasText: 'kill Ukrainian civilians' }).click();
    const card = page.getByRole('dialog', { name: 'Passage' });
    await expect(card.getByRole('list', { name: 'Linked passages' })).toContainText(phrase);
    await expect(card.getByRole('list', { name: 'Linked passages' })).toContainText(other);
    await card.getByRole('button', { name: 'Close' }).click();
  }

  // story: in search finds the story's articles.
  const search = page.getByRole('combobox', { name: /Search/ });
  await search.fill('story:iranian type:article');
  // The search dropdown's options (the library's sort and read filters are selects with options of their own).
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option').filter({ hasText: /Blinken|Iranian/ })).toHaveCount(3);
});

test('keyboard: open a story from the sidebar, switch to columns, highlight from the keyboard', async ({ page }) => {
  await page.getByTestId('import-input').setInputFiles([WIRE]);
  await page.getByRole('button', { name: 'Close' }).click();
  const sidebar = page.getByRole('region', { name: 'Stories' });
  await sidebar.getByRole('button', { name: 'Find stories' }).focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('button', { name: 'Confirm story' });
  await confirm.focus();
  await page.keyboard.press('Enter');
  const view = page.getByTestId('story-view');
  // The view opens with its heading focused; Tab walks its toolbar.
  await expect(view.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(view.getByRole('button', { name: 'Timeline' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('button', { name: 'Columns' })).toHaveAttribute('aria-pressed', 'true');
  await expect(view.getByRole('article')).toHaveCount(3);
  // Shared passages are underlined in every column; the user's highlights are separate marks.
  await expect(view.locator('.story-shared', { hasText: 'kill Ukrainian civilians' }).first()).toBeVisible();
  await expectAccessible(page, 'story columns');
  await shot(page, 'story-view-columns-light', { width: 1440, height: 900 });
  await view.getByRole('button', { name: 'Timeline' }).press('Enter');
  const highlightButton = view.getByRole('button', { name: /Highlight this sentence of The Moscow Times/ }).first();
  await highlightButton.focus();
  await page.keyboard.press('Enter');
  await expect(view.getByTestId('story-highlight')).toHaveCount(1);

  // Split Wire Desk off into a story of its own, then merge the two back.
  const sidebarStories = page.getByRole('region', { name: 'Stories' }).locator('.story-item');
  await view.getByRole('checkbox', { name: /Wire Desk/ }).check();
  await view.getByLabel('Name of the new story').fill('Wire copy');
  await view.getByRole('button', { name: 'Split 1 article off' }).click();
  await expect(sidebarStories).toHaveCount(2);
  await expect(sidebarStories.filter({ hasText: 'Wire copy' })).toContainText('1 article');
  await expect(view.locator('.story-timeline > li')).toHaveCount(2);
  await view.getByLabel('Merge with').selectOption({ label: 'Wire copy' });
  await view.getByRole('button', { name: 'Merge' }).click();
  await expect(sidebarStories).toHaveCount(1);
  await expect(sidebarStories.first()).toContainText('3 articles');
});

test('highlight and cite from the side-by-side comparison, in colours apart from the shared marking', async ({
  page,
}) => {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: MT }).click();
  const shared = page.getByRole('region', { name: 'Other sources carrying passages of this article' });
  await shared.getByRole('button', { name: 'Compare side by side' }).click();
  const view = page.getByRole('region', { name: 'Compare two articles side by side' });
  await expect(view.locator('mark.shared-exact', { hasText: 'kill Ukrainian civilians' })).toHaveCount(2);
  // Select a phrase of the left column (it lies inside a shared passage) and highlight it.
  await page.evaluate((text) => {
    const root = document.querySelector('.compare-column .compare-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(text);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + text.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not in the column: ${text}`);
  }, 'destroy the infrastructure they rely on');
  const left = view.getByRole('article').first();
  await left.getByRole('button', { name: 'Highlight selection' }).click();
  const mark = left.locator('mark.user-hl');
  await expect(mark).toHaveText('destroy the infrastructure they rely on');
  // The highlight's fill is not the shared passage's marking (underlined, unfilled).
  const [hlBg, sharedBg] = await Promise.all([
    mark.evaluate((el) => getComputedStyle(el).backgroundColor),
    view
      .locator('mark.shared-exact')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor),
  ]);
  expect(hlBg).not.toBe(sharedBg);
  await left.getByText('Your highlights (1)').click();
  await left.getByRole('button', { name: 'Cite in note' }).click();
  await expect(
    page.getByRole('complementary', { name: 'Notes' }).getByRole('textbox', { name: 'Note text (Markdown)' }),
  ).toContainText('destroy the infrastructure they rely on');
  await expectAccessible(page, 'comparison with a highlight');
});
