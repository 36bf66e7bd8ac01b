// The JSON backup round trip on the real library store (openCore on temporary
// folders): everything a user has, trash and settings included, comes back
// identical in an empty library, survives a restart there, and what was in the
// trash can be brought back from it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context.js';
import { type Core, openCore } from '../../../electron/core/core.js';
import { detectInterchange, importInterchange } from '../../../electron/core/interop/api.js';
import { exportToPath } from '../../../electron/core/export/write.js';
import type { ArticleBody, ArticleMeta, Note } from '../../../electron/core/model.js';
import { fillSample, QUOTE, tmpDir } from '../export/library.js';
import { passageAt } from '../store/helpers.js';

const opened: Core[] = [];
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

async function open(dir: string): Promise<Core> {
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  opened.push(core);
  return core;
}

/** Everything a user could notice, read back through the store. */
async function snapshot(ctx: CoreContext) {
  const { store } = ctx;
  return {
    articles: await Promise.all(
      store.listArticles().map(async (meta) => ({ meta, body: await store.getArticleBody(meta.id) })),
    ),
    passages: store.listPassages(),
    notes: await Promise.all(store.listNotes().map((n) => store.getNote(n.id))),
    settings: store.listSettings(),
    trash: store.listTrash(),
    trashed: await store.getTrashItems(),
  };
}

const T = '2026-11-20T08:00:00.000Z';

/** Generated articles unlike the samples: HTML with removed boilerplate, non-Latin text, a fingerprint. */
function generated(i: number): { meta: ArticleMeta; body: ArticleBody } {
  const id = `a_gen${i}`;
  const paragraphs = [
    `Report ${i}: Київ says the drones came in waves — «Shahed» units, launched at night.`,
    `Second paragraph of report ${i}, with "quotes", emoji 🛰️ and a tab\tinside.`,
    `Closing paragraph ${i}.`,
  ];
  const text = paragraphs.join('\n\n');
  const html = paragraphs.map((p) => `<p>${p}</p>`).join('');
  return {
    meta: {
      id,
      title: `Generated report ${i}`,
      source: i % 2 ? 'Kyiv Independent' : '',
      author: i % 2 ? 'Staff' : '',
      published: i % 2 ? '2022-10-1' + i : null,
      url: i % 2 ? `https://example.org/report/${i}` : '',
      lang: i % 2 ? 'uk' : 'en',
      tags: i % 2 ? ['ukraine/drones', 'generated'] : [],
      words: text.split(/\s+/).length,
      format: 'html',
      origin: `report-${i}.html`,
      contentHash: `hash-gen-${i}`,
      ...(i % 2 ? { fingerprint: `fp-${i}` } : {}),
      addedAt: T,
      updatedAt: T,
    },
    body: {
      id,
      text,
      removed: [
        {
          id: `r_gen${i}`,
          text: 'Subscribe to our newsletter!',
          reason: 'newsletter prompt',
          at: paragraphs[0]!.length,
        },
      ],
      original: `<html><body><div class="promo">Subscribe to our newsletter!</div>${html}</body></html>`,
      html,
    },
  };
}

/** The sample library plus generated articles, orphaned passages, linked notes, settings and a trash of each kind. */
async function buildLibrary(ctx: CoreContext): Promise<void> {
  const { store } = ctx;
  await fillSample(ctx);
  const gens = [1, 2, 3].map(generated);
  for (const g of gens) await store.putArticle(g.meta, g.body);
  const [g1, g2, g3] = gens as [(typeof gens)[0], (typeof gens)[0], (typeof gens)[0]];
  await store.putPassages([
    passageAt('p_g1', g1.meta.id, g1.body.text, 0, 9, { tags: ['kyiv'], color: 'green' }),
    // Orphans: their quote is no longer in the text (it was edited upstream); they must survive as they are.
    {
      ...passageAt('p_orphan1', g1.meta.id, g1.body.text, 10, 20),
      quote: { type: 'TextQuoteSelector', exact: 'a sentence that was rewritten', prefix: 'before ', suffix: ' after' },
      state: 'orphan',
    },
    { ...passageAt('p_orphan2', g2.meta.id, g2.body.text, 5, 15), state: 'orphan', color: 'red' },
    passageAt('p_fuzzy', g2.meta.id, g2.body.text, 20, 40, { state: 'fuzzy' }),
    passageAt('p_g3a', g3.meta.id, g3.body.text, 0, 12),
    passageAt('p_g3b', g3.meta.id, g3.body.text, 14, 30, { tags: ['to-check'] }),
  ]);
  const notes: Note[] = [
    {
      id: 'n_gen',
      title: 'Waves of drones',
      articleId: g1.meta.id,
      tags: ['ukraine/drones'],
      createdAt: T,
      updatedAt: '2026-11-21T08:00:00.000Z',
      body: `See [the waves](scholia://passage/p_g1) and the lost one [here](scholia://passage/p_orphan1).\n\nAlso [the quote](scholia://passage/p_mt): ${QUOTE}.\n`,
    },
    {
      id: 'n_trash',
      title: 'A note I deleted',
      articleId: null,
      tags: ['draft'],
      createdAt: T,
      updatedAt: T,
      body: '# Draft\n\nLinks to [report 3](scholia://passage/p_g3a); unicode — ✓.\n',
    },
  ];
  for (const n of notes) await store.putNote(n);
  await store.setSetting('firstRunDone', true);
  await store.setSetting('ui', { theme: 'dark', fontSize: 17, panes: ['library', 'reader'] });
  await store.setSetting('lastExportDir', null);
  // The trash: an article (its two passages go with it), a note, and a passage of a live article.
  await store.trashArticle(g3.meta.id);
  await store.trashNote('n_trash');
  await store.trashPassage('p_orphan2');
}

describe('JSON backup round trip on the library store', () => {
  it('restores an identical library, trash and settings included, into an empty one', async () => {
    const source = await open(path.join(tmpDir(), 'library'));
    await buildLibrary(source.ctx);
    const before = await snapshot(source.ctx);
    // What the library holds, so the comparison below cannot pass on an empty library.
    expect(before.articles.map((a) => a.meta.id)).toEqual(['a_mt', 'a_rferl', 'a_gen1', 'a_gen2']);
    expect(before.passages.map((p) => [p.id, p.state])).toEqual([
      ['p_mt', 'anchored'],
      ['p_rferl', 'anchored'],
      ['p_g1', 'anchored'],
      ['p_orphan1', 'orphan'],
      ['p_fuzzy', 'fuzzy'],
    ]);
    expect(before.trash.map((t) => [t.kind, t.id])).toEqual([
      ['article', 'a_gen3'],
      ['note', 'n_trash'],
      ['passage', 'p_orphan2'],
    ]);

    const file = path.join(tmpDir(), 'backup.json');
    await exportToPath(source.ctx, { format: 'json', scope: {}, out: file });
    const bytes = new Uint8Array(readFileSync(file));
    expect(detectInterchange(bytes, 'backup.json')).toBe('scholia-backup');

    const targetDir = path.join(tmpDir(), 'library');
    const target = await open(targetDir);
    const result = await importInterchange(target.ctx, 'scholia-backup', bytes);
    expect(result).toEqual({
      status: 'imported',
      kind: 'scholia-backup',
      articles: 4,
      notes: 3,
      passages: 5,
      trash: 3,
      settings: 3,
      warnings: [],
    });
    expect(await snapshot(target.ctx)).toEqual(before);
    // The trashed contents came across whole: the article's text and passages, the note's text.
    const trashed = before.trashed;
    expect(trashed[0]!.article!.body!.text).toContain('Report 3');
    expect(trashed[0]!.article!.passages.map((p) => p.id)).toEqual(['p_g3a', 'p_g3b']);
    expect(trashed[1]!.note!.body).toContain('# Draft');

    // Durable: the same after the restored library is closed and opened again.
    await target.close();
    opened.splice(opened.indexOf(target), 1);
    const reopened = await open(targetDir);
    expect(await snapshot(reopened.ctx)).toEqual(before);

    // Restoring from the trash brings the article back with its text and passages, and the note with its text.
    const { store } = reopened.ctx;
    await store.restoreFromTrash('a_gen3');
    await store.restoreFromTrash('n_trash');
    expect(await store.getArticleBody('a_gen3')).toEqual(generated(3).body);
    expect(store.listPassages('a_gen3').map((p) => p.id)).toEqual(['p_g3a', 'p_g3b']);
    expect((await store.getNote('n_trash'))!.body).toBe(
      '# Draft\n\nLinks to [report 3](scholia://passage/p_g3a); unicode — ✓.\n',
    );
    expect(store.listTrash().map((t) => t.id)).toEqual(['p_orphan2']);
    // ... exactly as the same restore does in the original library.
    await source.ctx.store.restoreFromTrash('a_gen3');
    await source.ctx.store.restoreFromTrash('n_trash');
    expect(await snapshot(reopened.ctx)).toEqual(await snapshot(source.ctx));
  });

  it('refuses a backup whose trash lists an item without its contents, and imports nothing', async () => {
    const target = await open(path.join(tmpDir(), 'library'));
    const backup = {
      format: 'scholia-backup',
      version: 1,
      exportedAt: T,
      complete: true,
      articles: [],
      passages: [],
      notes: [{ id: 'n_1', title: 'x', articleId: null, tags: [], createdAt: T, updatedAt: T, body: 'x' }],
      trash: { entries: [], items: [{ id: 'a_x', kind: 'article', title: 'Lost', deletedAt: T }] },
      settings: {},
    };
    await expect(importInterchange(target.ctx, 'scholia-backup', backup)).rejects.toThrow(
      /trash\.items\.0\.article: missing: the trashed item comes without its contents.*Nothing was imported/,
    );
    expect(target.ctx.store.listNotes()).toEqual([]);
    expect(target.ctx.store.listTrash()).toEqual([]);
  });
});
