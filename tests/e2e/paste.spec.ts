// Pasting a copied web page (issue 12, item 3): the clipboard's HTML is what gets imported, so the
// article keeps the page's title and outlet instead of the page's raw text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible, FIXTURES, removeLibrary, screenshot, startApp, type RunningApp } from './app.js';

// A real page from the Readability test pages (Apache-2.0), saved as the browser had it.
const PAGE = readFileSync(path.join(FIXTURES, 'ars-1-minecraft-exploit.html'), 'utf8');
const TITLE = 'Just-released Minecraft exploit makes it easy to crash game servers';

let app: RunningApp;
test.beforeEach(async () => {
  app = await startApp();
});
test.afterEach(async () => {
  await app.stop();
  removeLibrary(app);
});

test('a pasted web page keeps its title and source', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Paste', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  const box = dialog.getByRole('textbox', { name: 'Article text' });
  await box.focus();
  // A real paste: the event carries text/html and text/plain; unless a handler takes it over, the
  // browser then inserts the plain text, which fires an input event (done here as the browser would).
  const plain = await page.evaluate((html) => {
    const text = new DOMParser().parseFromString(html, 'text/html').body.textContent!.replace(/\s+/g, ' ').trim();
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', text);
    const target = document.activeElement as HTMLTextAreaElement;
    const event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    if (target.dispatchEvent(event)) document.execCommand('insertText', false, text);
    return text;
  }, PAGE);
  await expect(box).toHaveValue(plain);
  await expect(dialog.getByTestId('paste-html-kept')).toBeVisible();
  await expectAccessible(page, 'paste dialog with a copied page');
  await screenshot(page, 'paste-web-page');
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(page, 'paste-web-page-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'paste dialog with a copied page, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(reader.locator('.reader-meta')).toContainText('Ars Technica');
  await expect(reader.locator('.reader-text')).not.toContainText('Skip to');
});

test('typing over a pasted page imports the typed text, as the dialog says', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Paste', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  const box = dialog.getByRole('textbox', { name: 'Article text' });
  await box.focus();
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', 'page text');
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, PAGE);
  await expect(dialog.getByTestId('paste-html-kept')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import the plain text instead' }).click();
  await expect(dialog.getByTestId('paste-html-kept')).toHaveCount(0);
  await box.fill(
    'My own title\n\nA paragraph of my own about the Minecraft exploit, long enough to be an article body.',
  );
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(
    'My own title',
  );
});
