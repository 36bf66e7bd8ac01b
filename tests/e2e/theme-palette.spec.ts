// One palette for light and dark (styles.css, light-dark()): the system's scheme and a theme forced in
// Preferences give the same colours, whichever way round they disagree.
import { expect, test } from '@playwright/test';
import { removeLibrary, startApp, type RunningApp } from './app.js';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app.stop();
  removeLibrary(app);
});

const LIGHT = {
  bg: 'rgb(246, 245, 242)',
  text: 'rgb(31, 35, 40)',
  yellow: 'rgb(253, 230, 138)',
  danger: 'rgb(255, 255, 255)',
};
const DARK = {
  bg: 'rgb(23, 24, 27)',
  text: 'rgb(230, 230, 227)',
  yellow: 'rgb(107, 90, 22)',
  danger: 'rgb(30, 31, 35)',
};

for (const system of ['light', 'dark'] as const) {
  for (const forced of ['system', 'light', 'dark'] as const) {
    test(`system ${system}, theme ${forced}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: system });
      await page.goto(app.url);
      await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
      const seen = await page.evaluate((theme) => {
        if (theme === 'system') delete document.documentElement.dataset.theme;
        else document.documentElement.dataset.theme = theme;
        // A highlight and a destructive button as the app draws them.
        const hl = document.body.appendChild(document.createElement('mark'));
        hl.className = 'hl hl-yellow';
        const danger = document.body.appendChild(document.createElement('button'));
        danger.className = 'danger-button';
        const css = (el: Element) => getComputedStyle(el);
        const out = {
          bg: css(document.body).backgroundColor,
          text: css(document.body).color,
          yellow: css(hl).backgroundColor,
          danger: css(danger).color,
        };
        hl.remove();
        danger.remove();
        return out;
      }, forced);
      const want = (forced === 'system' ? system : forced) === 'dark' ? DARK : LIGHT;
      expect(seen).toEqual(want);
    });
  }
}
