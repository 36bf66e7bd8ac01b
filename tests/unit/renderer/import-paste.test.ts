// Pasting an article (issue 12, item 3): a copied web page is imported from its HTML, keeping the
// page's title and outlet; the store opens what was imported and keeps the dialog open when nothing was.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleDetail, ImportResult, PasteInput, ScholiaApi } from '../../../electron/core/api.js';
import { openCore, type Core } from '../../../electron/core/core.js';
import { createAppStore } from '../../../renderer/src/state/app-store.js';
import { FIXTURES } from '../../sample-text.js';

const ARS = readFileSync(path.join(FIXTURES, 'ars-1-minecraft-exploit.html'), 'utf8');
const ARS_TITLE = 'Just-released Minecraft exploit makes it easy to crash game servers';

function storeWith(answer: (input: PasteInput) => Promise<ImportResult>) {
  const asked: PasteInput[] = [];
  const core = {
    listArticles: async () => [],
    listNotes: async () => [],
    listTags: async () => [],
    listPassages: async () => [],
    getArticle: async (id: string) => ({ id, title: 'Opened', text: '' }) as unknown as ArticleDetail,
    importPaste: (input: PasteInput) => {
      asked.push(input);
      return answer(input);
    },
  } as unknown as ScholiaApi;
  const store = createAppStore(() => core, { toastMs: { info: 10, error: 10 } });
  store.actions.openDialog('paste');
  return { store, asked };
}

describe('importPaste in the store', () => {
  it('sends the clipboard HTML with the text, opens the imported article and closes the dialog', async () => {
    const { store, asked } = storeWith(async () => ({ path: 'p', status: 'imported', id: 'a1', title: ARS_TITLE }));
    await store.actions.importPaste('plain words', '<p>page</p>');
    expect(asked).toEqual([{ text: 'plain words', html: '<p>page</p>' }]);
    expect(store.get().dialog).toBeNull();
    expect(store.get().articleId).toBe('a1');
    expect(store.get().toasts.map((t) => t.text)).toEqual([`Imported “${ARS_TITLE}”`]);
  });

  it('keeps the dialog (and what was pasted) open when nothing could be imported', async () => {
    const { store } = storeWith(async () => ({ path: 'p', status: 'failed', error: 'no text found' }));
    await store.actions.importPaste('   x');
    expect(store.get().dialog).toBe('paste');
    expect(store.get().toasts.map((t) => [t.kind, t.text])).toEqual([['error', 'Nothing imported: no text found']]);
  });

  it('keeps the dialog open when the core fails, with the reason in an error toast', async () => {
    const { store } = storeWith(async () => {
      throw new Error('The library is locked by another process.');
    });
    await store.actions.importPaste('text');
    expect(store.get().dialog).toBe('paste');
    expect(store.get().toasts[0]?.text).toBe('The library is locked by another process.');
  });
});

describe('importPaste in the core', () => {
  let dir: string;
  let core: Core;
  afterEach(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a copied web page from its HTML: the page title and outlet, not the raw page text', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-paste-'));
    core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
    // What the clipboard's text/plain holds for a whole copied page: the navigation comes first.
    const text = 'Sections\nSEARCH\nSkip to content\n' + ARS.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const r = await core.api.importPaste({ text, html: ARS });
    expect(r.status).toBe('imported');
    const a = await core.api.getArticle(r.id!);
    expect(a?.title).toBe(ARS_TITLE);
    expect(a?.source).toBe('Ars Technica');
    expect(a?.text).toContain('Minecraft');
    expect(a?.text.startsWith('Sections')).toBe(false);
  });

  it('imports plain text when the clipboard had no HTML', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-paste-'));
    core = await openCore({ libraryDir: path.join(dir, 'library'), mode: 'cli' });
    const text = readFileSync(path.join(FIXTURES, 'moscow-times-blinken-iranian-drones.txt'), 'utf8');
    const r = await core.api.importPaste({ text });
    expect(r.status).toBe('imported');
    const a = await core.api.getArticle(r.id!);
    expect(a?.text).toContain('kill Ukrainian civilians');
  });
});
