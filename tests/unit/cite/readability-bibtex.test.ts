// The whole Readability test set (130 real pages, ../shared) imported as a user would, exported as
// BibTeX and read back with a real BibTeX parser: every entry parses, every key is distinct, and no
// author is a date or a date's pieces (the issue's `author = {28, April and {2019 at 6:01 am ...}}`).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { newCitationKey } from '../../../electron/core/citation-data.js';
import { toBibtex } from '../../../electron/core/export/formats/bibtex.js';
import { extractHtml } from '../../../electron/core/import/html-format.js';
import type { ArticleMeta } from '../../../electron/core/model.js';

const root = path.resolve(import.meta.dirname, '../../../../shared/datasets/readability-test-pages/test-pages');
const present = existsSync(root);
if (!present) console.log(`readability-bibtex: skipped, ${root} is absent (the shared datasets are not here).`);

const MONTH =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
/** A digit, a clock word, or a name made only of month names ("June" alone is a given name too). */
function dateLike(words: string[]): boolean {
  return words.some((w) => /\d|^(?:am|pm|updated|published)$/i.test(w)) || words.every((w) => MONTH.test(w));
}

describe.skipIf(!present)('BibTeX of the Readability test pages', () => {
  it('parses back, one entry per page, with no author that is a date', () => {
    const used = new Set<string>();
    const metas: ArticleMeta[] = [];
    for (const slug of readdirSync(root).sort()) {
      const html = readFileSync(path.join(root, slug, 'source.html'), 'utf8');
      let ex;
      try {
        ex = extractHtml(html, `${slug}.html`, `https://example.org/${slug}`);
      } catch {
        continue; // a page with no readable text is refused at import, as in the app
      }
      const meta: ArticleMeta = {
        id: `a_${slug.replace(/[^A-Za-z0-9_-]/g, '_')}`,
        title: ex.title,
        source: ex.source,
        author: ex.author,
        published: ex.published,
        url: ex.url,
        lang: ex.lang,
        tags: [],
        words: 1,
        format: 'html',
        origin: slug,
        contentHash: slug,
        addedAt: '2026-11-26T00:00:00.000Z',
        updatedAt: '2026-11-26T00:00:00.000Z',
        ...ex.citation,
      };
      meta.citationKey = newCitationKey(meta, used);
      metas.push(meta);
    }
    expect(metas.length).toBeGreaterThan(120);
    const lib = parse(toBibtex(metas), { english: false });
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(metas.length);
    expect(new Set(lib.entries.map((e) => e.key)).size).toBe(metas.length);
    const names = lib.entries.flatMap((e) => (e.fields.author as Array<Record<string, string>> | undefined) ?? []);
    expect(names.length).toBeGreaterThan(60);
    const dated = names.filter((n) =>
      dateLike([n.lastName, n.firstName, n.name].filter(Boolean).flatMap((part) => part!.split(/\s+/))),
    );
    expect(dated).toEqual([]);
    // The pages the issue named: Seattle Times and Breitbart have their real authors.
    const byKey = new Map(lib.entries.map((e) => [e.key, e]));
    const seattle = metas.find((m) => m.origin === 'seattletimes-1')!;
    expect(byKey.get(seattle.citationKey!)!.fields.author).toEqual([{ lastName: 'Romano', firstName: 'Benjamin' }]);
    const breitbart = metas.find((m) => m.origin === 'breitbart')!;
    expect(breitbart.citationKey).toBe('nolan2016neutral');
    expect(breitbart.title).not.toMatch(/Breitbart$/);
  }, 300_000);
});
