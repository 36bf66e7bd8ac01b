// Renders the README's screenshots from a real session in browser mode:
// `npx tsx scripts/screenshots.ts` (needs a build and Chromium).
import { chromium } from '@playwright/test';
import path from 'node:path';
import { startApp, SAMPLES, removeLibrary } from '../tests/e2e/app.js';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.js';

const out = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

const app = await startApp();
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: CHROMIUM_ARGS,
});
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await page.goto(app.url);
    if (scheme === 'light') {
      await page.getByTestId('import-input').setInputFiles([SAMPLES.moscowTimes, SAMPLES.rferl]);
      await page.getByRole('button', { name: 'Close' }).click();
      await page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('button', { name: /Russia's Use of Iranian/ })
        .click();
      await page.evaluate((text) => {
        const root = document.querySelector('.reader-text')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent!.indexOf(text);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + text.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(r);
          root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
      }, QUOTE);
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.keyboard.type(
        '\n\nBoth outlets carry this quote word for word; RFE/RL dates the Ottawa visit to **October 27**.',
      );
      await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    } else {
      await page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('button', { name: /Russia's Use of Iranian/ })
        .click();
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, `scholia-${scheme}.png`) });
    if (scheme === 'light') {
      await page.getByRole('combobox', { name: /Search/ }).fill('drones appalling');
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(out, 'scholia-search.png') });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await app.stop();
  removeLibrary(app);
}
