// The desktop app itself, driven through Playwright's _electron. Runs where Electron's binary is
// installed (a developer's machine, the CI runners); here it skips and prints why. In CI
// (SCHOLIA_REQUIRE_ELECTRON=1) a missing binary fails instead of skipping.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ROOT, SAMPLES } from './app.js';

function electronBinary(): { path?: string; reason?: string } {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return { reason: `the Electron binary was never downloaded (${pathFile} is missing)` };
    const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (!existsSync(bin)) return { reason: `the Electron binary ${bin} is missing` };
    return { path: bin };
  } catch (err) {
    return { reason: `the electron package is not installed (${(err as Error).message})` };
  }
}

const found = electronBinary();
const MAIN = path.join(ROOT, 'dist', 'electron', 'main.cjs');

test.beforeEach(() => {
  if (found.path) return;
  if (process.env.SCHOLIA_REQUIRE_ELECTRON) throw new Error(`Electron is required here but ${found.reason}`);
  console.log(`SKIPPED electron end-to-end test: ${found.reason}. It runs where Electron's binary is installed.`);
  test.skip(true, found.reason);
});

/** One desktop profile: a library and a user-data folder (preferences, window state, log), reused across launches. */
function profile() {
  const base = mkdtempSync(path.join(os.tmpdir(), 'scholia-electron-'));
  const env = {
    ...process.env,
    SCHOLIA_LIBRARY: path.join(base, 'library'),
    SCHOLIA_USER_DATA: path.join(base, 'user-data'),
  } as Record<string, string>;
  return {
    base,
    env,
    /** Starts the app as the OS would, with extra arguments (files, links) after the script. */
    launch: (extra: string[] = [], envOverride: Record<string, string> = {}) =>
      electron.launch({
        executablePath: found.path,
        args: [MAIN, '--no-sandbox', ...extra],
        env: { ...env, ...envOverride },
      }),
    /** A second launch, as a click on a link does while Scholia runs: it must hand over and exit. */
    secondInstance: (extra: string[]) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(found.path!, [MAIN, '--no-sandbox', ...extra], { env, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code));
      }),
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const notesPane = (page: Page) => page.getByRole('complementary', { name: 'Notes' });

async function quit(app: ElectronApplication): Promise<void> {
  const closed = new Promise<void>((resolve) => app.once('close', () => resolve()));
  await app.evaluate(({ app: a }) => a.quit());
  await closed;
}

test('first run: the window shows the welcome article, with the security checklist observable from the page', async () => {
  const p = profile();
  try {
    const app = await p.launch();
    const page = await app.firstWindow();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(
      await page.evaluate(
        () => typeof (window as unknown as { scholia: { listArticles: unknown } }).scholia.listArticles,
      ),
    ).toBe('function');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Scholia' })).toBeVisible();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      return { visible: w.isVisible(), url: w.webContents.getURL() };
    });
    expect(prefs).toEqual({ visible: true, url: 'scholia-app://app/index.html' });
    await quit(app);
  } finally {
    p.cleanup();
  }
});

test('import, write a note, restart: all still there', async () => {
  const p = profile();
  try {
    let app = await p.launch();
    let page = await app.firstWindow();
    await page.getByTestId('import-input').setInputFiles([SAMPLES.rferl]);
    await expect(page.getByTestId('import-counts')).toHaveText('1 imported · 0 duplicate · 0 failed');
    await notesPane(page).getByRole('button', { name: 'New note' }).click();
    await notesPane(page).getByRole('textbox', { name: 'Note text (Markdown)' }).click();
    await page.keyboard.type('# Desktop note');
    await expect(notesPane(page).getByTestId('save-state')).toHaveText('Saved');
    await quit(app);

    app = await p.launch();
    page = await app.firstWindow(); // locators below belong to the new window
    await expect(library(page)).toContainText('Blinken Calls');
    await notesPane(page).getByRole('button', { name: 'All notes' }).click();
    await expect(notesPane(page)).toContainText('Desktop note');
    await quit(app);
  } finally {
    p.cleanup();
  }
});

test('"Open with Scholia": a file given on the command line is imported, and again reported as a duplicate', async () => {
  const p = profile();
  try {
    const app = await p.launch([SAMPLES.rferl]);
    const page = await app.firstWindow();
    await expect(library(page)).toContainText('Blinken Calls');
    // The same file handed over by a second launch (Windows/Linux "Open with" while running).
    expect(await p.secondInstance([SAMPLES.rferl])).toBe(0);
    await expect(page.getByText(/already in your library|duplicate/i).first()).toBeVisible();
    expect(await page.evaluate(() => window.scholia.listArticles().then((a) => a.length))).toBe(2); // welcome + sample
    await quit(app);
  } finally {
    p.cleanup();
  }
});

test('scholia:// links open the passage, with the app closed and while it runs; an unknown id says so', async () => {
  const p = profile();
  try {
    let app = await p.launch([SAMPLES.rferl]);
    let page = await app.firstWindow();
    await expect(library(page)).toContainText('Blinken Calls');
    const passageId = await page.evaluate(async () => {
      const [a] = (await window.scholia.listArticles()).filter((x) => x.title.includes('Blinken'));
      return (await window.scholia.addPassage({ articleId: a!.id, start: 0, end: 30 })).id;
    });
    await quit(app);

    // Closed: the link starts the app, which opens the passage once the library is open.
    app = await p.launch([`scholia://passage/${passageId}`]);
    page = await app.firstWindow();
    await expect(page.locator(`mark[data-passage-ids~="${passageId}"]`).first()).toBeInViewport();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Blinken');

    // Running: a second launch hands the link over and exits; the first window shows the passage.
    await page.getByRole('heading', { level: 1 }).evaluate((h) => h.scrollIntoView());
    expect(await p.secondInstance([`scholia://passage/${passageId}`])).toBe(0);
    await expect(page.locator(`mark[data-passage-ids~="${passageId}"]`).first()).toBeInViewport();

    expect(await p.secondInstance(['scholia://passage/p_doesnotexist'])).toBe(0);
    await expect(page.getByText(/passage p_doesnotexist, which is not in this library/)).toBeVisible();
    await quit(app);
  } finally {
    p.cleanup();
  }
});

test('quitting right after typing keeps the text', async () => {
  const p = profile();
  try {
    let app = await p.launch();
    let page = await app.firstWindow();
    await notesPane(page).getByRole('button', { name: 'New note' }).click();
    await notesPane(page).getByRole('textbox', { name: 'Note text (Markdown)' }).click();
    await page.keyboard.type('Typed just before quitting');
    // No wait for "Saved": the autosave (600 ms) has not run yet when the app is told to quit.
    await quit(app);

    app = await p.launch();
    page = await app.firstWindow();
    const bodies = await page.evaluate(async () => {
      const notes = await window.scholia.listNotes();
      return Promise.all(notes.map((n) => window.scholia.getNote(n.id).then((x) => x?.body ?? '')));
    });
    expect(bodies.join('\n')).toContain('Typed just before quitting');
    await quit(app);
  } finally {
    p.cleanup();
  }
});

test('the window comes back at its size and place, and maximised', async () => {
  const p = profile();
  try {
    let app = await p.launch();
    await app.firstWindow();
    await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 60, width: 1000, height: 700 }),
    );
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds().width))
      .toBe(1000);
    await quit(app);

    app = await p.launch();
    await app.firstWindow();
    const b = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
    expect({ width: b.width, height: b.height }).toEqual({ width: 1000, height: 700 });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.maximize());
    await quit(app);

    app = await p.launch();
    await app.firstWindow();
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isMaximized()))
      .toBe(true);
    await quit(app);
  } finally {
    p.cleanup();
  }
});

test('Preferences: a new library, then back to the first, without restarting', async () => {
  const p = profile();
  try {
    const app = await p.launch([SAMPLES.rferl]);
    const page = await app.firstWindow();
    await expect(library(page)).toContainText('Blinken Calls');
    const second = path.join(p.base, 'second-library');
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+,' : 'Control+,');
    const dialog = page.getByRole('dialog', { name: 'Preferences' });
    await dialog.getByLabel('Library folder').fill(second);
    await dialog.getByRole('button', { name: 'New library' }).click();
    await expect(library(page)).not.toContainText('Blinken Calls');
    expect(await page.evaluate(() => window.scholia.getInfo().then((i) => i.libraryDir))).toBe(second);

    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+,' : 'Control+,');
    await page
      .getByRole('dialog', { name: 'Preferences' })
      .getByRole('button', { name: p.env.SCHOLIA_LIBRARY! })
      .click();
    await expect(library(page)).toContainText('Blinken Calls');
    await quit(app);
  } finally {
    p.cleanup();
  }
});
