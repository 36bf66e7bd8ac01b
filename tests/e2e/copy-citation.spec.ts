// "Copy as citation" outside the details dialog, as a user reaches it by keyboard: a passage card
// copies the quote with its APA in-text citation and paragraph locator; the library copies the
// bibliography of two selected articles; the command table's "Copy citation" does the same by shortcut.
import { expect, test, type Page } from '@playwright/test';
import { QUOTE } from '../unit/cite/samples.js';
import { expectAccessible, useAppWithBothSamples } from './app.js';

const MT = /Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken/;
const BIBLIOGRAPHY =
  'Blinken Calls Russia’s Use Of Iranian Drones In Ukraine “Appalling.” (n.d.). RFE/RL.\n' +
  'Russia’s Use of Iranian Drones in Ukraine “Appalling”: Blinken. (n.d.). The Moscow Times.';

useAppWithBothSamples();

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const clipboardHtml = (page: Page) =>
  page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return item!.types.includes('text/html') ? (await item!.getType('text/html')).text() : '';
  });

async function highlight(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const root = document.querySelector('.reader-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(t);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + t.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`not in the reader: ${t}`);
  }, text);
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
}

test('copies a passage with its APA citation and a bibliography of two selected articles', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const library = page.getByRole('navigation', { name: 'Library' });
  const reader = page.getByRole('main', { name: 'Reader' });

  await library.getByRole('button', { name: MT }).click();
  await highlight(page, QUOTE);
  await reader.locator('mark.hl', { hasText: 'kill Ukrainian civilians' }).click();
  const card = page.getByRole('dialog', { name: 'Passage' });
  await card.getByRole('button', { name: 'Copy as citation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Citation copied/)).toBeVisible();
  expect(await clipboard(page)).toBe(
    `“${QUOTE}” (“Russia’s Use of Iranian Drones in Ukraine ‘Appalling’: Blinken,” n.d., para. 2)`,
  );
  // HTML beside the text, for a paste into a word processor.
  expect(await clipboardHtml(page)).toMatch(/^<p>“kill Ukrainian civilians .*para\. 2\)<\/p>$/);
  await expectAccessible(page, 'the passage card');
  await card.getByRole('button', { name: 'Close' }).click();

  await library.getByRole('button', { name: 'Select', exact: true }).click();
  // The two samples, not the welcome article beside them.
  const boxes = [
    library.getByRole('checkbox', { name: /^Select Blinken/ }),
    library.getByRole('checkbox', { name: /^Select Russia/ }),
  ];
  for (const b of boxes) await b.check();
  const bar = library.getByRole('group', { name: 'Selected articles' });
  await bar.getByRole('button', { name: 'Copy as citation' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Bibliography copied/).first()).toBeVisible();
  expect(await clipboard(page)).toBe(BIBLIOGRAPHY);
  expect(await clipboardHtml(page)).toContain('<div class="csl-bib-body">');
  await expectAccessible(page, 'the library with a selection');

  // The command table's "Copy citation" (palette and shortcut): the open article alone, then the selection.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  for (const b of boxes) await b.uncheck();
  await page.keyboard.press('Control+Alt+C');
  await expect.poll(() => clipboard(page)).toBe(BIBLIOGRAPHY.split('\n')[1]);

  // From the command palette, with both checked again: the bibliography of the selection.
  for (const b of boxes) await b.check();
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Type a command' }).fill('copy citation');
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard(page)).toBe(BIBLIOGRAPHY);
});
