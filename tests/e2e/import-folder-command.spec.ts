// "Import folder…" run from the command palette (the same command as the desktop's File menu): a
// folder of a researcher's downloads — a PDF report, a Markdown note, a photo — imports the PDF and
// the note and skips the photo. The command used to take only web and text files, and skipped PDFs.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURES, useFreshApp } from './app.js';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const app = useFreshApp();

test('Import folder… from the command palette imports the PDFs in the folder', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-folder-cmd-'));
  copyFileSync(path.join(FIXTURES, 'pdf', 'two-column.pdf'), path.join(dir, 'report.pdf'));
  writeFileSync(path.join(dir, 'notes.md'), '# Field notes\n\nDrones over Kyiv, seen from the fourth floor.\n');
  writeFileSync(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await page.goto(app().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Scholia' })).toBeVisible();

  await page.keyboard.press(`${mod}+Shift+P`);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Type a command' }).fill('Import folder');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(dir);
  await expect(page.getByTestId('import-counts')).toHaveText('2 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('button', { name: /Ad sales boost Time Warner profit/ })).toBeVisible();
  await expect(library.getByRole('button', { name: /Field notes/ })).toBeVisible();
});
