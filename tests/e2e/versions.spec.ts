// A newer version of an article: "Update from file…" replaces the text, says what happened to the
// highlights and shows the diff; importing the same address again does the same from the import
// report; the earlier texts stay readable under Versions.
import { expect, test } from '@playwright/test';
import { expectAccessible, removeLibrary, startApp, type RunningApp } from './app.js';

const page = (paras: string[]) =>
  Buffer.from(
    `<!doctype html><html><head><title>Drones over Kyiv</title><link rel="canonical" href="https://news.example.org/drones">` +
      `</head><body><article><h1>Drones over Kyiv</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
  );
const V1 = [
  'Officials in Kyiv said on Friday that a wave of drones struck power stations overnight across the capital.',
  'The mayor said 40 drones were launched and most were shot down before they reached the city.',
];
const V2 = [V1[0]!, 'The mayor said 43 drones were launched and most were shot down before they reached the city.'];
const V3 = [...V2, 'Repair crews restored electricity to most districts by the evening.'];

let app: RunningApp;
test.beforeEach(async () => {
  app = await startApp();
});
test.afterEach(async () => {
  await app.stop();
  removeLibrary(app);
});

test('update an article from a newer file, then by importing its address again; versions keep the old text', async ({
  page: p,
}) => {
  await p.goto(app.url);
  await p.getByTestId('import-input').setInputFiles([{ name: 'drones.html', mimeType: 'text/html', buffer: page(V1) }]);
  await expect(p.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await p.getByRole('button', { name: 'Close' }).click();
  const reader = p.getByRole('main', { name: 'Reader' });
  await p
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Drones over Kyiv/ })
    .click();
  await expect(reader).toContainText('40 drones');

  await p
    .getByTestId('update-article-input')
    .setInputFiles([{ name: 'v2.html', mimeType: 'text/html', buffer: page(V2) }]);
  const dialog = p.getByRole('dialog', { name: /Versions of/ });
  await expect(dialog.getByTestId('version-diff').first().locator('del')).toHaveText(['40']);
  await expect(dialog.getByTestId('version-diff').first().locator('ins')).toHaveText(['43']);
  await expectAccessible(p, 'versions dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(reader).toContainText('43 drones');

  // The same address imported again: a newer version, not a second article.
  await p.getByTestId('import-input').setInputFiles([{ name: 'v3.html', mimeType: 'text/html', buffer: page(V3) }]);
  await expect(p.getByRole('region', { name: 'Import progress' })).toContainText('a newer version of');
  await p.getByRole('button', { name: 'Close' }).click();
  await expect(
    p.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Drones over Kyiv/ }),
  ).toHaveCount(1);
  await expect(reader).toContainText('Repair crews restored electricity');
  await reader.getByRole('button', { name: 'Versions (2)' }).click();
  await dialog.getByRole('button', { name: /Until/ }).first().click();
  await expect(dialog.getByRole('region', { name: 'Changes since this version' })).toContainText('Repair crews');
});
