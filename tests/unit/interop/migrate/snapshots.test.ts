// Zotero's "Export Files": the snapshot beside a BibTeX or RIS export becomes the
// article's text (with the reference's metadata) when the file is imported from disk;
// uploaded alone, the reference waits to be fetched and the report says why.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../../electron/core/articles/index.js';
import { openCore, type Core } from '../../../../electron/core/core.js';

const EXPORT = path.resolve(__dirname, '../../../../electron/core/interop/migrate/fixtures/zotero-export');
let dir: string;
let core: Core;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-snapshots-'));
  core = await openCore({ libraryDir: dir, mode: 'cli' });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reference exports with snapshots', () => {
  for (const file of ['library.bib', 'library.ris']) {
    it(`${file} from disk: the snapshot is the article's text, with the reference's metadata`, async () => {
      const [r] = await importPaths(core.ctx, [path.join(EXPORT, file)], () => {}, { pool: false });
      expect(r).toMatchObject({ status: 'imported', articles: 1 });
      const [a] = await core.api.listArticles();
      expect(a!.title).toMatch(/^Open-source intelligence and the war in Ukraine$/i);
      expect(a!.author).toBe('Roe, Jane; Doe, John');
      expect(a!.source).toBe('Journal of Strategic Studies');
      expect(a!.published).toBe('2023-04-02');
      expect(a!.url).toBe('https://www.example.org/journals/jss/osint-ukraine');
      expect(a!.tags).toContain('osint');
      const text = (await core.api.getArticle(a!.id))!.text;
      expect(text).toContain('Archive everything you cite: pages change and disappear');
      expect(text).not.toContain('Journals'); // the page's navigation was left out, as for any HTML import
    });
  }

  it('a snapshot path leading out of the export folder is not read', async () => {
    const [r] = await importPaths(core.ctx, [path.join(EXPORT, 'library.bib')], () => {}, { pool: false });
    expect(r!.warnings!.join('\n')).toMatch(
      /entry secret: its snapshot \(\.\.\/.*hostname\.html\) was not with the file; it will be fetched from its link instead/,
    );
    expect((await core.api.listPending()).entries.map((e) => e.url)).toEqual(['https://blog.example.net/outside']);
  });

  it('uploaded alone (no folder), the reference waits to be fetched and the report says why', async () => {
    const [r] = await core.api.importFiles([
      { name: 'library.bib', dataBase64: readFileSync(path.join(EXPORT, 'library.bib')).toString('base64') },
    ]);
    expect(r).toMatchObject({ status: 'imported', articles: 0, pending: 2 });
    expect(r!.warnings!.join('\n')).toMatch(
      /entry roe2023osint: its snapshot \(files\/12\/.*\) was not with the file; it will be fetched from its link instead/,
    );
  });
});
