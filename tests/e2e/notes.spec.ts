// Writing notes (issue 12 items 2, 4 and 9): a long note never draws over its preview, a real
// title, one note written across two outlets, [[note title]] links with backlinks and completion,
// GFM in the preview, Escape-then-Tab out of the editor, and a comment on a highlight itself.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot, useAppWithBothSamples } from './app.js';

const MT = /Russia's Use of Iranian Drones in Ukraine 'Appalling': Blinken/;
const RFERL = /Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'/;
const QUOTE =
  'kill Ukrainian civilians and destroy the infrastructure they rely on for electricity, for water, for heat';

useAppWithBothSamples();

const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });
const notes = (page: Page) => page.getByRole('complementary', { name: 'Notes' });

async function openArticle(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: title }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(title);
}

/** Selects a phrase in the reader as a mouse drag would. */
async function selectInReader(page: Page, phrase: string): Promise<void> {
  await page.evaluate((text) => {
    const root = document.querySelector('.reader-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(text);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + text.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`phrase not in reader: ${text}`);
  }, phrase);
}

async function newNote(page: Page): Promise<void> {
  await notes(page).getByRole('button', { name: 'New note' }).click();
  await notes(page).getByRole('textbox', { name: 'Note text (Markdown)' }).click();
}

test('a long note scrolls inside its editor: the preview is never under it, its links stay clickable', async ({
  page,
}) => {
  await openArticle(page, MT);
  await selectInReader(page, QUOTE);
  await page.getByRole('button', { name: 'Highlight yellow' }).click();
  await reader(page).locator('mark.hl').click();
  await newNote(page);
  for (let i = 1; i <= 30; i++) await page.keyboard.insertText(`Line ${i} of a long note.\n`);
  await page.getByRole('dialog', { name: 'Passage' }).getByRole('button', { name: 'Link in note' }).click();
  const editor = notes(page).getByTestId('note-editor');
  const preview = notes(page).getByTestId('note-preview');
  await expect(preview.locator('a.passage-link')).toHaveCount(1);

  for (const height of [900, 1200, 700]) {
    await page.setViewportSize({ width: height === 700 ? 1024 : 1440, height });
    // What is drawn (CodeMirror's editor) ends inside the editor's box, and the box above the preview.
    const drawn = (await editor.locator('.cm-editor').boundingBox())!;
    const e = (await editor.boundingBox())!;
    const p = (await preview.boundingBox())!;
    expect(drawn.y + drawn.height, `editor drawn inside its box at ${height}px`).toBeLessThanOrEqual(
      e.y + e.height + 1,
    );
    expect(e.y + e.height, `editor ends above the preview at ${height}px`).toBeLessThanOrEqual(p.y);
    // The editor's own content scrolls inside it rather than spilling out.
    const spill = await editor.evaluate((el) => {
      const content = el.querySelector('.cm-content')!.getBoundingClientRect();
      const scroller = el.querySelector('.cm-scroller')!;
      return {
        content: content.height,
        box: el.getBoundingClientRect().height,
        scrolls: scroller.scrollHeight > scroller.clientHeight,
      };
    });
    expect(spill.content).toBeGreaterThan(spill.box);
    expect(spill.scrolls).toBe(true);
    // Nothing is drawn over the preview's link: the point at its centre is the link.
    const link = preview.locator('a.passage-link');
    await link.scrollIntoViewIfNeeded();
    const hit = await link.evaluate((a) => {
      const r = a.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('a') === a;
    });
    expect(hit, `preview link is on top at ${height}px`).toBe(true);
    await screenshot(page, `notes-long-note-${height}`);
  }
  await openArticle(page, RFERL);
  await preview.locator('a.passage-link').click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(MT);
  await expect(reader(page).locator('mark.hl')).toHaveClass(/flash/);
});

test('a real title; one note across two outlets; Add note appends or starts a note, as the user chose', async ({
  page,
}) => {
  await openArticle(page, MT);
  await newNote(page);
  await page.keyboard.type('> A quote first, which is not a title\n\nBlinken in Ottawa.\n');
  const title = notes(page).getByRole('textbox', { name: 'Title' });
  await title.fill('Both outlets on the drones');
  await expect(notes(page).getByTestId('save-state')).toHaveText('Saved');
  await expect(notes(page).getByRole('button', { name: /Both outlets on the drones/ })).toBeVisible();

  // Reading the second outlet keeps the note open, and says what Add note will do.
  await openArticle(page, RFERL);
  await expect(title).toHaveValue('Both outlets on the drones');
  const choice = notes(page).getByRole('group', { name: 'Add note from the reader' });
  await expect(choice).toContainText('stays open while you read another article');
  await expect(choice.getByRole('radio', { name: 'appends to this note' })).toBeChecked();
  await selectInReader(page, QUOTE);
  await page.getByRole('button', { name: 'Add note' }).click();
  const preview = notes(page).getByTestId('note-preview');
  await expect(preview.locator('a.passage-link')).toHaveCount(1);
  await expect(preview.locator('a.passage-link')).toContainText('RFE/RL');
  await expect(title).toHaveValue('Both outlets on the drones');
  await expectAccessible(page, 'a note open across two outlets');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'a note open across two outlets, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(page, 'notes-across-outlets-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'notes-across-outlets');

  // The other choice: Add note starts a note on the article being read.
  await choice.getByRole('radio', { name: 'starts a note on its article' }).check();
  await selectInReader(page, 'Blinken said on October 27 during a visit to Ottawa');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(title).not.toHaveValue('Both outlets on the drones');
  await expect(preview.locator('a.passage-link')).toHaveCount(1);
  await expect(preview.locator('a.passage-link')).toContainText('October 27');
  // The choice is remembered.
  await page.reload();
  await openArticle(page, RFERL);
  await expect(
    notes(page).getByRole('group', { name: 'Add note from the reader' }).getByRole('radio', {
      name: 'starts a note on its article',
    }),
  ).toBeChecked();
});

test('[[note title]] links with completion and backlinks; GFM in the preview; Escape then Tab leaves the editor', async ({
  page,
}) => {
  await notes(page).getByRole('button', { name: 'All notes' }).click();
  await newNote(page);
  await notes(page).getByRole('textbox', { name: 'Title' }).fill('Drone deliveries');
  await notes(page).getByRole('textbox', { name: 'Note text (Markdown)' }).click();
  await page.keyboard.type('Iran denies supplying them.\n');
  await expect(notes(page).getByTestId('save-state')).toHaveText('Saved');

  await newNote(page);
  const editor = notes(page).getByRole('textbox', { name: 'Note text (Markdown)' });
  await notes(page).getByRole('textbox', { name: 'Title' }).fill('Synthesis');
  await editor.click();
  await page.keyboard.type('See [[Dro');
  // CodeMirror ignores Enter for 75 ms after the list opens (so fast typing never accepts by accident).
  const option = page.getByRole('listbox', { name: 'Completions' }).getByRole('option', { name: 'Drone deliveries' });
  await expect(option).toBeVisible();
  await option.click();
  await page.keyboard.type(
    ' for the denial.\n\n| Outlet | Word |\n| --- | --- |\n| RFE/RL | appalling |\n\n- [x] read both\n',
  );
  const preview = notes(page).getByTestId('note-preview');
  await expect(preview.locator('a.note-link')).toHaveText('Drone deliveries');
  await expect(preview.locator('td').first()).toHaveText('RFE/RL');
  await expect(preview.locator('.task-box')).toHaveAttribute('aria-label', 'done');
  await expect(notes(page).getByTestId('save-state')).toHaveText('Saved');

  // Tab indents inside the editor; Escape then Tab moves on, as the hint says.
  await expect(notes(page).getByText('then Tab leaves the editor')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();

  // The link opens the note it names, which lists the note linking to it.
  await preview.locator('a.note-link').click();
  await expect(notes(page).getByRole('textbox', { name: 'Title' })).toHaveValue('Drone deliveries');
  const backlinks = notes(page).getByRole('region', { name: 'Linked from' });
  await expect(backlinks.getByRole('button', { name: 'Synthesis' })).toBeVisible();
  await expect(backlinks).toContainText('See [[Drone deliveries]] for the denial.');
  await expectAccessible(page, 'note with backlinks');
  await screenshot(page, 'notes-backlinks');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'note with backlinks, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await screenshot(page, 'notes-backlinks-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await backlinks.getByRole('button', { name: 'Synthesis' }).click();
  await expect(notes(page).getByRole('textbox', { name: 'Title' })).toHaveValue('Synthesis');
});

test('a comment on a highlight, shown and edited on its card, kept after a reload', async ({ page }) => {
  await openArticle(page, MT);
  await selectInReader(page, QUOTE);
  await page.getByRole('button', { name: 'Highlight blue' }).click();
  await reader(page).locator('mark.hl').click();
  const card = page.getByRole('dialog', { name: 'Passage' });
  await card.getByRole('button', { name: 'Comment', exact: true }).click();
  await card.getByRole('textbox', { name: 'Comment on this highlight' }).fill('Same wording in RFE/RL: a wire quote?');
  await card.getByRole('button', { name: 'Save comment' }).click();
  await expect(card.locator('.passage-comment')).toHaveText('Same wording in RFE/RL: a wire quote?');
  await expectAccessible(page, 'passage card with a comment');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'passage card with a comment, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, 'passage-comment');
  await page.reload();
  await openArticle(page, MT);
  await reader(page).locator('mark.hl').click();
  await expect(card.locator('.passage-comment')).toHaveText('Same wording in RFE/RL: a wire quote?');
  await card.getByRole('button', { name: 'Edit comment' }).click();
  await card.getByRole('textbox', { name: 'Comment on this highlight' }).fill('');
  await card.getByRole('button', { name: 'Save comment' }).click();
  await expect(card.locator('.passage-comment')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Comment', exact: true })).toBeVisible();
});
