import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../electron/core/export/formats/bibtex.js';
import { renderExport } from '../../../electron/core/export/run.js';
import type { ArticleMeta } from '../../../electron/core/model.js';
import { fillSample, openJsonLibrary } from './library.js';

function meta(over: Partial<ArticleMeta>): ArticleMeta {
  return {
    id: 'a_x',
    title: 'T',
    source: '',
    author: '',
    published: null,
    url: '',
    lang: '',
    tags: [],
    words: 1,
    format: 'html',
    origin: '',
    contentHash: '',
    addedAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...over,
  };
}

describe('BibTeX export', () => {
  it('parses with a real BibTeX parser, one entry per source', async () => {
    const ctx = await openJsonLibrary();
    await fillSample(ctx);
    const { files } = await renderExport(ctx, { format: 'bibtex', scope: {} });
    expect(files[0]!.path).toMatch(/\.bib$/);
    // english:false: the parser would otherwise sentence-case titles the Zotero way.
    const lib = parse(files[0]!.text!, { english: false });
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(2);
    const rferl = lib.entries.find((e) => e.fields.journal === 'RFE/RL')!;
    expect(rferl.type).toBe('article');
    expect(rferl.fields.title).toBe("Blinken Calls Russia's Use Of Iranian Drones In Ukraine 'Appalling'");
    expect(rferl.fields.author).toEqual([
      { lastName: 'Doe', firstName: 'Jane' },
      { lastName: 'Smith', firstName: 'John' },
    ]);
    expect(rferl.fields.year).toBe('2022');
    expect(rferl.fields.url).toBe('https://www.rferl.org/a/blinken-russia-iranian-drones-appalling/32104580.html');
  });

  it("escapes LaTeX's special characters so titles and names come back exactly", () => {
    const title = 'R&D: 50% of {budget} $5 #1 _x_ ~ ^ \\ “Ünïcode” — Kyiv’s drones';
    const bib = toBibtex([
      meta({
        title,
        source: 'Le Monde & Co',
        author: 'Doe, Jane',
        published: '2022-10-27',
        url: 'https://x.org/a_b%20c?d={e}',
        tags: ['a_b', 'ukraine/drones'],
      }),
      meta({ id: 'a_y', title: 'No source, no author' }),
    ]);
    const lib = parse(bib);
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(2);
    expect(lib.entries[0]!.fields.title).toBe(title);
    expect(lib.entries[0]!.fields.journal).toBe('Le Monde & Co');
    expect(lib.entries[0]!.fields.keywords).toEqual(['a_b', 'ukraine/drones']);
    expect(lib.entries[0]!.fields.url).toBe('https://x.org/a_b%20c?d=%7Be%7D');
    expect(lib.entries[1]!.type).toBe('online');
  });

  it('gives sources with the same author, year and title word distinct keys', () => {
    const bib = toBibtex([
      meta({ id: 'a', author: 'Jane Doe', published: '2022' }),
      meta({ id: 'b', author: 'Jane Doe', published: '2022' }),
    ]);
    const keys = parse(bib).entries.map((e) => e.key);
    expect(keys).toEqual(['doe2022', 'doe2022a']);
  });
});
