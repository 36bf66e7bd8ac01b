// Each migration format on a realistic export written from its app's documentation:
// what the user would count after importing it (articles, to-fetch entries, tags,
// highlights placed or orphaned, read and archived state, dates).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../../electron/core/context.js';
import { detectInterchange, importInterchange, type MigrationResult } from '../../../../electron/core/interop/api.js';
import type { JsonStore } from '../../../../electron/core/store/index.js';
import { openJsonLibrary } from '../../export/library.js';

const FIXTURES = path.resolve(__dirname, '../../../../electron/core/interop/migrate/fixtures');

async function importFixture(file: string, ctx?: CoreContext): Promise<{ ctx: CoreContext; r: MigrationResult }> {
  const c = ctx ?? (await openJsonLibrary());
  const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
  const kind = detectInterchange(bytes, file);
  expect(kind, `${file} is recognised`).not.toBeNull();
  const r = (await importInterchange(c, kind!, bytes, file)) as MigrationResult;
  return { ctx: c, r };
}

const pending = (ctx: CoreContext) => (ctx.store as JsonStore).listPending();
const allTags = (list: Array<{ tags: string[] }>) => [...new Set(list.flatMap((x) => x.tags))].sort();

describe('Pocket', () => {
  it('ril_export.html: every saved link waits to be fetched with its title, tags, date and archive state', async () => {
    const { ctx, r } = await importFixture('ril_export.html');
    expect(r.kind).toBe('pocket-html');
    expect(r.pending).toBe(5);
    expect(r.articles).toBe(0);
    // The javascript: link is reported, not kept.
    expect(r.warnings.join('\n')).toMatch(/link 4: "javascript:alert\(1\)" is not an http\(s\) link/);
    const list = pending(ctx);
    expect(list).toHaveLength(5);
    expect(allTags(list)).toEqual(['drones', 'energy', 'methods', 'osint', 'ukraine']);
    expect(list.filter((e) => e.archived)).toHaveLength(2);
    const drones = list.find((e) => e.title === 'Drones over the Black Sea')!;
    expect(drones.savedAt).toBe('2024-03-07T09:00:00.000Z');
    expect(drones.state).toBe('waiting');
  });

  it('the CSV of the export email: tags split on "|", status archive kept, quoted titles read', async () => {
    const { ctx, r } = await importFixture('pocket.csv');
    expect(r.kind).toBe('pocket-csv');
    expect(r.pending).toBe(5);
    const list = pending(ctx);
    expect(allTags(list)).toEqual(['drones', 'energy', 'methods', 'osint', 'ukraine']);
    expect(list.map((e) => e.title)).toContain('The "archive" of everything');
    expect(list.map((e) => e.title)).toContain('Grain corridor reopens, for now');
    expect(
      list
        .filter((e) => e.archived)
        .map((e) => e.title)
        .sort(),
    ).toEqual(['Attacks on the energy grid', 'The "archive" of everything']);
  });

  it('importing the same export twice adds nothing the second time', async () => {
    const { ctx } = await importFixture('pocket.csv');
    const { r } = await importFixture('ril_export.html', ctx);
    expect(r.pending).toBe(0);
    expect(r.duplicates).toBe(5);
    expect(pending(ctx)).toHaveLength(5);
  });
});

describe('Instapaper', () => {
  it('reads folders as state or tags, the Tags column, and a selection as a highlight to place later', async () => {
    const { ctx, r } = await importFixture('instapaper-export.csv');
    expect(r.kind).toBe('instapaper');
    expect(r.pending).toBe(4);
    const list = pending(ctx);
    expect(allTags(list)).toEqual(['Research', 'drones', 'energy', 'starred', 'ukraine']);
    expect(list.filter((e) => e.archived)).toHaveLength(1);
    expect(list.flatMap((e) => e.highlights ?? []).map((h) => h.quote)).toEqual([
      'Verification starts with the original file.',
    ]);
  });
});

describe('Omnivore', () => {
  it('articles from the saved text (HTML and Markdown), labels as tags, highlights placed with their notes', async () => {
    const { ctx, r } = await importFixture('omnivore-export.zip');
    expect(r.kind).toBe('omnivore');
    expect(r.articles).toBe(2);
    expect(r.pending).toBe(1); // the grain corridor item had no saved text
    expect(r.passages).toBe(3);
    expect(r.orphans).toBe(1);
    expect(r.warnings.join('\n')).toMatch(/could not be placed.*A sentence that is not in the saved text/);
    const articles = ctx.store.listArticles();
    expect(allTags(articles)).toEqual(['drones', 'osint', 'ukraine']);
    const drones = articles.find((a) => a.title === 'Drones over the Black Sea')!;
    expect(drones.archivedAt).toBe('2024-03-07T09:00:00.000Z');
    expect(drones.readAt).toBeTruthy();
    expect(drones.addedAt).toBe('2024-03-07T09:00:00.000Z');
    expect(drones.author).toBe('Jane Roe');
    const passages = ctx.store.listPassages(drones.id);
    expect(passages).toHaveLength(2);
    const core = passages.find((p) => p.comment === 'The core argument.')!;
    expect(core.quote.exact).toBe('Cheap boats loaded with explosives now threaten ships worth hundreds of millions.');
    expect(core.tags).toEqual(['asymmetry', 'naval']);
    const text = (await ctx.store.getArticleBody(drones.id))!.text;
    expect(text.slice(core.position.start, core.position.end)).toBe(core.quote.exact);
    const notes = articles.find((a) => a.title === 'Notes on open-source investigation')!;
    expect(notes.archivedAt).toBeUndefined();
    expect(
      ctx.store
        .listPassages(notes.id)
        .map((p) => p.state)
        .sort(),
    ).toEqual(['anchored', 'orphan']);
  });
});

describe('Wallabag', () => {
  it('entries with their content, tags, starred and archived state, annotations as passages', async () => {
    const { ctx, r } = await importFixture('wallabag-export.json');
    expect(r.kind).toBe('wallabag');
    expect(r.articles).toBe(2);
    expect(r.passages).toBe(1);
    expect(r.orphans).toBe(1);
    const articles = ctx.store.listArticles();
    expect(allTags(articles)).toEqual(['methods', 'osint', 'starred']);
    const v = articles.find((a) => a.title === 'Verifying a video in five steps')!;
    expect(v.archivedAt).toBeTruthy();
    expect(v.author).toBe('Jane Roe');
    expect(v.addedAt).toBe('2023-05-14T06:30:12.000Z');
    const placed = ctx.store.listPassages(v.id).find((p) => p.state !== 'orphan')!;
    expect(placed.quote.exact).toBe('Find the earliest copy before anything else.');
    expect(placed.comment).toBe('The key step.');
  });
});

describe('Readwise', () => {
  it('one article per book made of its highlights, each placed, with notes, locations and tags', async () => {
    const { ctx, r } = await importFixture('readwise-export.csv');
    expect(r.kind).toBe('readwise');
    expect(r.articles).toBe(2);
    expect(r.passages).toBe(3);
    expect(r.orphans).toBe(0);
    const articles = ctx.store.listArticles();
    expect(articles.map((a) => a.title).sort()).toEqual(['Science and Sanity', 'Tractatus Logico-Philosophicus']);
    expect(allTags(articles)).toEqual(['philosophy', 'readwise']);
    const passages = ctx.store.listPassages();
    expect(allTags(passages)).toEqual(['epistemics', 'language', 'limits']);
    expect(passages.find((p) => p.quote.exact.startsWith('The limits'))!.comment).toBe(
      'Often quoted, rarely read. — location 3560',
    );
  });
});

describe('Kindle', () => {
  it('My Clippings.txt: highlights per book with location, notes joined to their highlight, bookmarks reported', async () => {
    const { ctx, r } = await importFixture('My Clippings.txt');
    expect(r.kind).toBe('kindle');
    expect(r.articles).toBe(2);
    expect(r.passages).toBe(4);
    expect(r.warnings).toContain('1 bookmark(s) hold no text and were not imported.');
    const articles = ctx.store.listArticles();
    const war = articles.find((a) => a.title === 'The Art of War')!;
    expect(war.author).toBe('Sun Tzu');
    expect(articles.find((a) => a.title === 'Thinking, Fast and Slow')!.author).toBe('Kahneman, Daniel');
    const ps = ctx.store.listPassages(war.id);
    expect(ps).toHaveLength(2);
    const deception = ps.find((p) => p.quote.exact === 'All warfare is based on deception.')!;
    expect(deception.comment).toBe('Compare with Clausewitz.\n(Kindle location 125-127)');
    expect(deception.createdAt).toBe(new Date('March 3, 2019 10:11:32 PM').toISOString());
  });

  it('highlights of a book already in the library are placed on it, not on a new article', async () => {
    const ctx = await openJsonLibrary();
    const first = await importFixture('My Clippings.txt', ctx);
    expect(first.r.articles).toBe(2);
    const again = await importFixture('My Clippings.txt', ctx);
    expect(again.r.articles).toBe(0);
    expect(again.r.passages).toBe(0); // the same highlights: nothing twice
    expect(ctx.store.listPassages()).toHaveLength(4);
  });
});

describe('references (Zotero CSL-JSON, BibTeX, RIS)', () => {
  it('CSL-JSON: linked items wait to be fetched with their metadata; an abstract alone is an article; an empty item is reported', async () => {
    const { ctx, r } = await importFixture('zotero.json');
    expect(r.kind).toBe('csl-json');
    expect(r.pending).toBe(2);
    expect(r.articles).toBe(1);
    expect(r.warnings.join('\n')).toMatch(/Untitled draft.*no link, DOI, abstract or snapshot/);
    const list = pending(ctx);
    const osint = list.find((e) => e.title.startsWith('Open-source'))!;
    expect(osint.author).toBe('Roe, Jane; Doe, John');
    expect(osint.source).toBe('Journal of Strategic Studies');
    expect(osint.published).toBe('2023-04-02');
    expect(osint.tags).toEqual(['osint', 'ukraine']);
    // A DOI without a URL is fetched from doi.org.
    expect(list.find((e) => e.title.startsWith('Energy'))!.url).toBe('https://doi.org/10.5555/example.2024.17');
    const book = ctx.store.listArticles()[0]!;
    expect(book.title).toBe('A history of signals');
    expect(book.published).toBe('1999-06-01');
  });

  it('BibTeX: LaTeX turned into text, names split, dates from date or year and month', async () => {
    const { ctx, r } = await importFixture('library.bib');
    expect(r.kind).toBe('bibtex');
    expect(r.pending).toBe(3);
    expect(r.articles).toBe(1);
    const list = pending(ctx);
    expect(list.map((e) => e.title).sort()).toEqual([
      'Energy Infrastructure under Attack',
      'Notes from the Café',
      'Open-Source Intelligence and the War in Ukraine',
    ]);
    expect(list.find((e) => e.title === 'Notes from the Café')!.author).toBe('Müller, Jörg');
    expect(list.find((e) => e.title.startsWith('Energy'))!.published).toBe('2024-03-01');
    expect(allTags([...list, ...ctx.store.listArticles()])).toEqual(['history', 'osint', 'ukraine']);
  });

  it('RIS: references with authors, container, keywords and abstract', async () => {
    const { ctx, r } = await importFixture('library.ris');
    expect(r.kind).toBe('ris');
    expect(r.pending).toBe(2);
    expect(r.articles).toBe(1);
    const osint = pending(ctx).find((e) => e.title.startsWith('Open-source'))!;
    expect(osint.author).toBe('Roe, Jane; Doe, John');
    expect(osint.published).toBe('2023-04-02');
    expect(osint.tags).toEqual(['osint', 'ukraine']);
    expect(ctx.store.listArticles()[0]!.tags).toEqual(['history']);
  });
});
