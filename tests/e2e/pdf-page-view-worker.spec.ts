// The page view's PDF.js worker is started once, as a PDF article opens, and serves every switch to
// the pages: a worker per switch loaded PDF.js's worker code (1.3 MB) again each time before page 1
// could be drawn (bench/pdf-paint.bench.ts times that first paint). The file itself is asked for as
// the article opens, once, and serves every switch.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURES, useFreshApp } from './app.js';

const app = useFreshApp();

test('switching to the pages three times starts one PDF.js worker, page 1 painted each time', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(app().url);
  await page.getByTestId('import-input').setInputFiles([path.join(FIXTURES, 'pdf', 'two-column.pdf')]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  for (let i = 0; i < 3; i++) {
    await reader.getByRole('button', { name: 'Page view' }).click();
    const first = reader.getByRole('region', { name: 'Pages of the PDF' }).locator('.pdf-page[data-page="1"]');
    await expect(first).toHaveAttribute('data-painted', 'true');
    await reader.getByRole('button', { name: 'Text view' }).click();
    await expect(reader.getByRole('region', { name: 'Article text' })).toBeVisible();
  }
  expect(workers.filter((u) => u.includes('pdf.worker'))).toHaveLength(1);
});

test('the PDF is fetched once, as its article opens: switching to the pages fetches nothing more', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => r.url().endsWith('/api/getArticlePdf') && fetched.push(r.url()));
  await page.goto(app().url);
  await page.getByTestId('import-input').setInputFiles([path.join(FIXTURES, 'pdf', 'two-column.pdf')]);
  await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
  await page.getByRole('button', { name: 'Close' }).click();
  const reader = page.getByRole('main', { name: 'Reader' });
  await expect(reader.getByRole('button', { name: 'Page view' })).toBeVisible();
  await expect.poll(() => fetched.length).toBe(1);
  for (let i = 0; i < 2; i++) {
    await reader.getByRole('button', { name: 'Page view' }).click();
    const first = reader.getByRole('region', { name: 'Pages of the PDF' }).locator('.pdf-page[data-page="1"]');
    await expect(first).toHaveAttribute('data-painted', 'true');
    await reader.getByRole('button', { name: 'Text view' }).click();
    await expect(reader.getByRole('region', { name: 'Article text' })).toBeVisible();
  }
  expect(fetched).toHaveLength(1);
});
