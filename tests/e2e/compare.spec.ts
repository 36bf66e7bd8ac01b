// Where several sources carry the same passage: the reader says so, and the
// two articles compare side by side with shared passages marked and aligned.
import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, useAppWithBothSamples } from './app.js';

useAppWithBothSamples();

test('the two outlets are found to share the Blinken quote and compare side by side', async ({ page }) => {
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Russia's Use of Iranian/ })
    .click();

  const shared = page.getByRole('region', { name: 'Other sources carrying passages of this article' });
  await expect(shared).toContainText('RFE/RL');
  await shared.getByRole('button', { name: 'Compare side by side' }).click();

  const view = page.getByRole('region', { name: 'Compare two articles side by side' });
  await expect(view.getByRole('heading', { level: 3 })).toHaveText([
    "Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken",
    "Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'",
  ]);
  const quote = view.locator('mark.shared-exact', { hasText: 'kill Ukrainian civilians' });
  await expect(quote).toHaveCount(2);
  await expect(view.locator('mark.shared-near', { hasText: 'Canada and the United States' })).toHaveCount(2);
  // Jumping from one side brings its counterpart into view on the other.
  await quote.first().getByRole('button').click();
  await expect(quote.nth(1)).toBeInViewport();
  await expectAccessible(page, 'side-by-side comparison');
  await screenshot(page, 'compare-side-by-side');
  await view.getByRole('button', { name: 'Close comparison' }).click();
  await expect(page.getByRole('main', { name: 'Reader' })).toBeVisible();
});
