import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  expectAccessible,
  importBothSamples,
  removeLibrary,
  SAMPLES,
  screenshot,
  startApp,
  type RunningApp,
} from './app.js';

let app: RunningApp;
test.beforeEach(async () => {
  app = await startApp();
});
test.afterEach(async () => {
  await app.stop();
  removeLibrary(app);
});

const MT_TITLE = "Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken";
const RFERL_TITLE = "Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'";

test('first run shows the welcome article; import, read, write a note; all of it survives a restart', async ({
  page,
}) => {
  await page.goto(app.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: /Welcome to Scholia/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Scholia' })).toBeVisible();
  await expectAccessible(page, 'first run');
  await screenshot(page, 'first-run');

  // Import both samples through the file picker.
  await importBothSamples(page);
  await expect(library.getByRole('button', { name: new RegExp(RFERL_TITLE) })).toBeVisible();
  const mt = library.getByRole('button', { name: new RegExp(MT_TITLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await expect(mt).toBeVisible();

  // Read one in the reader.
  await mt.click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(MT_TITLE);
  await expect(reader).toContainText('kill Ukrainian civilians and destroy the infrastructure');
  await expect(reader.locator('.reader-text')).not.toContainText('Support The Moscow Times');

  // Write a Markdown note beside it.
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await notes.getByRole('button', { name: 'New note' }).click();
  const editor = notes.getByRole('textbox', { name: 'Note text (Markdown)' });
  await editor.click();
  await page.keyboard.type('# Drone shipments\n\nBlinken called it **appalling**.');
  await expect(notes.getByTestId('note-preview').locator('h1')).toHaveText('Drone shipments');
  await expect(notes.getByTestId('note-preview').locator('strong')).toHaveText('appalling');
  await expect(notes.getByTestId('save-state')).toHaveText('Saved');
  await expect(notes.getByRole('button', { name: /Drone shipments/ })).toBeVisible();
  await expectAccessible(page, 'reader with a note');
  await screenshot(page, 'reader-and-note');
  // Dark mode follows the system and stays readable.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 24, 27)');
  await expectAccessible(page, 'reader with a note, dark');
  await screenshot(page, 'reader-and-note-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Quit, start again: everything is still there.
  app = await app.restart();
  await page.goto(app.url);
  await expect(library.getByRole('button', { name: new RegExp(RFERL_TITLE) })).toBeVisible();
  await mt.click();
  await expect(notes.getByRole('button', { name: /Drone shipments/ })).toBeVisible();
  await notes.getByRole('button', { name: /Drone shipments/ }).click();
  await expect(notes.getByTestId('note-preview').locator('strong')).toHaveText('appalling');
});

test('drag and drop imports files onto the window', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Scholia' })).toBeVisible();
  const text = readFileSync(SAMPLES.rferl, 'utf8');
  await page.evaluate(async (content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'rferl.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await expect(page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 })).toHaveText(RFERL_TITLE);
  // Dropping the same file again is reported as a duplicate, not imported twice.
  await page.evaluate(async (content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'rferl-again.txt', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByTestId('import-counts')).toHaveText('0 imported · 1 duplicate · 0 failed');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('listitem')).toHaveCount(2);
  // The user decides: import it anyway.
  await page.getByRole('button', { name: 'Import anyway' }).click();
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('listitem')).toHaveCount(3);
});

test('hostile Markdown in a note renders inert: no script, no dialog, no network request', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(app.origin)) requests.push(r.url());
  });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(app.url);
  await page.evaluate(() => ((window as unknown as { pwned: number }).pwned = 0));
  const notes = page.getByRole('complementary', { name: 'Notes' });
  await notes.getByRole('button', { name: 'All notes' }).click();
  await notes.getByRole('button', { name: 'New note' }).click();
  await notes.getByRole('textbox', { name: 'Note text (Markdown)' }).click();
  const hostile = [
    'Hostile note',
    '<script>window.pwned=1;alert(1)</script>',
    '<img src="https://example.invalid/x.png" onerror="window.pwned=2;alert(2)">',
    '[click me](javascript:window.pwned=3)',
    '<iframe src="https://example.invalid/"></iframe>',
    '<a href="https://example.invalid/" onmouseover="window.pwned=4">hover</a>',
    '<svg><script>window.pwned=5</script></svg>',
  ].join('\n\n');
  await page.keyboard.insertText(hostile);
  const preview = notes.getByTestId('note-preview');
  await expect(preview).toContainText('click me');
  await preview.getByText('click me').click();
  await preview.getByText('hover').hover();
  await expect(notes.getByTestId('save-state')).toHaveText('Saved');
  expect(await preview.locator('script, iframe, [onerror], [onmouseover]').count()).toBe(0);
  expect(await preview.locator('a[href^="javascript"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
  expect(dialogs).toBe(0);
  expect(requests).toEqual([]);
});
