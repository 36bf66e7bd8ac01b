// Hostile backups and annotation files: checked in full before anything is
// written (E), ids that could escape the library or an export refused (B and
// "hostile files"), links only http(s)/doi (C), and a restore that fails part
// way leaves nothing behind and can be tried again (F).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../../electron/core/core.js';
import { InvalidArgumentsError } from '../../../electron/core/contract.js';
import { renderExport } from '../../../electron/core/export/run.js';
import { importInterchange } from '../../../electron/core/interop/api.js';
import { StoreError } from '../../../electron/core/store/types.js';
import { fillSample, tmpDir } from '../export/library.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const opened: Core[] = [];
afterAll(async () => {
  for (const c of opened.splice(0)) await c.close();
});
async function open(dir: string): Promise<Core> {
  const core = await openCore({ libraryDir: dir, mode: 'cli' });
  opened.push(core);
  return core;
}

/** A real backup of the sample library, as parsed JSON to be spoiled by each test. */
async function sampleBackup(): Promise<Json> {
  const source = await open(path.join(tmpDir('scholia-hostile-'), 'source'));
  await fillSample(source.ctx);
  const { files } = await renderExport(source.ctx, { format: 'json', scope: {} });
  return JSON.parse(files[0]!.text!) as Json;
}

/** Everything under a folder, relative (library files and anything written beside it). */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** An empty library in a fresh folder, and a snapshot of what is on disk around it. */
async function emptyTarget() {
  const outer = tmpDir('scholia-hostile-');
  const dir = path.join(outer, 'nested', 'library');
  const core = await open(dir);
  const before = tree(outer);
  return { core, outer, dir, before };
}

function expectEmpty(core: Core): void {
  const { store } = core.ctx;
  expect(store.listArticles()).toEqual([]);
  expect(store.listNotes()).toEqual([]);
  expect(store.listPassages()).toEqual([]);
  expect(store.listTrash()).toEqual([]);
}

describe('E: a backup is checked in full before anything is written', () => {
  const spoilers: Array<[string, (b: Json) => void, RegExp]> = [
    ['a null quote', (b) => (b.passages[0].quote = null), /passages\.0\.quote/],
    [
      'a passage without selectors',
      (b) => {
        delete b.passages[1].quote;
        delete b.passages[1].position;
      },
      /passages\.1\.quote/,
    ],
    ['a passage of an article not in the backup', (b) => (b.passages[0].articleId = 'a_gone'), /a_gone/],
    ['a note whose body is not text', (b) => (b.notes[1].body = { html: '<b>' }), /notes\.1\.body/],
    ['an article with a negative word count', (b) => (b.articles[0].meta.words = -1), /articles\.0\.meta\.words/],
    ['the same article twice', (b) => b.articles.push(b.articles[0]), /a_mt appears twice/],
  ];
  for (const [what, spoil, message] of spoilers) {
    it(`refuses ${what}, and writes nothing`, async () => {
      const backup = await sampleBackup();
      spoil(backup);
      const { core, outer, before } = await emptyTarget();
      await expect(importInterchange(core.ctx, 'scholia-backup', backup)).rejects.toThrow(message);
      await expect(importInterchange(core.ctx, 'scholia-backup', backup)).rejects.toThrow(/Nothing was imported/);
      expectEmpty(core);
      expect(tree(outer)).toEqual(before);
    });
  }

  it('a settings key "__proto__" reaches no prototype', async () => {
    const backup = await sampleBackup();
    backup.settings = JSON.parse('{"__proto__": {"polluted": 1}, "ui": {"theme": "dark"}}');
    const { core } = await emptyTarget();
    await importInterchange(core.ctx, 'scholia-backup', backup);
    expect(core.ctx.store.listSettings()).toEqual({ ui: { theme: 'dark' } });
    expect(({} as Json).polluted).toBeUndefined();
  });

  it('drops fields it does not know instead of passing them through', async () => {
    const backup = await sampleBackup();
    backup.articles[0].meta.onload = 'alert(1)';
    backup.passages[0].html = '<img src=x onerror=alert(1)>';
    const { core } = await emptyTarget();
    await importInterchange(core.ctx, 'scholia-backup', backup);
    expect(core.ctx.store.getArticleMeta('a_mt')).not.toHaveProperty('onload');
    expect(core.ctx.store.getPassage('p_mt')).not.toHaveProperty('html');
  });
});

describe('B and hostile files: ids from a backup or annotation file', () => {
  const hostileIds = [
    'p_x"><img src=x onerror=alert(8)><a href="',
    '../../../escaped',
    '..\\..\\escaped',
    '/tmp/absolute',
    'C:\\Windows\\evil',
    'CON',
    'nul',
    'LPT1',
    'a'.repeat(300),
    '',
  ];
  const places: Array<[string, (b: Json, id: string) => void]> = [
    ['passage id', (b, id) => (b.passages[0].id = id)],
    [
      'article id',
      (b, id) => {
        b.articles[0].meta.id = id;
        b.articles[0].body.id = id;
      },
    ],
    ['note id', (b, id) => (b.notes[0].id = id)],
    ['note article id', (b, id) => (b.notes[1].articleId = id)],
  ];
  for (const [where, put] of places) {
    it(`refuses a backup with a hostile ${where}, and writes nothing inside or outside the library`, async () => {
      const { core, outer, before } = await emptyTarget();
      for (const id of hostileIds) {
        const backup = await sampleBackup();
        put(backup, id);
        await expect(importInterchange(core.ctx, 'scholia-backup', backup), JSON.stringify(id)).rejects.toThrow(
          /Nothing was imported/,
        );
      }
      expectEmpty(core);
      expect(tree(outer)).toEqual(before);
    });
  }

  it('putPassages refuses an id that is not safe, whoever calls it', async () => {
    const core = await open(path.join(tmpDir('scholia-hostile-'), 'lib'));
    await fillSample(core.ctx);
    const p = core.ctx.store.getPassage('p_mt')!;
    for (const id of hostileIds) {
      expect(() => core.ctx.store.putPassages([{ ...p, id }])).toThrow(StoreError);
    }
    expect(() => core.ctx.store.putPassages([{ ...p, id: 'p_new', articleId: '../x' }])).toThrow(StoreError);
    expect(core.ctx.store.listPassages().map((x) => x.id)).toEqual(['p_mt', 'p_rferl']);
  });

  it('an annotation file with hostile ids attaches its highlights under ids of our own', async () => {
    const outer = tmpDir('scholia-hostile-');
    const core = await open(path.join(outer, 'library'));
    await fillSample(core.ctx);
    const before = new Set(tree(outer));
    const article = core.ctx.store.getArticleMeta('a_mt')!;
    const ids = ['../../../escaped', '/etc/passwd', 'CON', 'p_x"><img src=x onerror=alert(1)>'];
    const quotes = ['electricity', 'for water', 'for heat', 'the infrastructure'];
    const items = ids.map((id, i) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'Annotation',
      body: [{ type: 'TextualBody', value: `comment from ${id}`, purpose: 'commenting', id }],
      target: { source: article.url, id, selector: [{ type: 'TextQuoteSelector', exact: quotes[i] }] },
    }));
    const r = await importInterchange(core.ctx, 'w3c', items);
    expect(r).toMatchObject({ passages: 4, notes: 4, duplicates: 0 });
    for (const p of core.ctx.store.listPassages()) expect(p.id).toMatch(/^p_[a-z0-9]{12}$|^p_(mt|rferl)$/);
    for (const n of core.ctx.store.listNotes()) expect(n.id).toMatch(/^n_[a-z0-9]{12}$|^n_(synth|mt)$/);
    // New files only inside the library's own folders.
    const added = tree(outer).filter((f) => !before.has(f));
    for (const f of added) expect(f).toMatch(/^library\/(notes|articles|journal|backups|library)/);
  });
});

describe('C: article links are http(s) or doi: everywhere', () => {
  it('a backup keeps web and doi links and drops others with a warning', async () => {
    const backup = await sampleBackup();
    backup.articles[0].meta.url = 'javascript:alert(document.domain)';
    backup.articles[1].meta.url = 'doi:10.1000/182';
    const { core } = await emptyTarget();
    const r = (await importInterchange(core.ctx, 'scholia-backup', backup)) as { warnings: string[] };
    expect(core.ctx.store.getArticleMeta('a_mt')!.url).toBe('');
    expect(core.ctx.store.getArticleMeta('a_rferl')!.url).toBe('doi:10.1000/182');
    expect(r.warnings.join('\n')).toMatch(/link "javascript:alert\(document.domain\)" was dropped/);
  });

  it('updateArticle refuses a javascript: link with a clear message and keeps the old one', async () => {
    const core = await open(path.join(tmpDir('scholia-hostile-'), 'lib'));
    await fillSample(core.ctx);
    const url = core.ctx.store.getArticleMeta('a_mt')!.url;
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>',
      'file:///etc/passwd',
      'jav\tascript:x',
    ]) {
      await expect(core.api.updateArticle('a_mt', { url: bad })).rejects.toThrow(InvalidArgumentsError);
    }
    await expect(core.api.updateArticle('a_mt', { url: 'vbscript:x' })).rejects.toThrow(/http\(s\) address or a doi:/);
    expect(core.ctx.store.getArticleMeta('a_mt')!.url).toBe(url);
    await core.api.updateArticle('a_mt', { url: 'https://example.org/new' });
    expect(core.ctx.store.getArticleMeta('a_mt')!.url).toBe('https://example.org/new');
  });

  it('Markdown front matter and JSON Lines imports keep the article and drop a javascript: link', async () => {
    const core = await open(path.join(tmpDir('scholia-hostile-'), 'lib'));
    const md = `---\ntitle: Front matter\nurl: "javascript:alert(1)"\n---\n\nSome words of the article body here.\n`;
    const jsonl = [
      JSON.stringify({ title: 'Line one', text: 'First article text, long enough.', url: 'javascript:alert(2)' }),
      JSON.stringify({ title: 'Line two', text: 'Second article text, long enough.', url: 'https://example.org/2' }),
    ].join('\n');
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const results = await core.api.importFiles([
      { name: 'front.md', dataBase64: b64(md) },
      { name: 'lines.jsonl', dataBase64: b64(jsonl) },
    ]);
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    const urls = Object.fromEntries(core.ctx.store.listArticles().map((a) => [a.title, a.url]));
    expect(urls).toEqual({ 'Front matter': '', 'Line one': '', 'Line two': 'https://example.org/2' });
  });
});

describe('F: restore is all or nothing', () => {
  it('a write that fails part way leaves the library empty, and the same backup then restores', async () => {
    const backup = await sampleBackup();
    const { core, dir } = await emptyTarget();
    const store = core.ctx.store;
    const putNotes = store.putNotes.bind(store);
    // The disk fails after the articles and passages are written, before the notes.
    store.putNotes = () => Promise.reject(new StoreError('Could not save 2 notes: no space left on device', 'io'));
    await expect(importInterchange(core.ctx, 'scholia-backup', backup)).rejects.toThrow(
      /no space left on device.*Nothing was kept.*can be tried again/,
    );
    expectEmpty(core);
    expect(readdirSync(path.join(dir, 'articles'))).toEqual([]);
    store.putNotes = putNotes;
    const r = await importInterchange(core.ctx, 'scholia-backup', backup);
    expect(r).toMatchObject({ status: 'imported', articles: 2, notes: 2, passages: 2 });
    expect(store.listPassages().map((p) => p.id)).toEqual(['p_mt', 'p_rferl']);
  });

  it('a backup refused half way through its notes writes none of its articles', async () => {
    const backup = await sampleBackup();
    backup.notes[1].id = '../outside';
    const { core, dir } = await emptyTarget();
    await expect(importInterchange(core.ctx, 'scholia-backup', backup)).rejects.toThrow(/notes\.1\.id/);
    expectEmpty(core);
    expect(readdirSync(path.join(dir, 'articles'))).toEqual([]);
    backup.notes[1].id = 'n_fixed';
    await expect(importInterchange(core.ctx, 'scholia-backup', backup)).resolves.toMatchObject({ notes: 2 });
  });
});
