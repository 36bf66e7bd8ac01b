// The Word export seen as a reader sees it: a note citing both samples exported to DOCX, converted
// by mammoth (a DOCX reader) to HTML and shown in Chromium: the quotes with their APA citations and
// the references list are on screen. The screenshot goes to docs/screenshots/citations-docx.png.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { QUOTE, sampleLibrary } from '../unit/cite/samples.js';
import { useAppWithBothSamples } from './app.js';

test('a DOCX note export with APA citations, rendered', async ({ page }) => {
  test.setTimeout(180_000);
  const lib = await sampleLibrary();
  try {
    const note = await lib.core.api.createNote({
      title: 'Blinken on Iranian drones',
      body: [
        '## Two outlets, one sentence',
        '',
        'The Moscow Times and RFE/RL quote Blinken in the same words:',
        '',
        `[${QUOTE}](scholia://passage/${lib.passages.mt})`,
        '',
        `RFE/RL adds where he said it, [in Ottawa](scholia://passage/${lib.passages.rferl}).`,
      ].join('\n'),
    });
    const r = await lib.core.api.exportData({
      format: 'docx',
      scope: { noteIds: [note.id] },
      citations: { style: 'apa' },
    });
    const buffer = Buffer.from(r.files[0]!.base64!, 'base64');
    const { value } = await mammoth.convertToHtml(
      { buffer },
      { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Title'] => h1.title:fresh"] },
    );
    await page.setViewportSize({ width: 900, height: 700 });
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:32px auto;color:#222}
      blockquote{margin:1em 2em;font-style:italic} h1{font-size:1.6em}</style><body>${value}</body>`,
    );
    await expect(page.locator('blockquote')).toContainText(QUOTE);
    await expect(page.locator('blockquote')).toContainText('n.d., para. 2)');
    await expect(page.getByRole('heading', { name: 'References' })).toBeVisible();
    await expect(page.locator('p', { hasText: '(n.d.). The Moscow Times.' })).toBeVisible();
    await page.screenshot({
      path: path.resolve(import.meta.dirname, '../../docs/screenshots/citations-docx.png'),
      fullPage: true,
    });
  } finally {
    await lib.done();
  }
});

test.describe('the Article details dialog', () => {
  useAppWithBothSamples();

  test('edits the item type, creators with roles and the citation key, and copies a citation', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /Russia's Use of Iranian Drones/ })
      .click();
    await page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Article details' });
    await expect(dialog.getByRole('textbox', { name: 'Citation key' })).toHaveValue('moscowrussia');
    await dialog.getByRole('combobox', { name: 'Item type' }).selectOption('article-newspaper');
    await dialog.getByRole('button', { name: 'Add creator' }).click();
    await dialog.getByRole('textbox', { name: 'Family name' }).fill('Doe');
    await dialog.getByRole('textbox', { name: 'Given names' }).fill('Jane');
    await dialog.getByRole('textbox', { name: 'Published' }).fill('2022-10-27');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Edit details' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Family name' })).toHaveValue('Doe');
    await dialog.getByRole('combobox', { name: 'Citation style' }).selectOption('apa');
    await dialog.getByRole('button', { name: 'Copy citation' }).click();
    await expect(page.getByText(/^Citation copied/)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Doe, J. (2022, October 27). Russia’s Use of Iranian Drones in Ukraine “Appalling”: Blinken. The Moscow Times.',
    );
  });
});
